import * as path from 'node:path';
import { PLATFORMS, type Platform } from '@ecoute/contracts';
import { ConfigSchema, type RawConfig } from './config.schema';

export interface XCredentials {
  baseUrl: string;
  bearerToken: string | null;
  /** OAuth 1.0a user context (app key/secret + access token/secret), used to post replies */
  userContext: { appKey: string; appSecret: string; accessToken: string; accessSecret: string } | null;
  /** OAuth 2.0 user-context bearer token, used to post replies when no OAuth 1.0a keys are given */
  userBearerToken: string | null;
  /** the brand's own handle, which replies are posted from */
  accountHandle: string | null;
  timeoutMs: number;
}

/** An HTTP platform API (Mastodon, Reddit, Hacker News, Bluesky): where it is and how to authenticate. */
export interface PlatformEndpoint {
  baseUrl: string;
  /** a bearer token, when the platform needs one */
  accessToken: string | null;
  timeoutMs: number;
}

export interface PlatformsConfig {
  /** null: not configured, no source on this platform is polled */
  mastodon: PlatformEndpoint | null;
  reddit: (PlatformEndpoint & { userAgent: string }) | null;
  hackernews: PlatformEndpoint | null;
  bluesky: PlatformEndpoint | null;
}

export interface AppConfig {
  env: RawConfig['NODE_ENV'];
  host: string;
  port: number;
  databaseUrl: string | null;
  dataDir: string;
  embeddedPgPort: number;
  logLevel: RawConfig['LOG_LEVEL'];
  /** demo mode: the simulator stands in for X, and a demo workspace is seeded */
  demo: boolean;
  /** the platforms the demo workspace listens on */
  demoPlatforms: Platform[];
  scheduler: { enabled: boolean; pollIntervalSeconds: number; tickMs: number; leaseSeconds: number; replyStaleSendingSeconds: number };
  /** how far back a new source looks on its own (clamped to what the platform keeps); 0: from now on only */
  initialBackfillHours: number;
  sessionTtlHours: number;
  webDistDir: string | null;
  x: XCredentials;
  platforms: PlatformsConfig;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Reads and validates the environment; throws a ConfigError naming every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const input: Record<string, string> = {};
  for (const key of Object.keys(ConfigSchema.shape)) {
    const value = env[key];
    if (value !== undefined && value !== '') input[key] = value;
  }
  const parsed = ConfigSchema.safeParse(input);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`));
  }
  const c = parsed.data;
  const problems: string[] = [];
  const hasXSearch = c.X_BEARER_TOKEN !== undefined;
  const demo = c.DEMO ?? !hasXSearch;
  if (demo && !c.SIMULATOR_URL) problems.push('SIMULATOR_URL: required in demo mode (the simulator stands in for X)');
  if (!demo && !hasXSearch) problems.push('X_BEARER_TOKEN: required when DEMO=false');
  const oauth1 = [c.X_APP_KEY, c.X_APP_SECRET, c.X_USER_ACCESS_TOKEN, c.X_USER_ACCESS_SECRET];
  if (oauth1.some((v) => v !== undefined) && oauth1.some((v) => v === undefined)) {
    problems.push('X_APP_KEY, X_APP_SECRET, X_USER_ACCESS_TOKEN, X_USER_ACCESS_SECRET: set all four or none');
  }
  if (problems.length > 0) throw new ConfigError(problems);

  const timeoutMs = c.PLATFORM_REQUEST_TIMEOUT_MS;
  // in demo mode every platform is served by the simulator, each under its own path prefix
  const sim = demo && c.SIMULATOR_URL ? c.SIMULATOR_URL.replace(/\/$/, '') : null;
  const platforms: PlatformsConfig = sim
    ? {
        mastodon: { baseUrl: `${sim}/mastodon`, accessToken: 'demo-mastodon-token', timeoutMs },
        reddit: { baseUrl: `${sim}/reddit`, accessToken: 'demo-reddit-token', timeoutMs, userAgent: c.REDDIT_USER_AGENT },
        hackernews: { baseUrl: `${sim}/hackernews`, accessToken: null, timeoutMs },
        bluesky: { baseUrl: `${sim}/bluesky`, accessToken: 'demo-bluesky-token', timeoutMs },
      }
    : {
        mastodon: c.MASTODON_BASE_URL ? { baseUrl: c.MASTODON_BASE_URL, accessToken: c.MASTODON_ACCESS_TOKEN ?? null, timeoutMs } : null,
        reddit: c.REDDIT_ACCESS_TOKEN
          ? { baseUrl: c.REDDIT_BASE_URL, accessToken: c.REDDIT_ACCESS_TOKEN, timeoutMs, userAgent: c.REDDIT_USER_AGENT }
          : null,
        hackernews: c.HACKERNEWS_ENABLED ? { baseUrl: c.HACKERNEWS_BASE_URL, accessToken: null, timeoutMs } : null,
        bluesky: c.BLUESKY_ACCESS_TOKEN ? { baseUrl: c.BLUESKY_BASE_URL, accessToken: c.BLUESKY_ACCESS_TOKEN, timeoutMs } : null,
      };

  return {
    env: c.NODE_ENV,
    host: c.HOST,
    port: c.PORT,
    databaseUrl: c.DATABASE_URL ?? null,
    dataDir: path.resolve(c.ECOUTE_DATA_DIR),
    embeddedPgPort: c.EMBEDDED_PG_PORT,
    logLevel: c.LOG_LEVEL,
    demo,
    demoPlatforms: c.DEMO_PLATFORMS ?? [...PLATFORMS],
    scheduler: { enabled: c.SCHEDULER_ENABLED, pollIntervalSeconds: c.POLL_INTERVAL_SECONDS, tickMs: c.SCHEDULER_TICK_MS, leaseSeconds: c.SCHEDULER_LEASE_SECONDS, replyStaleSendingSeconds: c.REPLY_STALE_SENDING_SECONDS },
    initialBackfillHours: c.INITIAL_BACKFILL_HOURS,
    sessionTtlHours: c.SESSION_TTL_HOURS,
    webDistDir: c.WEB_DIST_DIR ? path.resolve(c.WEB_DIST_DIR) : null,
    x: {
      baseUrl: demo && c.SIMULATOR_URL ? c.SIMULATOR_URL : c.X_API_BASE_URL,
      bearerToken: c.X_BEARER_TOKEN ?? (demo ? 'demo-bearer-token' : null),
      userContext:
        c.X_APP_KEY && c.X_APP_SECRET && c.X_USER_ACCESS_TOKEN && c.X_USER_ACCESS_SECRET
          ? { appKey: c.X_APP_KEY, appSecret: c.X_APP_SECRET, accessToken: c.X_USER_ACCESS_TOKEN, accessSecret: c.X_USER_ACCESS_SECRET }
          : null,
      userBearerToken: c.X_USER_BEARER_TOKEN ?? (demo ? 'demo-user-token' : null),
      accountHandle: c.X_ACCOUNT_HANDLE ?? null,
      timeoutMs: c.X_REQUEST_TIMEOUT_MS,
    },
    platforms,
  };
}

export const APP_CONFIG = Symbol('APP_CONFIG');
