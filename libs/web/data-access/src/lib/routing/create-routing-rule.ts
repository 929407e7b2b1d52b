import type { CreateRoutingRuleRequest, RoutingRuleDto } from '@ecoute/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest, type CallOptions } from '../api-client';
import { routingKeys } from './keys';

/**
 * `POST /api/routing-rules` → 201 with the rule, placed last (`routing.manage`). 400 with a message naming the
 * problem, e.g. "the minimum score is above the maximum".
 */
export function createRoutingRule(
  body: CreateRoutingRuleRequest,
  options: CallOptions = {},
): Promise<RoutingRuleDto> {
  return apiRequest<RoutingRuleDto>('/routing-rules', { ...options, method: 'POST', body });
}

export function useCreateRoutingRule() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateRoutingRuleRequest) => createRoutingRule(body),
    onSuccess: (rule) =>
      queryClient.setQueryData<RoutingRuleDto[]>(routingKeys.rules(), (old) =>
        old && !old.some((r) => r.id === rule.id) ? [...old, rule] : old,
      ),
    onSettled: () => queryClient.invalidateQueries({ queryKey: routingKeys.rules() }),
  });
}
