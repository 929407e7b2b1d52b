/** Emitted in-process after a batch of mentions is committed (DESIGN §1). */
export const MENTIONS_COMMITTED = 'mentions.committed';
export interface MentionsCommittedEvent {
  workspaceId: string;
  sourceId: string;
  mentionIds: string[];
  conversationIds: string[];
}

export const REPLY_QUEUED = 'reply.queued';
export interface ReplyQueuedEvent {
  workspaceId: string;
  outboxId: string;
}
