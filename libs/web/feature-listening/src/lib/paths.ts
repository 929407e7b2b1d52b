export interface ListeningPageProps {
  /** where the router mounts the Listening area (default `/listening`) */
  basePath?: string;
}

/** The addresses of the Listening area, under its base path. */
export function listeningPaths(basePath = '/listening') {
  return {
    queries: basePath,
    newQuery: `${basePath}/queries/new`,
    query: (id: string) => `${basePath}/queries/${encodeURIComponent(id)}`,
    sources: `${basePath}/sources`,
    mentions: `${basePath}/mentions`,
    mentionsOf: (queryId: string) => `${basePath}/mentions?queryId=${encodeURIComponent(queryId)}`,
    understanding: `${basePath}/understanding`,
  };
}
