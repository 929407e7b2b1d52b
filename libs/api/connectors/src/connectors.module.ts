import { Module } from '@nestjs/common';
import type { Platform } from '@ecoute/contracts';
import { DEMO_WORLD } from '@ecoute/contracts';
import { APP_CONFIG, type AppConfig } from '@ecoute/api-platform';
import { createReplyClient, createSearchClient } from './adapters/x/x-client';
import { XReplyTarget } from './adapters/x/x-reply-target';
import { createMentionSources } from './mention-sources.factory';
import { MENTION_SOURCES, REPLY_TARGETS, type ReplyTarget } from './types';

/** Registers one adapter per configured platform under the MENTION_SOURCES and REPLY_TARGETS tokens. */
@Module({
  providers: [
    {
      provide: MENTION_SOURCES,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => createMentionSources(config),
    },
    {
      provide: REPLY_TARGETS,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => {
        const targets = new Map<Platform, ReplyTarget>();
        const x = createReplyClient(config.x);
        const handle = config.demo ? DEMO_WORLD.replyAccount.username : (config.x.accountHandle ?? 'i');
        if (x) targets.set('x', new XReplyTarget(x, createSearchClient(config.x), handle));
        return targets;
      },
    },
  ],
  exports: [MENTION_SOURCES, REPLY_TARGETS],
})
export class ConnectorsModule {}
