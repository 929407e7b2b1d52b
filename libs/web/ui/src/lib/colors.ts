import type {
  ConversationStatus,
  Priority,
  QueryKind,
  ReplyState,
  SentimentLabel,
  SourceState,
} from '@ecoute/contracts';

/** One palette for badges and charts, so that "negative" is the same red everywhere. */
export const SENTIMENT_COLORS: Record<SentimentLabel, { mantine: string; hex: string }> = {
  positive: { mantine: 'teal', hex: '#12b886' },
  neutral: { mantine: 'gray', hex: '#adb5bd' },
  negative: { mantine: 'red', hex: '#fa5252' },
};

export const PRIORITY_COLORS: Record<Priority, string> = {
  urgent: 'red',
  high: 'orange',
  normal: 'blue',
  low: 'gray',
};

export const STATUS_COLORS: Record<ConversationStatus, string> = {
  new: 'violet',
  open: 'blue',
  pending: 'yellow',
  snoozed: 'grape',
  resolved: 'teal',
  ignored: 'gray',
};

export const DELIVERY_COLORS: Record<ReplyState, string> = {
  queued: 'gray',
  sending: 'blue',
  sent: 'teal',
  failed: 'red',
};

/** A source's polling state: green polls, orange waits to retry, red needs a person, grey was stopped. */
export const SOURCE_STATE_COLORS: Record<SourceState, string> = {
  active: 'teal',
  backing_off: 'orange',
  needs_reauth: 'red',
  paused: 'gray',
};

/** Brand, competitors and campaigns, also the series colours of share of voice. */
export const QUERY_KIND_COLORS: Record<QueryKind, string> = {
  brand: 'indigo',
  competitor: 'grape',
  campaign: 'cyan',
};

/** The brand's indigo, used for volume series. */
export const VOLUME_COLOR = '#4c6ef5';
