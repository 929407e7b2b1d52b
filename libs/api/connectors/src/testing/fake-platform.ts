import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the fake platform answers to one request. */
export interface FakeReply {
  status?: number;
  headers?: Record<string, string>;
  /** a string is sent as is; anything else as JSON */
  body?: unknown;
  /** announce the whole body, send half of it, then cut the connection */
  truncate?: boolean;
  /** never answer (a timeout) */
  hang?: boolean;
}

export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
}

export type FakeHandler = (request: RecordedRequest) => FakeReply | Promise<FakeReply>;

/**
 * A tiny platform API on 127.0.0.1 for cursor-walk tests: replies queued with `reply()` are served first, in
 * order; then the handler answers. Every request is recorded.
 */
export class FakePlatform {
  readonly requests: RecordedRequest[] = [];
  private readonly queue: FakeReply[] = [];

  private constructor(
    private readonly server: Server,
    readonly url: string,
    private handler: FakeHandler,
  ) {}

  static async start(
    handler: FakeHandler = () => ({ status: 404, body: { error: 'no handler' } }),
  ): Promise<FakePlatform> {
    let platform: FakePlatform | null = null;
    const server = createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const recorded = {
        method: req.method ?? 'GET',
        path: url.pathname,
        query: url.searchParams,
        headers: req.headers,
      };
      platform?.requests.push(recorded);
      const queued = platform?.queue.shift();
      Promise.resolve(queued ?? platform?.handle(recorded) ?? { status: 500 }).then(
        (reply) => send(res, reply),
        (e: unknown) => send(res, { status: 500, body: String(e) }),
      );
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    platform = new FakePlatform(server, `http://127.0.0.1:${port}`, handler);
    return platform;
  }

  reply(...replies: FakeReply[]): this {
    this.queue.push(...replies);
    return this;
  }

  setHandler(handler: FakeHandler): void {
    this.handler = handler;
  }

  private handle(request: RecordedRequest): FakeReply | Promise<FakeReply> {
    return this.handler(request);
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

function send(res: ServerResponse, reply: FakeReply): void {
  if (reply.hang) return;
  const text =
    typeof reply.body === 'string' ? reply.body : reply.body === undefined ? '' : JSON.stringify(reply.body);
  const isJson = typeof reply.body !== 'string' && reply.body !== undefined;
  const headers: Record<string, string> = {
    'content-type': isJson ? 'application/json; charset=utf-8' : 'text/plain; charset=utf-8',
    ...reply.headers,
  };
  const bytes = Buffer.from(text, 'utf8');
  res.writeHead(reply.status ?? 200, { ...headers, 'content-length': String(bytes.length) });
  if (reply.truncate) {
    res.write(bytes.subarray(0, Math.floor(bytes.length / 2)), () => res.socket?.destroy());
    return;
  }
  res.end(bytes);
}
