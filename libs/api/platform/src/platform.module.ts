import { DynamicModule, Global, Module } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { ZodValidationPipe } from 'nestjs-zod';
import { APP_CONFIG, type AppConfig } from './config/app-config';
import { DomainEvents } from './events/domain-events';
import { HealthController } from './health/health.controller';
import { HealthRegistry } from './health/health.registry';
import { DatabaseHealth } from './health/database.health';
import { ApiExceptionFilter } from './http/api-exception.filter';

/**
 * Cross-cutting services: validated config, the event bus, health, validation and error mapping. The app
 * module installs AuthGuard globally, next to the identity library that verifies sessions.
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
        { provide: APP_PIPE, useClass: ZodValidationPipe },
        { provide: APP_FILTER, useClass: ApiExceptionFilter },
      ],
      exports: [APP_CONFIG, DomainEvents, HealthRegistry],
    };
  }
}
