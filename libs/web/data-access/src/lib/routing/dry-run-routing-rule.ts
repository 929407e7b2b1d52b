import type { DryRunRoutingRuleRequest, DryRunRoutingRuleResult } from '@ecoute/contracts';
import { useMutation } from '@tanstack/react-query';
import { apiRequest, type CallOptions } from '../api-client';

/**
 * `POST /api/routing-rules/dry-run`: replays a rule (saved or not) over the mentions of the last `days` days and
 * says what it would have caught, opened or ignored. Stores nothing; a mutation because it is run on demand (a
 * replay reads up to 50,000 mentions), never on its own.
 */
export function dryRunRoutingRule(
  body: DryRunRoutingRuleRequest,
  options: CallOptions = {},
): Promise<DryRunRoutingRuleResult> {
  return apiRequest<DryRunRoutingRuleResult>('/routing-rules/dry-run', { ...options, method: 'POST', body });
}

export function useDryRunRoutingRule() {
  return useMutation({
    mutationFn: (body: DryRunRoutingRuleRequest) => dryRunRoutingRule(body),
  });
}
