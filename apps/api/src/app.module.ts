import { DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ScheduleModule } from '@nestjs/schedule';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthGuard, loggerModule, PlatformModule, type AppConfig } from '@ecoute/api-platform';
import { IdentityModule } from '@ecoute/api-identity';
import { PipelineModule } from '@ecoute/api-pipeline';
import { ListeningSetupService, IngestionModule } from '@ecoute/api-ingestion';
import { RoutingModule } from '@ecoute/api-routing';
import { dataSourceOptions } from './database/data-source-options';
import { DemoSeeder } from './demo/demo-seeder';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, databaseUrl: string): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forRoot(config),
        loggerModule(config),
        TypeOrmModule.forRoot({ ...dataSourceOptions(databaseUrl), migrationsRun: true }),
        ScheduleModule.forRoot(),
        IdentityModule,
        IngestionModule,
        RoutingModule,
        PipelineModule,
      ],
      providers: [{ provide: APP_GUARD, useClass: AuthGuard }, DemoSeeder, ListeningSetupService],
    };
  }
}
