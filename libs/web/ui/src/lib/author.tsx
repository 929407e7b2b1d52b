import type { AuthorDto } from '@ecoute/contracts';
import { Avatar, Group, Stack, Text, Tooltip, type AvatarProps } from '@mantine/core';
import { IconRosetteDiscountCheckFilled } from '@tabler/icons-react';
import { PlatformIcon } from './badges';

/**
 * The words of a name that start with a letter: Mantine takes the first UTF-16 unit of each word for the
 * initials, so "Jordan 📚" would show "J" and half an emoji.
 */
export function initialsSource(name: string): string {
  return name
    .split(/\s+/)
    .filter((w) => /^\p{L}/u.test(w))
    .join(' ');
}

export function AuthorAvatar({
  author,
  size = 'md',
  ...rest
}: { author: Pick<AuthorDto, 'name' | 'handle' | 'avatarUrl'> } & Omit<AvatarProps, 'src' | 'alt' | 'name'>) {
  return (
    <Avatar
      src={author.avatarUrl ?? undefined}
      alt={author.name || author.handle}
      name={initialsSource(author.name) || initialsSource(author.handle) || author.handle}
      color="initials"
      size={size}
      radius="xl"
      {...rest}
    />
  );
}

/** The blue rosette, with an accessible name ("Verified"). */
export function VerifiedMark({ label, size = 16 }: { label: string; size?: number }) {
  return (
    <Tooltip label={label} withArrow>
      <IconRosetteDiscountCheckFilled
        size={size}
        color="var(--mantine-color-blue-filled)"
        role="img"
        aria-label={label}
        style={{ flex: 'none' }}
      />
    </Tooltip>
  );
}

export interface AuthorLineProps {
  author: Pick<AuthorDto, 'name' | 'handle' | 'verified' | 'platform'>;
  verifiedLabel: string;
  size?: 'sm' | 'md';
}

/** Name, verified mark and @handle on one or two lines, ellipsised. */
export function AuthorLine({ author, verifiedLabel, size = 'sm' }: AuthorLineProps) {
  return (
    <Stack gap={0} style={{ minWidth: 0 }}>
      <Group gap={4} wrap="nowrap" style={{ minWidth: 0 }}>
        <Text fw={600} size={size} truncate="end">
          {author.name || author.handle}
        </Text>
        {author.verified ? <VerifiedMark label={verifiedLabel} size={size === 'sm' ? 14 : 16} /> : null}
      </Group>
      <Group gap={4} wrap="nowrap" c="dimmed" style={{ minWidth: 0 }}>
        <PlatformIcon platform={author.platform} size={12} />
        <Text size="xs" c="dimmed" truncate="end">
          @{author.handle}
        </Text>
      </Group>
    </Stack>
  );
}
