import { ConnectorError } from '../connector-error';
import type { CompiledQuery, FetchedPage, MentionSource, SourceCursor } from '../types';
import { FakePlatform } from './fake-platform';

/**
 * For a describe block: starts a FakePlatform before each test and closes it after each; `create` builds what
 * is under test (an adapter, an endpoint) on the platform's URL. Read `platform` and `source` inside the tests.
 */
export function fakePlatformPerTest<S>(create: (url: string) => S): {
  readonly platform: FakePlatform;
  readonly source: S;
} {
  const local = {} as { platform: FakePlatform; source: S };
  beforeEach(async () => {
    local.platform = await FakePlatform.start();
    local.source = create(local.platform.url);
  });
  afterEach(() => local.platform.close());
  return local;
}

/** The ConnectorError that `promise` fails with; anything else fails the test. */
export async function connectorFailure(promise: Promise<unknown>): Promise<ConnectorError> {
  try {
    await promise;
  } catch (e) {
    if (e instanceof ConnectorError) return e;
    throw e;
  }
  throw new Error('expected a ConnectorError');
}

/** Polls from `cursor` until a page says there is no more (at most `maxPages` pages). */
export async function drainPages(
  source: MentionSource,
  query: CompiledQuery,
  cursor: SourceCursor,
  pageSize: number,
  maxPages = 30,
) {
  const pages: FetchedPage[] = [];
  let current = cursor;
  for (let i = 0; i < maxPages; i++) {
    const page = await source.fetchPage(query, current, pageSize);
    pages.push(page);
    current = page.cursor;
    if (!page.hasMore) break;
  }
  return { pages, cursor: current, ids: pages.flatMap((p) => p.mentions.map((m) => m.externalId)) };
}

/**
 * Walks history from now until the cursor is null (at most `maxPages` pages); `since(i)` is the `since` of
 * the i-th call. Returns the ids seen and the last cursor.
 */
export async function drainHistory(
  source: MentionSource,
  query: CompiledQuery,
  since: (call: number) => Date,
  pageSize: number,
  maxPages: number,
): Promise<{ ids: string[]; cursor: SourceCursor | null }> {
  const ids: string[] = [];
  let cursor: SourceCursor | null = null;
  for (let i = 0; i < maxPages; i++) {
    const page = await source.fetchHistory(query, since(i), cursor, pageSize);
    ids.push(...page.mentions.map((m) => m.externalId));
    cursor = page.cursor;
    if (!cursor) break;
  }
  return { ids, cursor };
}
