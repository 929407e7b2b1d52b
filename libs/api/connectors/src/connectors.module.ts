import { Module } from '@nestjs/common';
import type { Platform } from '@ecoute/contracts';
import { DEMO_WORLD } from '@ecoute/contracts';
import { APP_CONFIG, type AppConfig } from '@ecoute/api-platform';
import { createReplyClient, createSearchClient } from './adapters/x/x-client';
import { XMentionSource } from './adapters/x/x-mention-source';
import { XReplyTarget } from './adapters/x/x-reply-target';
import { MENTION_SOURCES, REPLY_TARGETS, type MentionSource, type ReplyTarget } from './types';

/** Registers one adapter per configured platform under the MENTION_SOURCES and REPLY_TARGETS tokens. */
@Module({
  providers: [
    {
      provide: MENTION_SOURCES,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => {
        const sources = new Map<Platform, MentionSource>();
        const x = createSearchClient(config.x);
        if (x) sources.set('x', new XMentionSource(x));
        return sources;
      },
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
