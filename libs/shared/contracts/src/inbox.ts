import { z } from 'zod';
import { ConversationStatus } from './enums';
import type { MessageKind, Platform, Priority, ReplyState } from './enums';
import type { AuthorDto, MentionDto } from './mentions';

/** X counts at most 280 characters per post; a reply is posted to the platform as it is. */
export const REPLY_MAX_LENGTH = 280;

export const CreateReplyRequest = z.object({
  text: z
    .string({ message: 'text is required' })
    .trim()
    .min(1, 'text must not be empty')
    .max(REPLY_MAX_LENGTH, `text must be at most ${REPLY_MAX_LENGTH} characters`),
});
export type CreateReplyRequest = z.infer<typeof CreateReplyRequest>;

export const ConversationListQuery = z.object({
  status: z
    .string()
    .optional()
    .transform((s, ctx) => {
      if (s === undefined || s === '') return undefined;
      const parts = s.split(',');
      const bad = parts.filter((p) => !ConversationStatus.safeParse(p).success);
      if (bad.length > 0) {
        ctx.addIssue({
          code: 'custom',
          message: `status must be one or more of ${ConversationStatus.options.join(', ')} (got ${bad.join(', ')})`,
        });
        return z.NEVER;
      }
      return parts as ConversationStatus[];
    }),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
});
export type ConversationListQuery = z.infer<typeof ConversationListQuery>;

export interface UserRef {
  id: string;
  name: string;
}

export interface ConversationSummaryDto {
  id: string;
  status: ConversationStatus;
  priority: Priority;
  platform: Platform;
  author: AuthorDto;
  /** the mention that opened the conversation */
  subject: MentionDto;
  assignee: UserRef | null;
  messageCount: number;
  openedAt: string;
  lastMessageAt: string;
  waitingSince: string | null;
  firstResponseAt: string | null;
  resolvedAt: string | null;
}

export interface ReplyDelivery {
  state: ReplyState;
  platformPostId: string | null;
  error: string | null;
  attempts: number;
}

export interface MessageDto {
  id: string;
  kind: MessageKind;
  body: string;
  createdAt: string;
  mention: MentionDto | null;
  sentBy: UserRef | null;
  delivery: ReplyDelivery | null;
}

export interface ConversationDetailDto extends ConversationSummaryDto {
  messages: MessageDto[];
}
