import type { ConversationStatus } from '@ecoute/contracts';

/** Query keys of the inbox. Everything under `conversations` is invalidated by a reply. */
export const conversationKeys = {
  all: ['conversations'] as const,
  lists: () => [...conversationKeys.all, 'list'] as const,
  list: (statuses: readonly ConversationStatus[] | undefined) =>
    [
      ...conversationKeys.lists(),
      { status: statuses && statuses.length > 0 ? [...statuses].join(',') : 'all' },
    ] as const,
  details: () => [...conversationKeys.all, 'detail'] as const,
  detail: (id: string) => [...conversationKeys.details(), id] as const,
};
