import type { RoutingRuleDto } from '@ecoute/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest, type CallOptions } from '../api-client';
import { routingKeys } from './keys';

/** `GET /api/routing-rules`: the workspace's routing rules, in the order they apply (any inbox user). */
export function getRoutingRules(options: CallOptions = {}): Promise<RoutingRuleDto[]> {
  return apiRequest<RoutingRuleDto[]>('/routing-rules', options);
}

export function routingRulesQueryOptions() {
  return queryOptions({
    queryKey: routingKeys.rules(),
    queryFn: ({ signal }) => getRoutingRules({ signal }),
  });
}

export function useRoutingRules() {
  return useQuery(routingRulesQueryOptions());
}
