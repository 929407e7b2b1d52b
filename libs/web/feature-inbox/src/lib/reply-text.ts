import { REPLY_MAX_LENGTH } from '@ecoute/contracts';

/**
 * The length the API checks: the trimmed text in UTF-16 code units, like `CreateReplyRequest` (zod `.trim().max()`),
 * so that the counter and the server always agree.
 */
export function replyLength(text: string): number {
  return text.trim().length;
}

export type ReplyValidity = 'empty' | 'too-long' | 'ok';

export function replyValidity(text: string, max: number = REPLY_MAX_LENGTH): ReplyValidity {
  const n = replyLength(text);
  if (n === 0) return 'empty';
  if (n > max) return 'too-long';
  return 'ok';
}

/** What the counter shows: how many characters are left, negative past the limit. */
export function remainingCharacters(text: string, max: number = REPLY_MAX_LENGTH): number {
  return max - replyLength(text);
}
