import type {
  ConversationStatus,
  Intent,
  Platform,
  Priority,
  QueryKind,
  ReplyState,
  SentimentLabel,
  SourceState,
} from '@ecoute/contracts';
import { Badge, Group, Text, Tooltip, VisuallyHidden, type BadgeProps } from '@mantine/core';
import {
  IconAlertCircle,
  IconBrandBluesky,
  IconBrandMastodon,
  IconBrandReddit,
  IconBrandX,
  IconBrandYcombinator,
  IconCheck,
  IconClock,
  IconFlag,
  IconLoader2,
  IconMoodEmpty,
  IconMoodSad,
  IconMoodSmile,
  IconPlayerPause,
  IconPlayerPlay,
  IconRefresh,
  IconKeyOff,
} from '@tabler/icons-react';
import type { ReactNode } from 'react';
import {
  DELIVERY_COLORS,
  PRIORITY_COLORS,
  QUERY_KIND_COLORS,
  SENTIMENT_COLORS,
  SOURCE_STATE_COLORS,
  STATUS_COLORS,
} from './colors';

const SENTIMENT_ICONS: Record<SentimentLabel, typeof IconMoodSmile> = {
  positive: IconMoodSmile,
  neutral: IconMoodEmpty,
  negative: IconMoodSad,
};

export interface SentimentBadgeProps extends Omit<BadgeProps, 'children' | 'color'> {
  label: SentimentLabel;
  /** the translated label */
  text: string;
  /** shown in a tooltip when given, e.g. "Score −0.6" */
  hint?: string;
}

export function SentimentBadge({ label, text, hint, size = 'sm', ...rest }: SentimentBadgeProps) {
  const Icon = SENTIMENT_ICONS[label];
  const badge = (
    <Badge
      variant="light"
      color={SENTIMENT_COLORS[label].mantine}
      size={size}
      leftSection={<Icon size={12} aria-hidden />}
      data-sentiment={label}
      {...rest}
    >
      {text}
    </Badge>
  );
  return hint ? (
    <Tooltip label={hint} withArrow>
      {badge}
    </Tooltip>
  ) : (
    badge
  );
}

export interface IntentBadgeProps extends Omit<BadgeProps, 'children' | 'color'> {
  intent: Intent;
  /** the translated intent */
  text: string;
  /** the colour of the intents that are not a red flag (abuse, spam) */
  neutralColor?: string;
  /**
   * why the intent was found, e.g. "Complaint: refund, still waiting": shown on hover, and read by screen readers
   * instead of the bare `text`
   */
  hint?: string;
}

/** What the author wants (a question, a complaint…); abuse and spam in red. */
export function IntentBadge({
  intent,
  text,
  neutralColor = 'gray',
  hint,
  size = 'sm',
  variant = 'outline',
  ...rest
}: IntentBadgeProps) {
  return (
    <Badge
      size={size}
      variant={variant}
      color={intent === 'abuse' || intent === 'spam' ? 'red' : neutralColor}
      title={hint}
      data-intent={intent}
      {...rest}
    >
      {hint ? (
        <>
          <span aria-hidden>{text}</span>
          <VisuallyHidden>{hint}</VisuallyHidden>
        </>
      ) : (
        text
      )}
    </Badge>
  );
}

export function PriorityBadge({
  priority,
  text,
  ...rest
}: { priority: Priority; text: string } & Omit<BadgeProps, 'children'>) {
  return (
    <Badge
      variant={priority === 'urgent' ? 'filled' : 'light'}
      color={PRIORITY_COLORS[priority]}
      size="sm"
      leftSection={
        priority === 'urgent' || priority === 'high' ? <IconFlag size={11} aria-hidden /> : undefined
      }
      data-priority={priority}
      {...rest}
    >
      {text}
    </Badge>
  );
}

export function StatusBadge({
  status,
  text,
  ...rest
}: { status: ConversationStatus; text: string } & Omit<BadgeProps, 'children'>) {
  return (
    <Badge variant="dot" color={STATUS_COLORS[status]} size="sm" data-status={status} {...rest}>
      {text}
    </Badge>
  );
}

/** Platforms are proper nouns: their names are not translated. */
export const PLATFORM_NAMES: Record<Platform, string> = {
  x: 'X',
  mastodon: 'Mastodon',
  reddit: 'Reddit',
  hackernews: 'Hacker News',
  bluesky: 'Bluesky',
};

const PLATFORM_ICONS: Record<Platform, typeof IconBrandX> = {
  x: IconBrandX,
  mastodon: IconBrandMastodon,
  reddit: IconBrandReddit,
  hackernews: IconBrandYcombinator,
  bluesky: IconBrandBluesky,
};

export function PlatformIcon({ platform, size = 14 }: { platform: Platform; size?: number }) {
  const Icon = PLATFORM_ICONS[platform];
  return <Icon size={size} aria-label={PLATFORM_NAMES[platform]} role="img" />;
}

export function PlatformBadge({ platform, ...rest }: { platform: Platform } & Omit<BadgeProps, 'children'>) {
  const Icon = PLATFORM_ICONS[platform];
  return (
    <Badge
      variant="default"
      size="sm"
      leftSection={<Icon size={11} aria-hidden />}
      data-platform={platform}
      {...rest}
    >
      {PLATFORM_NAMES[platform]}
    </Badge>
  );
}

const DELIVERY_ICONS: Record<ReplyState, typeof IconCheck> = {
  queued: IconClock,
  sending: IconLoader2,
  sent: IconCheck,
  failed: IconAlertCircle,
};

export interface DeliveryStateProps {
  state: ReplyState;
  /** the translated state */
  text: string;
  /** the platform's error, for a failed delivery */
  error?: string | null;
  extra?: ReactNode;
}

/** A reply's delivery state. `data-testid="delivery-state"` and `data-state` let browser tests read it in any language. */
export function DeliveryState({ state, text, error, extra }: DeliveryStateProps) {
  const Icon = DELIVERY_ICONS[state];
  return (
    <Group gap={6} wrap="nowrap">
      <Badge
        variant="light"
        color={DELIVERY_COLORS[state]}
        size="sm"
        leftSection={<Icon size={12} aria-hidden />}
        tt="none"
        data-testid="delivery-state"
        data-state={state}
      >
        {text}
      </Badge>
      {error ? (
        <Text size="xs" c="red" role="note">
          {error}
        </Text>
      ) : null}
      {extra}
    </Group>
  );
}

/** Brand, competitor or campaign. `data-kind` lets browser tests read it in any language. */
export function QueryKindBadge({
  kind,
  text,
  ...rest
}: { kind: QueryKind; text: string } & Omit<BadgeProps, 'children'>) {
  return (
    <Badge variant="light" color={QUERY_KIND_COLORS[kind]} size="sm" data-kind={kind} {...rest}>
      {text}
    </Badge>
  );
}

const SOURCE_STATE_ICONS: Record<SourceState, typeof IconCheck> = {
  active: IconPlayerPlay,
  backing_off: IconRefresh,
  needs_reauth: IconKeyOff,
  paused: IconPlayerPause,
};

/** A source's polling state, colour-coded (green, orange, red, grey) and with an icon, so not by colour alone. */
export function SourceStateBadge({
  state,
  text,
  ...rest
}: { state: SourceState; text: string } & Omit<BadgeProps, 'children'>) {
  const Icon = SOURCE_STATE_ICONS[state];
  return (
    <Badge
      variant={state === 'needs_reauth' ? 'filled' : 'light'}
      color={SOURCE_STATE_COLORS[state]}
      size="sm"
      tt="none"
      leftSection={<Icon size={12} aria-hidden />}
      data-source-state={state}
      {...rest}
    >
      {text}
    </Badge>
  );
}
