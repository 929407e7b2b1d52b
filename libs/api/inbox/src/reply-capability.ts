import { Inject, Injectable } from '@nestjs/common';
import type { Platform } from '@ecoute/contracts';
import { REPLY_TARGETS, type ReplyTargets } from '@ecoute/api-connectors';

const NAMES: Record<Platform, string> = { x: 'X', mastodon: 'Mastodon', reddit: 'Reddit', hackernews: 'Hacker News', bluesky: 'Bluesky' };

/** Why a reply cannot be posted on a platform, in words for the agent; null when it can. */
@Injectable()
export class ReplyCapability {
  constructor(@Inject(REPLY_TARGETS) private readonly targets: ReplyTargets) {}

  refusal(platform: Platform): string | null {
    const c = this.of(platform);
    return c.possible ? null : c.reason;
  }

  of(platform: Platform): { possible: true } | { possible: false; code: 'no_api' | 'no_account' | 'not_supported'; reason: string } {
    if (this.targets.has(platform)) return { possible: true };
    if (platform === 'hackernews') return { possible: false, code: 'no_api', reason: 'Hacker News has no API for posting: answer on news.ycombinator.com' };
    if (platform === 'x') return { possible: false, code: 'no_account', reason: 'no X account is connected for replies (see "Connecting a real X account" in the README)' };
    return { possible: false, code: 'not_supported', reason: `replying on ${NAMES[platform]} is not supported yet: answer on ${NAMES[platform]} itself` };
  }
}
