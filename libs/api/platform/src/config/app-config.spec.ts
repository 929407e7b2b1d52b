import { ConfigError, loadConfig } from './app-config';

describe('loadConfig', () => {
  it('defaults to demo mode with the simulator when no X token is set', () => {
    const c = loadConfig({ SIMULATOR_URL: 'http://127.0.0.1:4010' });
    expect(c.demo).toBe(true);
    expect(c.x.baseUrl).toBe('http://127.0.0.1:4010');
    expect(c.port).toBe(3000);
    expect(c.host).toBe('127.0.0.1');
    expect(c.databaseUrl).toBeNull();
  });

  it('names every bad variable', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'eighty', LOG_LEVEL: 'loud', DATABASE_URL: 'mysql://x', SIMULATOR_URL: 'http://127.0.0.1:4010' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as ConfigError).message;
    expect(message).toMatch(/PORT: must be a port number/);
    expect(message).toMatch(/LOG_LEVEL/);
    expect(message).toMatch(/DATABASE_URL: must be a postgres/);
  });

  it('requires the simulator in demo mode and a bearer token otherwise', () => {
    expect(() => loadConfig({})).toThrow(/SIMULATOR_URL/);
    expect(() => loadConfig({ DEMO: 'false' })).toThrow(/X_BEARER_TOKEN/);
    expect(loadConfig({ X_BEARER_TOKEN: 'abc' }).demo).toBe(false);
  });

  it('wants all four OAuth 1.0a variables or none', () => {
    expect(() => loadConfig({ X_BEARER_TOKEN: 'abc', X_APP_KEY: 'k' })).toThrow(/set all four or none/);
  });

  it('points every platform at the simulator in demo mode, each under its own prefix', () => {
    const c = loadConfig({ SIMULATOR_URL: 'http://127.0.0.1:4010/' });
    expect(c.platforms.mastodon?.baseUrl).toBe('http://127.0.0.1:4010/mastodon');
    expect(c.platforms.reddit?.baseUrl).toBe('http://127.0.0.1:4010/reddit');
    expect(c.platforms.hackernews?.baseUrl).toBe('http://127.0.0.1:4010/hackernews');
    expect(c.platforms.bluesky?.baseUrl).toBe('http://127.0.0.1:4010/bluesky');
    expect(c.demoPlatforms).toEqual(['x', 'mastodon', 'reddit', 'hackernews', 'bluesky']);
    expect(c.initialBackfillHours).toBe(24);
  });

  it('configures only the platforms given credentials outside the demo', () => {
    const c = loadConfig({ X_BEARER_TOKEN: 'abc', MASTODON_BASE_URL: 'https://mastodon.social', MASTODON_ACCESS_TOKEN: 't', HACKERNEWS_ENABLED: 'false' });
    expect(c.platforms.mastodon).toMatchObject({ baseUrl: 'https://mastodon.social', accessToken: 't' });
    expect(c.platforms.reddit).toBeNull();
    expect(c.platforms.hackernews).toBeNull();
    expect(c.platforms.bluesky).toBeNull();
  });

  it('names a bad platform list, lease or look-back', () => {
    expect(() => loadConfig({ SIMULATOR_URL: 'http://127.0.0.1:4010', DEMO_PLATFORMS: 'x,myspace' })).toThrow(/DEMO_PLATFORMS/);
    expect(() => loadConfig({ SIMULATOR_URL: 'http://127.0.0.1:4010', SCHEDULER_LEASE_SECONDS: '1' })).toThrow(/SCHEDULER_LEASE_SECONDS: must be at least 5/);
    expect(() => loadConfig({ SIMULATOR_URL: 'http://127.0.0.1:4010', INITIAL_BACKFILL_HOURS: '-3' })).toThrow(/INITIAL_BACKFILL_HOURS/);
  });
});
