import { LoggerModule } from 'nestjs-pino';
import type { AppConfig } from '../config/app-config';

/** pino logs, one JSON line per event; request logs carry an id and omit credentials. */
export function loggerModule(config: AppConfig) {
  return LoggerModule.forRoot({
    pinoHttp: {
      level: config.logLevel,
      autoLogging: { ignore: (req) => req.url === '/api/health' },
      redact: ['req.headers.authorization', 'req.headers.cookie'],
      customProps: () => ({ service: 'ecoute-api' }),
    },
  });
}
