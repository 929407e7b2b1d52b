import type { CompileListeningQueryRequest, CompiledQueryDto } from '@ecoute/contracts';
import { keepPreviousData, queryOptions, skipToken, useQuery } from '@tanstack/react-query';
import { apiRequest, type CallOptions } from '../api-client';
import { listeningKeys } from './keys';

/**
 * `POST /api/listening/compile`: the query in each platform's own syntax, or per platform the limit it exceeds.
 * Stores nothing, so it is read like a query, cached by the spec it compiles.
 */
export function compileListeningQuery(
  body: CompileListeningQueryRequest,
  options: CallOptions = {},
): Promise<CompiledQueryDto[]> {
  return apiRequest<CompiledQueryDto[]>('/listening/compile', { ...options, method: 'POST', body });
}

/** `null`: nothing to compile (the spec being edited is invalid); no request is made. */
export function compileListeningQueryOptions(body: CompileListeningQueryRequest | null) {
  return queryOptions({
    queryKey: listeningKeys.compile(body),
    queryFn: body ? ({ signal }) => compileListeningQuery(body, { signal }) : skipToken,
    staleTime: 60_000,
    retry: false,
  });
}

/**
 * The compiled form of a query being edited. Debounce the body in the caller: every distinct body is one
 * request. Keeps the last answer while the next one loads (`isPlaceholderData`).
 */
export function useCompileListeningQuery(body: CompileListeningQueryRequest | null) {
  return useQuery({ ...compileListeningQueryOptions(body), placeholderData: keepPreviousData });
}
