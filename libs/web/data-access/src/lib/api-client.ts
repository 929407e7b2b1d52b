import type { ApiError } from '@ecoute/contracts';
import { clearToken, getToken } from './token-store';

/** The part of `fetch` the client uses; tests pass a stub. */
export type FetchLike = (
  input: string,
  init?: RequestInit,
) => Promise<Pick<Response, 'ok' | 'status' | 'statusText' | 'headers' | 'text'>>;

export type ApiErrorKind = 'api' | 'network' | 'invalid-response';

/**
 * Every failure of an API call. `message` is human-readable: the API's own `ApiError.message` when the server
 * answered with one, otherwise a short description of what went wrong.
 */
export class ApiRequestError extends Error {
  readonly status: number;
  readonly kind: ApiErrorKind;
  readonly body: ApiError | null;

  constructor(init: { message: string; status: number; kind: ApiErrorKind; body?: ApiError | null }) {
    super(init.message);
    this.name = 'ApiRequestError';
    this.status = init.status;
    this.kind = init.kind;
    this.body = init.body ?? null;
  }

  get isUnauthorized(): boolean {
    return this.status === 401;
  }
}

export function isApiRequestError(e: unknown): e is ApiRequestError {
  return e instanceof ApiRequestError;
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** serialised as JSON */
  body?: unknown;
  query?: Record<string, string | number | undefined | null>;
  headers?: Record<string, string>;
  signal?: AbortSignal;
  /** send the session token, and treat a 401 as the end of the session (default true) */
  auth?: boolean;
  /** defaults to the global `fetch`, looked up at call time */
  fetch?: FetchLike;
}

/** Per-call options that every fetcher accepts and forwards. */
export type CallOptions = Pick<RequestOptions, 'signal' | 'fetch'>;

export const API_PREFIX = '/api';

function isApiError(v: unknown): v is ApiError {
  return typeof v === 'object' && v !== null && typeof (v as ApiError).message === 'string';
}

function buildUrl(path: string, query?: RequestOptions['query']): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) {
    if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  }
  const qs = params.toString();
  return `${API_PREFIX}${path}${qs ? `?${qs}` : ''}`;
}

/** One request to the Écoute API. Resolves with the parsed JSON body (undefined for 204), rejects with ApiRequestError. */
export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const { method = 'GET', body, query, signal, auth = true } = options;
  const doFetch: FetchLike = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const token = auth ? getToken() : null;
  if (token) headers['Authorization'] = `Bearer ${token}`;

  let res: Awaited<ReturnType<FetchLike>>;
  try {
    res = await doFetch(buildUrl(path, query), {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal,
    });
  } catch (e) {
    if ((e as { name?: unknown } | null)?.name === 'AbortError') throw e;
    throw new ApiRequestError({
      kind: 'network',
      status: 0,
      message: `The server could not be reached (${e instanceof Error ? e.message : String(e)}).`,
    });
  }

  const text = res.status === 204 ? '' : await res.text();
  let parsed: unknown = undefined;
  let parseFailed = false;
  if (text !== '') {
    try {
      parsed = JSON.parse(text);
    } catch {
      parseFailed = true;
    }
  }

  if (!res.ok) {
    if (res.status === 401 && auth) clearToken('expired');
    const apiError = isApiError(parsed) ? parsed : null;
    throw new ApiRequestError({
      kind: 'api',
      status: res.status,
      body: apiError,
      message:
        apiError?.message ??
        `The server answered ${res.status}${res.statusText ? ` ${res.statusText}` : ''}.`,
    });
  }
  if (parseFailed) {
    throw new ApiRequestError({
      kind: 'invalid-response',
      status: res.status,
      message: 'The server sent a response that is not valid JSON.',
    });
  }
  return parsed as T;
}

/** A human-readable message for any error thrown by a query or mutation. */
export function errorMessage(e: unknown): string {
  if (e instanceof Error) return e.message;
  return String(e);
}
