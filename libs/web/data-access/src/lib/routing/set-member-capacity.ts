import type { SetCapacityRequest } from '@ecoute/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest, type CallOptions } from '../api-client';
import { conversationKeys } from '../conversations/keys';
import { routingKeys } from './keys';

export interface SetMemberCapacityInput {
  userId: string;
  /** the most open conversations automatic assignment gives them at once; null: no limit */
  capacity: SetCapacityRequest['capacity'];
}

/** `PUT /api/members/:userId/capacity { capacity }` → 204. Room made hands the member queued work at once. */
export function setMemberCapacity(input: SetMemberCapacityInput, options: CallOptions = {}): Promise<void> {
  return apiRequest<void>(`/members/${encodeURIComponent(input.userId)}/capacity`, {
    ...options,
    method: 'PUT',
    body: { capacity: input.capacity } satisfies SetCapacityRequest,
  });
}

export function useSetMemberCapacity() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: SetMemberCapacityInput) => setMemberCapacity(input),
    onSettled: async () => {
      await queryClient.invalidateQueries({ queryKey: routingKeys.teams() });
      await queryClient.invalidateQueries({ queryKey: routingKeys.members() });
      await queryClient.invalidateQueries({ queryKey: conversationKeys.all });
    },
  });
}
