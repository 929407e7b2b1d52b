import { parseSince } from './backfill';

describe('backfill --since', () => {
  const now = Date.parse('2026-11-23T12:00:00Z');
  it('reads dates, date-times and durations back from now', () => {
    expect(parseSince('2026-11-20', now).toISOString()).toBe('2026-11-20T00:00:00.000Z');
    expect(parseSince('2026-11-20T08:30:00Z', now).toISOString()).toBe('2026-11-20T08:30:00.000Z');
    expect(parseSince('7d', now).toISOString()).toBe('2026-11-16T12:00:00.000Z');
    expect(parseSince('36h', now).toISOString()).toBe('2026-11-22T00:00:00.000Z');
  });
  it('refuses what is not a date, or is in the future, naming the option', () => {
    expect(() => parseSince('last week', now)).toThrow(/--since: "last week" is not a date/);
    expect(() => parseSince('2027-01-01', now)).toThrow(/in the future/);
  });
});
