import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { cleanupOpenApiDoc } from 'nestjs-zod';
import type { AppConfig } from '@ecoute/api-platform';
import { AppModule } from './app.module';
import { serveWeb } from './web/serve-web';

export interface BootstrapOptions {
  config: AppConfig;
  databaseUrl: string;
  /** false in tests that want a quiet app */
  bufferLogs?: boolean;
}

/** Builds the Nest application (not yet listening): API under /api, OpenAPI, Swagger UI, the web build. */
export async function createApp({ config, databaseUrl, bufferLogs = true }: BootstrapOptions): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, databaseUrl), {
    bufferLogs,
    ...(config.logLevel === 'silent' ? { logger: false as const } : {}),
    bodyParser: false,
    abortOnError: false,
  });
  app.useLogger(app.get(Logger));
  app.useBodyParser('json', { limit: '64kb' });
  app.set('trust proxy', 'loopback');
  app.disable('x-powered-by');
  app.setGlobalPrefix('api');
  app.enableShutdownHooks();

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Écoute API')
      .setDescription('Social listening and engagement: mentions, inbox, replies, reports.')
      .setVersion('0.1.0')
      .addBearerAuth()
      .build(),
  );
  const cleaned = cleanupOpenApiDoc(document);
  SwaggerModule.setup('api/docs', app, cleaned, { jsonDocumentUrl: 'api/openapi.json' });

  if (config.webDistDir) serveWeb(app, config.webDistDir);
  return app;
}
