import type { ReorderRoutingRulesRequest, RoutingRuleDto } from '@ecoute/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest, type CallOptions } from '../api-client';
import { routingKeys } from './keys';

/**
 * `POST /api/routing-rules/reorder { ids }` → the rules in their new order. `ids` lists every rule of the
 * workspace once; anything else is refused (400, "list every rule once").
 */
export function reorderRoutingRules(
  body: ReorderRoutingRulesRequest,
  options: CallOptions = {},
): Promise<RoutingRuleDto[]> {
  return apiRequest<RoutingRuleDto[]>('/routing-rules/reorder', { ...options, method: 'POST', body });
}

/** The ids of `rules` with the rule at `from` moved to `to` (both clamped to the list). */
export function moveRule(rules: readonly RoutingRuleDto[], from: number, to: number): string[] {
  const ids = rules.map((r) => r.id);
  if (from < 0 || from >= ids.length) return ids;
  const target = Math.max(0, Math.min(ids.length - 1, to));
  const [moved] = ids.splice(from, 1);
  ids.splice(target, 0, moved);
  return ids;
}

/** Shows the new order at once and rolls it back if the server refuses it. */
export function useReorderRoutingRules() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ReorderRoutingRulesRequest) => reorderRoutingRules(body),
    onMutate: async ({ ids }) => {
      await queryClient.cancelQueries({ queryKey: routingKeys.rules() });
      const previous = queryClient.getQueryData<RoutingRuleDto[]>(routingKeys.rules());
      if (previous) {
        const byId = new Map(previous.map((r) => [r.id, r]));
        const next = ids.flatMap((id, position) => {
          const rule = byId.get(id);
          return rule ? [{ ...rule, position }] : [];
        });
        if (next.length === previous.length) queryClient.setQueryData(routingKeys.rules(), next);
      }
      return { previous };
    },
    onError: (_error, _input, context) => {
      if (context?.previous) queryClient.setQueryData(routingKeys.rules(), context.previous);
    },
    onSuccess: (rules) => queryClient.setQueryData(routingKeys.rules(), rules),
    onSettled: () => queryClient.invalidateQueries({ queryKey: routingKeys.rules() }),
  });
}
