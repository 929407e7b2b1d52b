import { readFixtureJson, type Capture } from '../testing/fixtures';
import { DEFAULT_RETRY_MS, parseInstant, parseRateLimit, retryAtAfter429 } from './rate-limit';

interface XMeta {
  status: number;
  headers: Record<string, string>;
}

const at = (iso: string) => new Date(iso);

describe('parseRateLimit', () => {
  it('reads X headers (reset in epoch seconds), from the captured 200 and 429', () => {
    const ok = readFixtureJson<XMeta>(
      'x',
      'Recent_search__200_Success_Request_Tweet_Fields_with_Expanded_User_Fields.meta.json',
    );
    expect(parseRateLimit(ok.headers, Date.parse('2020-06-30T17:36:03Z'))).toEqual({
      limit: 1800,
      remaining: 1795,
      resetAt: new Date(1593539398 * 1000),
    });
    const limited = readFixtureJson<XMeta>('x', 'Single_Tweet__429_Rate_Limit_Exceeded.meta.json');
    expect(parseRateLimit(limited.headers, 0)).toEqual({
      limit: 15,
      remaining: 0,
      resetAt: new Date(1593185073 * 1000),
    });
  });

  it('reads Mastodon headers (reset an ISO 8601 date), repeated values included', () => {
    const capture = readFixtureJson<Capture>('mastodon', 'test_hashtag_tl_2.json');
    expect(parseRateLimit(capture.headers ?? {}, 0)).toEqual({
      limit: 300,
      remaining: 299,
      resetAt: at('2026-08-01T14:00:00.070Z'),
    });
  });

  it('reads Reddit headers (remaining a float, reset in seconds from now, limit = used + remaining)', () => {
    const capture = readFixtureJson<Capture>('reddit', 'ratelimit_headers_from_praw_cassette.json');
    const now = Date.parse('2026-06-13T06:41:41Z');
    expect(parseRateLimit(capture.headers ?? {}, now)).toEqual({
      limit: 1000,
      remaining: 996,
      resetAt: new Date(now + 498_000),
    });
  });

  it('reads Bluesky headers (reset in epoch seconds, a policy suffix on the limit)', () => {
    const capture = readFixtureJson<Capture>('bluesky', 'searchPosts_redistricting_bskyr_cassette.json');
    expect(parseRateLimit(capture.headers ?? {}, Date.parse('2025-05-19T17:41:36Z'))).toEqual({
      limit: 3000,
      remaining: 2983,
      resetAt: new Date(1747676784 * 1000),
    });
    expect(parseRateLimit({ 'RateLimit-Limit': '100, 100;w=60' }, 0)?.limit).toBe(100);
  });

  it('falls back on Retry-After, in seconds or as an HTTP-date', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(parseRateLimit({ 'retry-after': '120' }, now)).toEqual({
      limit: null,
      remaining: null,
      resetAt: new Date(now + 120_000),
    });
    expect(parseRateLimit({ 'Retry-After': 'Thu, 01 Jan 2026 00:05:00 GMT' }, now)?.resetAt).toEqual(
      at('2026-01-01T00:05:00Z'),
    );
  });

  it('works on fetch Headers as well as plain objects', () => {
    const headers = new Headers({
      'X-RateLimit-Remaining': '7',
      'X-RateLimit-Reset': '2026-01-01T00:00:30Z',
    });
    expect(parseRateLimit(headers, 0)).toEqual({
      limit: null,
      remaining: 7,
      resetAt: at('2026-01-01T00:00:30Z'),
    });
  });

  it('is null when nothing is said, and ignores garbage', () => {
    expect(parseRateLimit({ 'content-type': 'application/json' }, 0)).toBeNull();
    expect(parseRateLimit({ 'x-rate-limit-remaining': 'lots', 'x-rate-limit-reset': 'soon' }, 0)).toBeNull();
  });
});

describe('parseInstant', () => {
  const now = Date.parse('2026-01-01T00:00:00Z');
  it('tells epochs (seconds, milliseconds) from delays by size', () => {
    expect(parseInstant('1767225700', now)).toEqual(new Date(1767225700 * 1000));
    expect(parseInstant('1767225700123', now)).toEqual(new Date(1767225700123));
    expect(parseInstant('30', now)).toEqual(new Date(now + 30_000));
    expect(parseInstant('86400', now)).toEqual(new Date(now + 86_400_000));
  });
});

describe('retryAtAfter429', () => {
  const now = Date.parse('2026-01-01T00:00:00Z');
  it('waits for the later of the reset and Retry-After', () => {
    const reset = String(Math.floor(now / 1000) + 60);
    expect(retryAtAfter429({ 'x-rate-limit-reset': reset, 'retry-after': '120' }, now)).toEqual(
      new Date(now + 120_000),
    );
    expect(retryAtAfter429({ 'x-rate-limit-reset': reset }, now)).toEqual(new Date(now + 60_000));
  });
  it('waits a minute when nothing is said, and never returns a time already past', () => {
    expect(retryAtAfter429({}, now)).toEqual(new Date(now + DEFAULT_RETRY_MS));
    expect(retryAtAfter429({ 'x-rate-limit-reset': '1593185073' }, now)).toEqual(new Date(now + 1000));
  });
});
