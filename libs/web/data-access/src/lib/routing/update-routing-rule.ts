import type { RoutingRuleDto, UpdateRoutingRuleRequest } from '@ecoute/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest, type CallOptions } from '../api-client';
import { routingKeys } from './keys';

export interface UpdateRoutingRuleInput {
  id: string;
  changes: UpdateRoutingRuleRequest;
}

/** `PATCH /api/routing-rules/:id`, e.g. `{ enabled: false }` to switch a rule off. */
export function updateRoutingRule(
  input: UpdateRoutingRuleInput,
  options: CallOptions = {},
): Promise<RoutingRuleDto> {
  return apiRequest<RoutingRuleDto>(`/routing-rules/${encodeURIComponent(input.id)}`, {
    ...options,
    method: 'PATCH',
    body: input.changes,
  });
}

/** Applies the change to the cached list at once (an on/off switch flips immediately) and rolls it back on error. */
export function useUpdateRoutingRule() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: UpdateRoutingRuleInput) => updateRoutingRule(input),
    onMutate: async ({ id, changes }) => {
      await queryClient.cancelQueries({ queryKey: routingKeys.rules() });
      const previous = queryClient.getQueryData<RoutingRuleDto[]>(routingKeys.rules());
      if (previous) {
        queryClient.setQueryData<RoutingRuleDto[]>(
          routingKeys.rules(),
          previous.map((r) => (r.id === id ? ({ ...r, ...changes } as RoutingRuleDto) : r)),
        );
      }
      return { previous };
    },
    onError: (_error, _input, context) => {
      if (context?.previous) queryClient.setQueryData(routingKeys.rules(), context.previous);
    },
    onSuccess: (rule) =>
      queryClient.setQueryData<RoutingRuleDto[]>(routingKeys.rules(), (old) =>
        old?.map((r) => (r.id === rule.id ? rule : r)),
      ),
    onSettled: () => queryClient.invalidateQueries({ queryKey: routingKeys.rules() }),
  });
}
