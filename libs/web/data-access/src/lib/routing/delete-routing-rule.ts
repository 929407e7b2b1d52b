import type { RoutingRuleDto } from '@ecoute/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest, type CallOptions } from '../api-client';
import { routingKeys } from './keys';

/** `DELETE /api/routing-rules/:id` → 204. New mentions are routed without the rule from then on. */
export function deleteRoutingRule(id: string, options: CallOptions = {}): Promise<void> {
  return apiRequest<void>(`/routing-rules/${encodeURIComponent(id)}`, { ...options, method: 'DELETE' });
}

export function useDeleteRoutingRule() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => deleteRoutingRule(id),
    onSuccess: (_void, id) =>
      queryClient.setQueryData<RoutingRuleDto[]>(routingKeys.rules(), (old) =>
        old?.filter((r) => r.id !== id),
      ),
    onSettled: () => queryClient.invalidateQueries({ queryKey: routingKeys.rules() }),
  });
}
