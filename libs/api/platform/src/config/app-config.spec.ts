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
});
