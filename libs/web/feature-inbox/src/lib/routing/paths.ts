export interface RoutingPageProps {
  /** where the router mounts the routing settings (default `/inbox/routing`) */
  basePath?: string;
}

/** The addresses of the routing settings, under their base path: the editors are drawers over the page. */
export function routingPaths(basePath = '/inbox/routing') {
  return {
    page: basePath,
    newRule: `${basePath}/rules/new`,
    rule: (id: string) => `${basePath}/rules/${encodeURIComponent(id)}`,
    rulePattern: `${basePath}/rules/:ruleId`,
    newTeam: `${basePath}/teams/new`,
    team: (id: string) => `${basePath}/teams/${encodeURIComponent(id)}`,
    teamPattern: `${basePath}/teams/:teamId`,
  };
}
