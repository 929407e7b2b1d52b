import { DynamicModule, Global, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { ZodValidationPipe } from 'nestjs-zod';
import { APP_CONFIG, type AppConfig } from './config/app-config';
import { AuthGuard } from './auth/auth.guard';
import { DomainEvents } from './events/domain-events';
import { HealthController } from './health/health.controller';
import { HealthRegistry } from './health/health.registry';
import { DatabaseHealth } from './health/database.health';
import { ApiExceptionFilter } from './http/api-exception.filter';

/**
 * Cross-cutting services: validated config, the event bus, health, the global auth guard, validation and
 * error mapping. The session verifier behind the guard is provided by the identity library.
 */
@Global()
@Module({})
export class PlatformModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: PlatformModule,
      controllers: [HealthController],
      providers: [
        { provide: APP_CONFIG, useValue: config },
        DomainEvents,
        HealthRegistry,
        DatabaseHealth,
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_PIPE, useClass: ZodValidationPipe },
        { provide: APP_FILTER, useClass: ApiExceptionFilter },
      ],
      exports: [APP_CONFIG, DomainEvents, HealthRegistry],
    };
  }
}
