import type { RunningSimulator } from './index';
import {
  AUTH,
  call,
  publish,
  published,
  search,
  setFaults,
  startTestSimulator,
  type XSearchBody,
} from './testing';

const Q = { query: 'lumio OR zapp OR nordlink OR #LumioFibre', max_results: '10' };

describe('fault injection', () => {
  let sim: RunningSimulator;

  beforeAll(async () => {
    sim = await startTestSimulator();
    await publish(sim, { count: 40 });
  });
  afterAll(async () => {
    await sim?.close();
  });
  afterEach(async () => {
    await call(sim, 'DELETE', '/__sim/faults');
  });

  it('"429": text/plain "Rate limit exceeded" with remaining 0 and a reset a few seconds ahead', async () => {
    await setFaults(sim, { queue: ['429'] });
    const r = await search(sim, Q);
    expect(r.status).toBe(429);
    expect(r.headers.get('content-type')).toBe('text/plain;charset=utf-8');
    expect(r.text).toBe('Rate limit exceeded\n');
    expect(r.headers.get('x-rate-limit-remaining')).toBe('0');
    const ahead = Number(r.headers.get('x-rate-limit-reset')) - Date.now() / 1000;
    expect(ahead).toBeGreaterThan(0);
    expect(ahead).toBeLessThan(10);
    // the queue is spent: the next request is fine
    expect((await search(sim, Q)).status).toBe(200);
  });

  it('"429json": the later JSON problem body', async () => {
    await setFaults(sim, { queue: ['429json'], resetSeconds: 30 });
    const r = await search(sim, Q);
    expect(r.status).toBe(429);
    expect(r.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(r.json).toEqual({
      title: 'Too Many Requests',
      type: 'about:blank',
      status: 429,
      detail: 'Too Many Requests',
    });
    expect(Number(r.headers.get('x-rate-limit-reset'))).toBeGreaterThan(Date.now() / 1000 + 25);
  });

  it('"500" and "503": X problem bodies, in queue order', async () => {
    await setFaults(sim, { queue: ['500', 'ok', '503'] });
    const a = await search(sim, Q);
    const b = await search(sim, Q);
    const c = await search(sim, Q);
    expect([a.status, b.status, c.status]).toEqual([500, 200, 503]);
    expect(a.json).toEqual({
      title: 'Internal Server Error',
      detail: 'Internal Server Error',
      type: 'about:blank',
      status: 500,
    });
    expect(c.json).toEqual({
      title: 'Service Unavailable',
      detail: 'Service Unavailable',
      type: 'about:blank',
      status: 503,
    });
  });

  it('"malformed": a 200 with a truncated JSON body, not counted as served', async () => {
    const before = (await published(sim)).items.reduce((n, p) => n + p.served_count, 0);
    await setFaults(sim, { queue: ['malformed'] });
    const bad = await search(sim, Q);
    expect(bad.status).toBe(200);
    expect(bad.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(() => JSON.parse(bad.text)).toThrow(SyntaxError);
    const good = await search(sim, Q);
    expect(good.text.startsWith(bad.text)).toBe(true);
    expect(bad.text.length).toBeLessThan(good.text.length);
    const after = (await published(sim)).items.reduce((n, p) => n + p.served_count, 0);
    // only the good response counts (the live stream may have added posts to it since the bad one)
    const served = (JSON.parse(good.text) as XSearchBody).data?.length ?? 0;
    expect(served).toBeGreaterThan(0);
    expect(after - before).toBe(served);
  });

  it('"timeout": hangs, then the connection is destroyed', async () => {
    await setFaults(sim, { queue: ['timeout'], timeoutMs: 300 });
    const started = Date.now();
    await expect(search(sim, Q)).rejects.toThrow();
    const elapsed = Date.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(280);
    expect(elapsed).toBeLessThan(5000);
    expect((await search(sim, Q)).status).toBe(200);
  });

  it('"duplicate_page": the previous page of the same search again, even though newer posts exist', async () => {
    const first = await search<XSearchBody>(sim, Q);
    await publish(sim, { posts: [{ text: 'Lumio is down in Lyon?', username: 'dup_tester' }] });
    await setFaults(sim, { queue: ['duplicate_page'] });
    const again = await search<XSearchBody>(sim, Q);
    expect(again.status).toBe(200);
    expect(again.text).toBe(first.text);
    const fresh = await search<XSearchBody>(sim, Q);
    expect(fresh.json.data?.[0].text).toBe('Lumio is down in Lyon?');
  });

  it('delays responses by delayMs', async () => {
    await setFaults(sim, { delayMs: 300 });
    const started = Date.now();
    expect((await search(sim, Q)).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(280);
  });

  it('hits only the endpoints it is set for', async () => {
    await setFaults(sim, { rate5xx: 1, endpoints: ['post'] });
    expect((await search(sim, Q)).status).toBe(200);
    const [target] = await publish(sim, { posts: [{ text: '@lumio help' }] });
    const r = await call(
      sim,
      'POST',
      '/2/tweets',
      { text: 'On it!', reply: { in_reply_to_tweet_id: target.id } },
      AUTH,
    );
    expect([500, 503]).toContain(r.status);
    const replies = await call<{ count: number }>(sim, 'GET', '/__sim/replies');
    expect(replies.json.count).toBe(0);
  });

  it('lost_answer stores the reply, then drops the connection without answering', async () => {
    await setFaults(sim, { queue: ['lost_answer'], endpoints: ['post'] });
    const [target] = await publish(sim, { posts: [{ text: '@lumio where is my refund' }] });
    await expect(call(sim, 'POST', '/2/tweets', { text: 'Refund sent!', reply: { in_reply_to_tweet_id: target.id } }, AUTH)).rejects.toThrow();
    const replies = await call<{ count: number; items: Array<{ text: string }> }>(sim, 'GET', '/__sim/replies');
    expect(replies.json.items.map((r) => r.text)).toEqual(['Refund sent!']);
  });

  it('answerDelayMs answers a reply late, once it is already stored', async () => {
    await setFaults(sim, { answerDelayMs: 400, endpoints: ['post'] });
    const [target] = await publish(sim, { posts: [{ text: '@lumio still down' }] });
    const started = Date.now();
    const pending = call(sim, 'POST', '/2/tweets', { text: 'Looking into it', reply: { in_reply_to_tweet_id: target.id } }, AUTH);
    await new Promise((r) => setTimeout(r, 150));
    const meanwhile = await call<{ items: Array<{ text: string }> }>(sim, 'GET', '/__sim/replies');
    expect(meanwhile.json.items.map((r) => r.text)).toContain('Looking into it');
    expect((await pending).status).toBe(201);
    expect(Date.now() - started).toBeGreaterThanOrEqual(380);
  });

  it('draws random faults at the configured rates, reproducibly for a seed', async () => {
    const run = async () => {
      await setFaults(sim, { rate429: 0.5, endpoints: ['search'] });
      const statuses: number[] = [];
      for (let i = 0; i < 40; i++) statuses.push((await search(sim, Q)).status);
      await call(sim, 'DELETE', '/__sim/faults');
      return statuses;
    };
    const a = await run();
    const limited = a.filter((s) => s === 429).length;
    expect(limited).toBeGreaterThan(8);
    expect(limited).toBeLessThan(32);
    expect(a.filter((s) => s !== 429).every((s) => s === 200)).toBe(true);
    expect(await run()).toEqual(a); // DELETE re-seeds the fault generator
  });

  it('shows, replaces and clears the mix', async () => {
    await setFaults(sim, { queue: ['500', '503'], rate429: 0.1 });
    const shown = await call<{ queue: string[]; rate429: number; endpoints: string[] }>(
      sim,
      'GET',
      '/__sim/faults',
    );
    expect(shown.json).toMatchObject({
      queue: ['500', '503'],
      rate429: 0.1,
      endpoints: ['search', 'post', 'mastodon', 'reddit', 'hackernews', 'bluesky'],
    });
    await search(sim, Q);
    expect((await call<{ queue: string[] }>(sim, 'GET', '/__sim/faults')).json.queue).toEqual(['503']);
    const cleared = await call<{ queue: string[]; rate429: number }>(sim, 'DELETE', '/__sim/faults');
    expect(cleared.json).toMatchObject({ queue: [], rate429: 0, rate5xx: 0, timeoutMs: 30000 });
    expect((await search(sim, Q)).status).toBe(200);
  });

  it.each([
    [{ rate429: 1.5 }, /rate429/],
    [{ rate429: 0.6, rate5xx: 0.6 }, /add up to more than 1/],
    [{ queue: ['teapot'] }, /queue/],
    [{ endpoints: ['stream'] }, /endpoints/],
    [{ delayMs: -1 }, /delayMs/],
    [{ unknown: true }, /unknown|Unrecognized/i],
    ['{"queue": [', /malformed JSON/],
  ])('refuses a bad fault body %j with 400 and a message', async (body, message) => {
    const r = await call<{ message: string }>(sim, 'POST', '/__sim/faults', body);
    expect(r.status).toBe(400);
    expect(r.json.message).toMatch(message);
  });
});
