import { Inject, Injectable } from '@nestjs/common';
import type { Platform } from '@ecoute/contracts';
import { REPLY_TARGETS, type ReplyTargets } from '@ecoute/api-connectors';

const NAMES: Record<Platform, string> = { x: 'X', mastodon: 'Mastodon', reddit: 'Reddit', hackernews: 'Hacker News', bluesky: 'Bluesky' };

/** Why a reply cannot be posted on a platform, in words for the agent; null when it can. */
@Injectable()
export class ReplyCapability {
  constructor(@Inject(REPLY_TARGETS) private readonly targets: ReplyTargets) {}

  refusal(platform: Platform): string | null {
    if (this.targets.has(platform)) return null;
    if (platform === 'hackernews') return 'Hacker News has no API for posting: answer on news.ycombinator.com';
    if (platform === 'x') return 'no X account is connected for replies (see "Connecting a real X account" in the README)';
    return `replying on ${NAMES[platform]} is not supported yet: answer on ${NAMES[platform]} itself`;
  }

  of(platform: Platform): { possible: true } | { possible: false; reason: string } {
    const reason = this.refusal(platform);
    return reason === null ? { possible: true } : { possible: false, reason };
  }
}
