import type { ApiError, ConversationDetailDto, LoginResponse } from '@ecoute/contracts';
import { ApiRequestError, apiRequest, type FetchLike } from './api-client';
import { login } from './auth/login';
import { createReply } from './conversations/create-reply';
import { getConversation } from './conversations/get-conversation';
import { getConversations } from './conversations/get-conversations';
import { newIdempotencyKey } from './idempotency-key';
import { overviewRangeParams } from './reports/get-overview';
import { clearToken, getToken, sessionEndReason, setToken, subscribeToken } from './token-store';

interface Call {
  url: string;
  init: RequestInit;
}

/** A stub fetch answering every call with the given status and body; records the calls. */
function stub(status: number, body?: unknown, raw?: string) {
  const calls: Call[] = [];
  const fetch: FetchLike = async (url, init = {}) => {
    calls.push({ url, init });
    const text = raw ?? (body === undefined ? '' : JSON.stringify(body));
    return {
      ok: status >= 200 && status < 300,
      status,
      statusText: status === 502 ? 'Bad Gateway' : '',
      headers: new Headers(),
      text: async () => text,
    };
  };
  return { fetch, calls };
}

const notFound: ApiError = {
  statusCode: 404,
  error: 'Not Found',
  message: 'conversation 123 does not exist in this workspace',
};

afterEach(() => clearToken());

describe('apiRequest and the fetchers', () => {
  it('sends the session token and rejects with the API message on an error', async () => {
    setToken('tok-1');
    const { fetch, calls } = stub(404, notFound);
    const error = await getConversation('123', { fetch }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiRequestError);
    expect(error).toMatchObject({ status: 404, kind: 'api', message: notFound.message, body: notFound });
    expect(calls[0].url).toBe('/api/conversations/123');
    expect((calls[0].init.headers as Record<string, string>).Authorization).toBe('Bearer tok-1');
    // a 404 does not end the session
    expect(getToken()).toBe('tok-1');
  });

  it('ends the session on a 401 and tells the subscribers', async () => {
    setToken('tok-2');
    const listener = jest.fn();
    const unsubscribe = subscribeToken(listener);
    const { fetch } = stub(401, { statusCode: 401, error: 'Unauthorized', message: 'session expired' });
    await expect(getConversations({ status: ['new', 'open'] }, { fetch })).rejects.toMatchObject({
      status: 401,
      message: 'session expired',
    });
    expect(getToken()).toBeNull();
    expect(sessionEndReason()).toBe('expired');
    expect(listener).toHaveBeenCalledTimes(1);
    unsubscribe();
  });

  it('keeps the session and sends no token when the login itself is refused', async () => {
    setToken('old');
    const { fetch, calls } = stub(401, {
      statusCode: 401,
      error: 'Unauthorized',
      message: 'wrong e-mail or password',
    });
    await expect(login({ email: 'agent@example.com', password: 'nope' }, { fetch })).rejects.toMatchObject({
      message: 'wrong e-mail or password',
    });
    expect((calls[0].init.headers as Record<string, string>).Authorization).toBeUndefined();
    expect(getToken()).toBe('old');
  });

  it('returns the parsed body on success', async () => {
    const res: LoginResponse = {
      token: 't',
      expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
      user: { id: 'u', email: 'agent@example.com', name: 'Sam Agent', role: 'agent' },
      workspace: { id: 'w', name: 'Lumio' },
    };
    const { fetch, calls } = stub(200, res);
    await expect(login({ email: 'agent@example.com', password: 'ecoute-demo' }, { fetch })).resolves.toEqual(
      res,
    );
    expect(calls[0].init.method).toBe('POST');
    expect(JSON.parse(String(calls[0].init.body))).toEqual({
      email: 'agent@example.com',
      password: 'ecoute-demo',
    });
  });

  it('builds the list query string', async () => {
    const { fetch, calls } = stub(200, { items: [], nextCursor: null });
    await getConversations({ status: ['new', 'open'], limit: 50, cursor: 'abc' }, { fetch });
    expect(calls[0].url).toBe('/api/conversations?status=new%2Copen&limit=50&cursor=abc');
  });

  it('sends a reply with its Idempotency-Key', async () => {
    const { fetch, calls } = stub(201, { id: 'r1' } as Partial<ConversationDetailDto>);
    await createReply({ conversationId: 'c1', text: 'Thanks!', idempotencyKey: 'k-1' }, { fetch });
    expect(calls[0].url).toBe('/api/conversations/c1/replies');
    expect(calls[0].init.method).toBe('POST');
    expect((calls[0].init.headers as Record<string, string>)['Idempotency-Key']).toBe('k-1');
    expect(JSON.parse(String(calls[0].init.body))).toEqual({ text: 'Thanks!' });
  });

  it('describes a network failure', async () => {
    const fetch: FetchLike = async () => {
      throw new TypeError('fetch failed');
    };
    await expect(apiRequest('/mentions', { fetch })).rejects.toMatchObject({ kind: 'network', status: 0 });
  });

  it('falls back to the status when the error body is not an ApiError', async () => {
    const { fetch } = stub(502, undefined, '<html>Bad Gateway</html>');
    await expect(apiRequest('/mentions', { fetch })).rejects.toMatchObject({
      kind: 'api',
      status: 502,
      body: null,
      message: 'The server answered 502 Bad Gateway.',
    });
  });

  it('rejects a successful response that is not JSON', async () => {
    const { fetch } = stub(200, undefined, '<!doctype html>');
    await expect(apiRequest('/mentions', { fetch })).rejects.toMatchObject({ kind: 'invalid-response' });
  });

  it('lets an abort through untouched', async () => {
    const abort = Object.assign(new Error('aborted'), { name: 'AbortError' });
    const fetch: FetchLike = async () => {
      throw abort;
    };
    await expect(apiRequest('/mentions', { fetch })).rejects.toBe(abort);
  });
});

describe('token store', () => {
  it('treats an expired token as none', () => {
    setToken('t', new Date(Date.now() - 1000).toISOString());
    expect(getToken()).toBeNull();
  });
});

describe('newIdempotencyKey', () => {
  const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
  it('returns distinct v4 UUIDs', () => {
    const a = newIdempotencyKey();
    expect(a).toMatch(UUID_V4);
    expect(newIdempotencyKey()).not.toBe(a);
  });

  it('works without crypto.randomUUID (plain http)', () => {
    const spy = jest.spyOn(globalThis.crypto, 'randomUUID').mockImplementation(undefined as never);
    Object.defineProperty(globalThis.crypto, 'randomUUID', { configurable: true, value: undefined });
    try {
      expect(newIdempotencyKey()).toMatch(UUID_V4);
    } finally {
      spy.mockRestore();
    }
  });
});

describe('overviewRangeParams', () => {
  const now = new Date('2025-03-10T14:25:00.000Z');
  it('asks for 24 hour buckets for 24 h', () => {
    expect(overviewRangeParams('24h', now)).toEqual({
      from: '2025-03-09T15:00:00.000Z',
      to: now.toISOString(),
      bucket: 'hour',
    });
  });
  it('asks for whole days for 7 and 30 days', () => {
    expect(overviewRangeParams('7d', now)).toEqual({
      from: '2025-03-04T00:00:00.000Z',
      to: now.toISOString(),
      bucket: 'day',
    });
    expect(overviewRangeParams('30d', now).from).toBe('2025-02-09T00:00:00.000Z');
  });
});
