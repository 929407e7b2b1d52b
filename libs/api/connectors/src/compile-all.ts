import type { CompiledQueryDto, ListeningQuerySpec, Platform } from '@ecoute/contracts';
import { compileBlueskyQuery } from './adapters/bluesky/bluesky-query';
import { compileHackerNewsQuery } from './adapters/hackernews/hn-query';
import { compileMastodonQuery } from './adapters/mastodon/mastodon-query';
import { compileRedditQuery } from './adapters/reddit/reddit-query';
import { compileXQuery } from './adapters/x/x-query';
import type { MentionSources } from './types';

/** Every platform's compiler, so that a query compiles for a platform that is not configured here too. */
export const QUERY_COMPILERS: Readonly<Record<Platform, (spec: ListeningQuerySpec) => string[]>> = {
  x: (spec) => [compileXQuery(spec)],
  mastodon: compileMastodonQuery,
  reddit: (spec) => [compileRedditQuery(spec)],
  hackernews: compileHackerNewsQuery,
  bluesky: compileBlueskyQuery,
};

/**
 * The query in each platform's own syntax, for the API's compile and preview: `error` is why it cannot be
 * compiled (the ConnectorError's message, naming the limit it breaks), with no requests.
 */
export function compileAll(
  sources: MentionSources,
  spec: ListeningQuerySpec,
  platforms: readonly Platform[],
): CompiledQueryDto[] {
  return platforms.map((platform) => {
    try {
      const source = sources.get(platform);
      const requests = source ? source.compile(spec).requests : QUERY_COMPILERS[platform](spec);
      return { platform, requests, error: null };
    } catch (e) {
      return { platform, requests: [], error: e instanceof Error ? e.message : String(e) };
    }
  });
}
