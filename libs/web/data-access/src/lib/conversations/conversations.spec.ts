import type { ConversationDetailDto } from '@ecoute/contracts';
import { QueryClient } from '@tanstack/react-query';
import { stubFetch } from '../testing/fetch-stub';
import { escalateConversation } from './escalate-conversation';
import { conversationKeys } from './keys';
import { applyConversationChange, updateConversation } from './update-conversation';

const ID = '6f1d2a4e-1111-4a4a-8a8a-123456789abc';
const LEAD = '0b7c3a1e-2222-4b4b-9b9b-abcdefabcdef';

function detail(over: Partial<ConversationDetailDto> = {}): ConversationDetailDto {
  return { id: ID, version: 2, priority: 'urgent', messages: [], events: [], ...over } as unknown as ConversationDetailDto;
}

describe('conversation actions', () => {
  it('patch the conversation and post an escalation, with the version', async () => {
    const { fetch, calls } = stubFetch(200, detail());
    await expect(
      updateConversation({ id: ID, changes: { version: 1, priority: 'urgent' } }, { fetch }),
    ).resolves.toMatchObject({ id: ID, version: 2 });
    await escalateConversation(
      { id: ID, request: { version: 2, toUserId: LEAD, reason: 'refund over 500 €' } },
      { fetch },
    );
    expect(calls.map((c) => `${c.method} ${c.url}`)).toEqual([
      `PATCH /api/conversations/${ID}`,
      `POST /api/conversations/${ID}/escalate`,
    ]);
    expect(calls[0].body).toEqual({ version: 1, priority: 'urgent' });
    expect(calls[1].body).toEqual({ version: 2, toUserId: LEAD, reason: 'refund over 500 €' });
  });

  it("rejects a stale change with the API's 409 and its message", async () => {
    const message =
      'the conversation changed since you loaded it (your version 1, now 2), last by Léa Lead (priority, 2026-01-01T00:00:00.000Z): reload it and try again';
    const { fetch } = stubFetch(409, { statusCode: 409, error: 'Conflict', message, currentVersion: 2 });
    await expect(
      updateConversation({ id: ID, changes: { version: 1, status: 'resolved' } }, { fetch }),
    ).rejects.toMatchObject({ status: 409, message });
  });

  it('puts the answer in the detail query and invalidates the lists only', async () => {
    const queryClient = new QueryClient();
    queryClient.setQueryData(conversationKeys.detail(ID), detail({ version: 1, priority: 'low' }));
    queryClient.setQueryData(conversationKeys.list(['new', 'open']), { pages: [], pageParams: [] });
    await applyConversationChange(queryClient, detail());
    expect(queryClient.getQueryData(conversationKeys.detail(ID))).toMatchObject({ version: 2, priority: 'urgent' });
    expect(queryClient.getQueryState(conversationKeys.list(['new', 'open']))?.isInvalidated).toBe(true);
    expect(queryClient.getQueryState(conversationKeys.detail(ID))?.isInvalidated).toBe(false);
    queryClient.clear();
  });
});
