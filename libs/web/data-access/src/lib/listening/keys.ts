import type { CompileListeningQueryRequest } from '@ecoute/contracts';

/**
 * Query keys of the Listening area. A change to a query invalidates `listeningKeys.all` (the queries, their
 * sources and their compiled forms); a change to a source invalidates `listeningKeys.sources()`.
 */
export const listeningKeys = {
  all: ['listening'] as const,
  queries: () => [...listeningKeys.all, 'queries'] as const,
  queryList: () => [...listeningKeys.queries(), 'list'] as const,
  query: (id: string) => [...listeningKeys.queries(), 'detail', id] as const,
  compile: (body: CompileListeningQueryRequest | null) => [...listeningKeys.all, 'compile', body] as const,
  sources: () => [...listeningKeys.all, 'sources'] as const,
};
