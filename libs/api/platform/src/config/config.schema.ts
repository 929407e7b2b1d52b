import { z } from 'zod';
import { Platform } from '@ecoute/contracts';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'must be true or false' })
  .transform((v) => v === 'true' || v === '1' || v === 'yes');
const port = z.coerce
  .number({ message: 'must be a port number' })
  .int('must be a whole number')
  .min(0, 'must be between 0 and 65535')
  .max(65535, 'must be between 0 and 65535');
const url = z.url({ message: 'must be a URL' });

/** Every setting of the API, read from the environment and validated at start-up. See README "Configuration". */
export const ConfigSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test'], { message: 'must be development, production or test' }).default('development'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: port.default(3000),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// connection URL')
    .optional(),
  ECOUTE_DATA_DIR: z.string().min(1).default('.ecoute'),
  EMBEDDED_PG_PORT: port.default(54329),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], { message: 'must be a pino level' }).default('info'),
  DEMO: bool.optional(),
  DEMO_PLATFORMS: z
    .string()
    .transform((v) => v.split(',').map((p) => p.trim()).filter(Boolean))
    .pipe(z.array(Platform, { message: 'must be a comma-separated list of x, mastodon, reddit, hackernews, bluesky' }).min(1))
    .optional(),
  SCHEDULER_ENABLED: bool.default(true),
  POLL_INTERVAL_SECONDS: z.coerce.number({ message: 'must be a number' }).min(1, 'must be at least 1').max(86400).default(60),
  INITIAL_BACKFILL_HOURS: z.coerce.number({ message: 'must be a number' }).int().min(0, 'must be 0 (none) or more').max(24 * 90).default(24),
  SCHEDULER_LEASE_SECONDS: z.coerce.number({ message: 'must be a number' }).int().min(5, 'must be at least 5').max(3600).default(120),
  SCHEDULER_TICK_MS: z.coerce.number({ message: 'must be a number' }).int().min(100, 'must be at least 100').default(2000),
  /** a reply left "sending" this long by a process that stopped is checked on the platform, then retried */
  REPLY_STALE_SENDING_SECONDS: z.coerce.number({ message: 'must be a number' }).int().min(2, 'must be at least 2').max(3600).default(120),
  SESSION_TTL_HOURS: z.coerce.number({ message: 'must be a number' }).min(1).max(24 * 90).default(24 * 7),
  WEB_DIST_DIR: z.string().optional(),
  X_API_BASE_URL: url.default('https://api.x.com'),
  X_BEARER_TOKEN: z.string().min(1).optional(),
  X_USER_ACCESS_TOKEN: z.string().min(1).optional(),
  X_USER_ACCESS_SECRET: z.string().min(1).optional(),
  X_APP_KEY: z.string().min(1).optional(),
  X_APP_SECRET: z.string().min(1).optional(),
  X_USER_BEARER_TOKEN: z.string().min(1).optional(),
  X_ACCOUNT_HANDLE: z.string().regex(/^\w{1,15}$/, 'must be an X handle without @').optional(),
  X_REQUEST_TIMEOUT_MS: z.coerce.number({ message: 'must be a number' }).int().min(100).default(10000),
  MASTODON_BASE_URL: url.optional(),
  MASTODON_ACCESS_TOKEN: z.string().min(1).optional(),
  REDDIT_BASE_URL: url.default('https://oauth.reddit.com'),
  REDDIT_ACCESS_TOKEN: z.string().min(1).optional(),
  REDDIT_USER_AGENT: z.string().min(1).default('ecoute/0.1 (self-hosted social listening)'),
  HACKERNEWS_ENABLED: bool.default(true),
  HACKERNEWS_BASE_URL: url.default('https://hn.algolia.com'),
  BLUESKY_BASE_URL: url.default('https://api.bsky.app'),
  BLUESKY_ACCESS_TOKEN: z.string().min(1).optional(),
  PLATFORM_REQUEST_TIMEOUT_MS: z.coerce.number({ message: 'must be a number' }).int().min(100).default(10000),
  SIMULATOR_URL: url.optional(),
});
export type RawConfig = z.infer<typeof ConfigSchema>;
