/**
 * Query keys of the routing settings: the rules, the teams and the workspace's members. A team change invalidates
 * the teams and the members (who belongs where); a capacity change, both as well (load, queue).
 */
export const routingKeys = {
  all: ['routing'] as const,
  rules: () => [...routingKeys.all, 'rules'] as const,
  teams: () => [...routingKeys.all, 'teams'] as const,
  members: () => [...routingKeys.all, 'members'] as const,
};
