import { z } from 'zod';

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
  SCHEDULER_ENABLED: bool.default(true),
  POLL_INTERVAL_SECONDS: z.coerce.number({ message: 'must be a number' }).min(1, 'must be at least 1').max(86400).default(60),
  SCHEDULER_TICK_MS: z.coerce.number({ message: 'must be a number' }).int().min(100, 'must be at least 100').default(2000),
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
  SIMULATOR_URL: url.optional(),
});
export type RawConfig = z.infer<typeof ConfigSchema>;
