import { fakeMention } from '../testing/mentions';
import type { RateLimitInfo } from '../types';
import { fetchHistoryRound, type HistoryWalker } from './history-rounds';
import { fetchRoundPage, type RequestStep, type RoundWalker } from './request-rounds';

type State = { n: number };

/** A walker whose requests each have `pages[request]` pages; records what it was asked. */
function scripted(pages: Record<string, number>, limits: Record<string, RateLimitInfo | null> = {}) {
  const calls: Array<{ request: string; state: State | null }> = [];
  const walker: RoundWalker<State> = {
    readState: (raw) =>
      typeof raw === 'object' && raw !== null && typeof (raw as State).n === 'number' ? (raw as State) : null,
    async step(request, state): Promise<RequestStep<State>> {
      calls.push({ request, state });
      const n = (state?.n ?? 0) + 1;
      // every request finds the shared post "dup", to check de-duplication
      return {
        mentions: [fakeMention(`${request}-${n}`), fakeMention('dup')],
        state: { n },
        more: n < (pages[request] ?? 1),
        rateLimit: limits[request] ?? null,
      };
    },
  };
  return { walker, calls };
}

describe('fetchRoundPage', () => {
  it('asks every request at the start of a round, then only those with more pages', async () => {
    const { walker, calls } = scripted({ a: 3, b: 1, c: 2 });
    const first = await fetchRoundPage(['a', 'b', 'c'], {}, 10, walker);
    expect(calls.map((c) => c.request)).toEqual(['a', 'b', 'c']);
    expect(first.hasMore).toBe(true);
    expect(first.mentions.map((m) => m.externalId)).toEqual(['a-1', 'dup', 'b-1', 'c-1']);

    calls.length = 0;
    const second = await fetchRoundPage(['a', 'b', 'c'], first.cursor, 10, walker);
    expect(calls).toEqual([
      { request: 'a', state: { n: 1 } },
      { request: 'c', state: { n: 1 } },
    ]);
    expect(second.hasMore).toBe(true);

    calls.length = 0;
    const third = await fetchRoundPage(['a', 'b', 'c'], second.cursor, 10, walker);
    expect(calls.map((c) => c.request)).toEqual(['a']);
    expect(third.hasMore).toBe(false);
    expect(third.cursor).toEqual({
      requests: {
        a: { state: { n: 3 }, more: false },
        b: { state: { n: 1 }, more: false },
        c: { state: { n: 2 }, more: false },
      },
    });

    // the next poll is a new round: everyone again, from their own positions
    calls.length = 0;
    await fetchRoundPage(['a', 'b', 'c'], third.cursor, 10, walker);
    expect(calls.map((c) => c.state?.n)).toEqual([3, 1, 2]);
  });

  it('replays the same page from the same cursor (a crash before the commit)', async () => {
    const { walker } = scripted({ a: 2 });
    const first = await fetchRoundPage(['a'], {}, 10, walker);
    const again = await fetchRoundPage(['a'], {}, 10, walker);
    expect(again).toEqual(first);
  });

  it('drops the sub-cursors of requests no longer in the query, starts new ones afresh, ignores garbage', async () => {
    const { walker, calls } = scripted({});
    const stored = {
      requests: {
        gone: { state: { n: 4 }, more: true },
        kept: { state: { n: 2 }, more: false },
        bad: { state: 'x' },
      },
    };
    const page = await fetchRoundPage(['kept', 'bad', 'new'], stored, 10, walker);
    expect(calls).toEqual([
      { request: 'kept', state: { n: 2 } },
      { request: 'bad', state: null },
      { request: 'new', state: null },
    ]);
    expect(Object.keys((page.cursor as { requests: object }).requests)).toEqual(['kept', 'bad', 'new']);
  });

  it('reports the tightest rate limit of the page', async () => {
    const reset = new Date('2026-01-01T00:00:00Z');
    const { walker } = scripted(
      {},
      { a: { limit: 300, remaining: 200, resetAt: reset }, b: { limit: 300, remaining: 12, resetAt: reset } },
    );
    const page = await fetchRoundPage(['a', 'b'], {}, 10, walker);
    expect(page.rateLimit?.remaining).toBe(12);
  });

  it('fails the whole page when a request fails, leaving the cursor to the caller', async () => {
    const walker: RoundWalker<State> = {
      readState: () => null,
      step: async (request) => {
        if (request === 'b') throw new Error('boom');
        return { mentions: [], state: { n: 1 }, more: false, rateLimit: null };
      },
    };
    await expect(fetchRoundPage(['a', 'b'], {}, 10, walker)).rejects.toThrow('boom');
  });
});

describe('fetchHistoryRound', () => {
  const since = new Date('2026-01-01T00:00:00Z');
  const walker: HistoryWalker<State> = {
    readState: (raw) => (typeof raw === 'object' && raw !== null ? (raw as State) : null),
    async step(request, state) {
      const n = (state?.n ?? 0) + 1;
      const old = new Date(since.getTime() - 1000);
      const mentions = [
        fakeMention(`${request}-${n}`, new Date(since.getTime() + 1000)),
        fakeMention(`${request}-old`, old),
      ];
      return { mentions, state: { n }, done: n >= (request === 'a' ? 2 : 1), rateLimit: null };
    },
  };

  it('pages every request back to since, leaves out older posts, and ends with a null cursor', async () => {
    const first = await fetchHistoryRound(['a', 'b'], since, null, 10, walker);
    expect(first.mentions.map((m) => m.externalId)).toEqual(['a-1', 'b-1']);
    expect(first.cursor).not.toBeNull();
    const second = await fetchHistoryRound(['a', 'b'], since, first.cursor, 10, walker);
    expect(second.mentions.map((m) => m.externalId)).toEqual(['a-2']);
    expect(second.cursor).toBeNull();
  });
});
