import type { ConversationStatus } from '@ecoute/contracts';

/** The status filters of the conversation list. */
export const INBOX_VIEWS = [
  { id: 'open', statuses: ['new', 'open'] },
  { id: 'pending', statuses: ['pending'] },
  { id: 'resolved', statuses: ['resolved'] },
  { id: 'all', statuses: [] },
] as const satisfies ReadonlyArray<{ id: string; statuses: readonly ConversationStatus[] }>;

export type InboxViewId = (typeof INBOX_VIEWS)[number]['id'];

export const DEFAULT_VIEW: InboxViewId = 'open';

export function parseView(value: string | null): InboxViewId {
  return INBOX_VIEWS.some((v) => v.id === value) ? (value as InboxViewId) : DEFAULT_VIEW;
}

export function viewStatuses(view: InboxViewId): readonly ConversationStatus[] {
  return INBOX_VIEWS.find((v) => v.id === view)?.statuses ?? [];
}
