/**
 * Builds the express app (X routes at the root, the other platforms under /mastodon, /reddit, /hackernews and
 * /bluesky, admin routes under /__sim) and the HTTP server around it.
 */
import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import * as http from 'node:http';
import { adminRouter } from './admin';
import { blueskyRouter } from './bluesky-api';
import type { SimulatorContext } from './context';
import { hackernewsRouter } from './hackernews-api';
import { mastodonRouter } from './mastodon-api';
import { redditRouter } from './reddit-api';
import { sendJson } from './respond';
import { xApiRouter } from './x-api';

export function createApp(ctx: SimulatorContext): Express {
  const app = express();
  app.disable('x-powered-by');
  app.disable('etag');
  app.set('query parser', 'simple');
  app.use(xApiRouter(ctx));
  app.use('/mastodon', mastodonRouter(ctx));
  app.use('/reddit', redditRouter(ctx));
  app.use('/hackernews', hackernewsRouter(ctx));
  app.use('/bluesky', blueskyRouter(ctx));
  app.use('/__sim', adminRouter(ctx));
  app.use((req, res) =>
    sendJson(res, 404, { error: 'not_found', message: `no route ${req.method} ${req.path}` }),
  );
  app.use((err: unknown, _req: Request, res: Response, _next: NextFunction) => {
    ctx.log(`error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    const status =
      typeof err === 'object' &&
      err !== null &&
      'status' in err &&
      typeof err.status === 'number' &&
      err.status >= 400
        ? err.status
        : 500;
    sendJson(res, status, {
      title: status < 500 ? 'Invalid Request' : 'Internal Server Error',
      detail: err instanceof Error ? err.message : 'error',
      type: 'about:blank',
      status,
    });
  });
  return app;
}

export function listen(app: Express, host: string, port: number): Promise<http.Server> {
  const server = http.createServer(app);
  server.keepAliveTimeout = 5_000;
  return new Promise((resolve, reject) => {
    const onError = (e: Error) => reject(e);
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolve(server);
    });
  });
}

export function closeServer(server: http.Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
