import type { AuthorDto, Platform } from '@ecoute/contracts';
import { ActionIcon, Anchor, Group, Text } from '@mantine/core';
import { IconExternalLink } from '@tabler/icons-react';
import { AuthorAvatar, AuthorLine, VerifiedMark } from './author';
import { PlatformBadge } from './badges';
import { RelativeTime } from './relative-time';

export type MentionBylineAuthor = Pick<AuthorDto, 'name' | 'handle'> &
  Partial<Pick<AuthorDto, 'verified' | 'avatarUrl' | 'platform'>>;

export interface MentionBylineMention {
  author: MentionBylineAuthor;
  platform: Platform;
  /** when the post was published (ISO 8601) */
  createdAt: string;
  /** the post on its platform */
  url: string;
}

export interface MentionBylineProps {
  mention: MentionBylineMention;
  locale: string;
  /** the translated accessible name of the link to the post */
  openPostLabel: string;
  /** the translated accessible name of the verified mark (shown when the author is verified) */
  verifiedLabel?: string;
  /** the platform badge before the time */
  withPlatformBadge?: boolean;
  /** an id on the author's name, e.g. to label the mention by it */
  nameId?: string;
  /** the time and link go under the name when the row is too narrow */
  wrap?: boolean;
  /**
   * `inline`: name, verified mark and @handle on one line, the link as an icon button;
   * `thread`: a small avatar with the name over the @handle, the link as an anchor.
   */
  variant?: 'inline' | 'thread';
}

/** The head of a mention: who wrote it, where, when, and a link to the post. */
export function MentionByline({
  mention: { author, platform, createdAt, url },
  locale,
  openPostLabel,
  verifiedLabel = '',
  withPlatformBadge = false,
  nameId,
  wrap = false,
  variant = 'inline',
}: MentionBylineProps) {
  const thread = variant === 'thread';
  const linkProps = { href: url, target: '_blank', rel: 'noopener noreferrer', 'aria-label': openPostLabel };
  const linkIcon = <IconExternalLink size={14} aria-hidden />;
  return (
    <Group
      justify="space-between"
      wrap={wrap ? 'wrap' : 'nowrap'}
      gap={thread ? undefined : 'xs'}
      align={thread ? 'flex-start' : undefined}
    >
      {thread ? (
        <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
          <AuthorAvatar author={{ ...author, avatarUrl: author.avatarUrl ?? null }} size="sm" />
          <AuthorLine
            author={{ platform, ...author, verified: author.verified ?? false }}
            verifiedLabel={verifiedLabel}
          />
        </Group>
      ) : (
        <Group gap={4} wrap="nowrap" style={wrap ? { minWidth: 0, maxWidth: '100%' } : { minWidth: 0 }}>
          <Text size="sm" fw={600} truncate="end" id={nameId}>
            {author.name || author.handle}
          </Text>
          {author.verified ? <VerifiedMark label={verifiedLabel} size={14} /> : null}
          <Text size="xs" c="dimmed" truncate="end">
            @{author.handle}
          </Text>
        </Group>
      )}
      <Group gap={thread ? 'xs' : withPlatformBadge ? 6 : 4} wrap="nowrap">
        {withPlatformBadge ? <PlatformBadge platform={platform} /> : null}
        <RelativeTime date={createdAt} locale={locale} />
        {thread ? (
          <Anchor {...linkProps} size="xs">
            {linkIcon}
          </Anchor>
        ) : (
          <ActionIcon component="a" {...linkProps} variant="subtle" color="gray" size="sm">
            {linkIcon}
          </ActionIcon>
        )}
      </Group>
    </Group>
  );
}
