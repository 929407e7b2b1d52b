import { z } from 'zod';

export const PLATFORMS = ['x', 'mastodon', 'reddit', 'hackernews', 'bluesky'] as const;
export const Platform = z.enum(PLATFORMS);
export type Platform = z.infer<typeof Platform>;

export const ROLES = ['admin', 'lead', 'agent', 'analyst'] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

export const SENTIMENT_LABELS = ['negative', 'neutral', 'positive'] as const;
export const SentimentLabel = z.enum(SENTIMENT_LABELS);
export type SentimentLabel = z.infer<typeof SentimentLabel>;

export const INTENTS = ['complaint', 'question', 'praise', 'purchase', 'spam', 'abuse'] as const;
export const Intent = z.enum(INTENTS);
export type Intent = z.infer<typeof Intent>;

export const CONVERSATION_STATUSES = ['new', 'open', 'pending', 'snoozed', 'resolved', 'ignored'] as const;
export const ConversationStatus = z.enum(CONVERSATION_STATUSES);
export type ConversationStatus = z.infer<typeof ConversationStatus>;

export const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export const Priority = z.enum(PRIORITIES);
export type Priority = z.infer<typeof Priority>;

export const QUERY_KINDS = ['brand', 'competitor', 'campaign'] as const;
export const QueryKind = z.enum(QUERY_KINDS);
export type QueryKind = z.infer<typeof QueryKind>;

export const SOURCE_STATES = ['active', 'backing_off', 'needs_reauth', 'paused'] as const;
export const SourceState = z.enum(SOURCE_STATES);
export type SourceState = z.infer<typeof SourceState>;

export const REPLY_STATES = ['queued', 'sending', 'sent', 'failed'] as const;
export const ReplyState = z.enum(REPLY_STATES);
export type ReplyState = z.infer<typeof ReplyState>;

export const MESSAGE_KINDS = ['inbound', 'reply', 'note', 'event'] as const;
export const MessageKind = z.enum(MESSAGE_KINDS);
export type MessageKind = z.infer<typeof MessageKind>;
