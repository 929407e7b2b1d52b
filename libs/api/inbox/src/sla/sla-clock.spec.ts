import type { BusinessCalendar } from './business-calendar';
import { slaClock, type SlaClock, type SlaState } from './sla-clock';

const MIN = 60_000;
const at = (iso: string) => new Date(iso);

// Paris, weekdays 09:00-18:00; June is UTC+2. 2026-06-19 is a Friday, 2026-06-22 the next Monday.
const PARIS: BusinessCalendar = {
  timeZone: 'Europe/Paris',
  periods: [1, 2, 3, 4, 5].map((day) => ({ day, start: '09:00', end: '18:00' })),
  holidays: [],
};

interface Case {
  name: string;
  startedAt: string;
  stoppedAt?: string;
  now: string;
  targetMinutes: number;
  calendar: BusinessCalendar | null;
  dueSoonShare?: number;
  state: SlaState;
  dueAt: string;
  elapsedMin: number;
  remainingMin: number;
}

describe('slaClock', () => {
  it.each<Case>([
    // calendar time, 60 min target from 10:00Z: due 11:00Z, due soon from 10:45Z (15 min = 25% left)
    {
      name: 'on track',
      startedAt: '2026-06-15T10:00:00Z',
      now: '2026-06-15T10:20:00Z',
      targetMinutes: 60,
      calendar: null,
      state: 'on_track',
      dueAt: '2026-06-15T11:00:00Z',
      elapsedMin: 20,
      remainingMin: 40,
    },
    {
      name: 'just before due soon',
      startedAt: '2026-06-15T10:00:00Z',
      now: '2026-06-15T10:44:00Z',
      targetMinutes: 60,
      calendar: null,
      state: 'on_track',
      dueAt: '2026-06-15T11:00:00Z',
      elapsedMin: 44,
      remainingMin: 16,
    },
    {
      name: 'due soon at 25% left',
      startedAt: '2026-06-15T10:00:00Z',
      now: '2026-06-15T10:45:00Z',
      targetMinutes: 60,
      calendar: null,
      state: 'due_soon',
      dueAt: '2026-06-15T11:00:00Z',
      elapsedMin: 45,
      remainingMin: 15,
    },
    {
      name: 'due soon at the due time itself',
      startedAt: '2026-06-15T10:00:00Z',
      now: '2026-06-15T11:00:00Z',
      targetMinutes: 60,
      calendar: null,
      state: 'due_soon',
      dueAt: '2026-06-15T11:00:00Z',
      elapsedMin: 60,
      remainingMin: 0,
    },
    {
      name: 'breached, remaining negative',
      startedAt: '2026-06-15T10:00:00Z',
      now: '2026-06-15T11:30:00Z',
      targetMinutes: 60,
      calendar: null,
      state: 'breached',
      dueAt: '2026-06-15T11:00:00Z',
      elapsedMin: 90,
      remainingMin: -30,
    },
    // calendar time ignores nights: 24h from Friday 10:00Z is Saturday 10:00Z
    {
      name: 'calendar time over a night',
      startedAt: '2026-06-19T10:00:00Z',
      now: '2026-06-20T09:00:00Z',
      targetMinutes: 24 * 60,
      calendar: null,
      state: 'due_soon',
      dueAt: '2026-06-20T10:00:00Z',
      elapsedMin: 23 * 60,
      remainingMin: 60,
    },
    {
      name: 'a custom due-soon share',
      startedAt: '2026-06-15T10:00:00Z',
      now: '2026-06-15T10:30:00Z',
      targetMinutes: 60,
      calendar: null,
      dueSoonShare: 0.5,
      state: 'due_soon',
      dueAt: '2026-06-15T11:00:00Z',
      elapsedMin: 30,
      remainingMin: 30,
    },
    {
      name: 'now before the start',
      startedAt: '2026-06-15T10:00:00Z',
      now: '2026-06-15T09:00:00Z',
      targetMinutes: 60,
      calendar: null,
      state: 'on_track',
      dueAt: '2026-06-15T11:00:00Z',
      elapsedMin: 0,
      remainingMin: 60,
    },
    {
      name: 'met before the due time',
      startedAt: '2026-06-15T10:00:00Z',
      stoppedAt: '2026-06-15T10:50:00Z',
      now: '2026-06-15T12:00:00Z',
      targetMinutes: 60,
      calendar: null,
      state: 'met',
      dueAt: '2026-06-15T11:00:00Z',
      elapsedMin: 50,
      remainingMin: 10,
    },
    {
      name: 'met exactly at the due time',
      startedAt: '2026-06-15T10:00:00Z',
      stoppedAt: '2026-06-15T11:00:00Z',
      now: '2026-06-15T12:00:00Z',
      targetMinutes: 60,
      calendar: null,
      state: 'met',
      dueAt: '2026-06-15T11:00:00Z',
      elapsedMin: 60,
      remainingMin: 0,
    },
    {
      name: 'missed after the due time',
      startedAt: '2026-06-15T10:00:00Z',
      stoppedAt: '2026-06-15T11:10:00Z',
      now: '2026-06-15T12:00:00Z',
      targetMinutes: 60,
      calendar: null,
      state: 'missed',
      dueAt: '2026-06-15T11:00:00Z',
      elapsedMin: 70,
      remainingMin: -10,
    },

    // business time, 120 min from Friday 17:30: 30 min Friday, 90 min Monday from 09:00, so due Monday 10:30
    {
      name: 'business: on track over the weekend',
      startedAt: '2026-06-19T17:30:00+02:00',
      now: '2026-06-20T12:00:00+02:00',
      targetMinutes: 120,
      calendar: PARIS,
      state: 'on_track',
      dueAt: '2026-06-22T10:30:00+02:00',
      elapsedMin: 30,
      remainingMin: 90,
    },
    // 30 + 45 = 75 elapsed
    {
      name: 'business: on track Monday morning',
      startedAt: '2026-06-19T17:30:00+02:00',
      now: '2026-06-22T09:45:00+02:00',
      targetMinutes: 120,
      calendar: PARIS,
      state: 'on_track',
      dueAt: '2026-06-22T10:30:00+02:00',
      elapsedMin: 75,
      remainingMin: 45,
    },
    // 30 + 65 = 95 elapsed, 25 left <= 30 (25% of 120)
    {
      name: 'business: due soon',
      startedAt: '2026-06-19T17:30:00+02:00',
      now: '2026-06-22T10:05:00+02:00',
      targetMinutes: 120,
      calendar: PARIS,
      state: 'due_soon',
      dueAt: '2026-06-22T10:30:00+02:00',
      elapsedMin: 95,
      remainingMin: 25,
    },
    // 30 + 120 = 150 elapsed
    {
      name: 'business: breached',
      startedAt: '2026-06-19T17:30:00+02:00',
      now: '2026-06-22T11:00:00+02:00',
      targetMinutes: 120,
      calendar: PARIS,
      state: 'breached',
      dueAt: '2026-06-22T10:30:00+02:00',
      elapsedMin: 150,
      remainingMin: -30,
    },
    {
      name: 'business: met',
      startedAt: '2026-06-19T17:30:00+02:00',
      stoppedAt: '2026-06-22T10:29:00+02:00',
      now: '2026-06-23T12:00:00+02:00',
      targetMinutes: 120,
      calendar: PARIS,
      state: 'met',
      dueAt: '2026-06-22T10:30:00+02:00',
      elapsedMin: 119,
      remainingMin: 1,
    },
    {
      name: 'business: missed',
      startedAt: '2026-06-19T17:30:00+02:00',
      stoppedAt: '2026-06-22T10:31:00+02:00',
      now: '2026-06-23T12:00:00+02:00',
      targetMinutes: 120,
      calendar: PARIS,
      state: 'missed',
      dueAt: '2026-06-22T10:30:00+02:00',
      elapsedMin: 121,
      remainingMin: -1,
    },
    // a message on Saturday evening: nothing counts until Monday 09:00, due 10:00
    {
      name: 'business: arrived off-hours',
      startedAt: '2026-06-20T20:00:00+02:00',
      now: '2026-06-21T15:00:00+02:00',
      targetMinutes: 60,
      calendar: PARIS,
      state: 'on_track',
      dueAt: '2026-06-22T10:00:00+02:00',
      elapsedMin: 0,
      remainingMin: 60,
    },
    // 60 min from Monday 17:00 run out at 18:00 sharp: due at the next opening, not breached overnight
    {
      name: 'business: target used up at closing',
      startedAt: '2026-06-15T17:00:00+02:00',
      now: '2026-06-15T20:00:00+02:00',
      targetMinutes: 60,
      calendar: PARIS,
      state: 'due_soon',
      dueAt: '2026-06-16T09:00:00+02:00',
      elapsedMin: 60,
      remainingMin: 0,
    },
    {
      name: 'business: breached once business resumes',
      startedAt: '2026-06-15T17:00:00+02:00',
      now: '2026-06-16T09:01:00+02:00',
      targetMinutes: 60,
      calendar: PARIS,
      state: 'breached',
      dueAt: '2026-06-16T09:00:00+02:00',
      elapsedMin: 61,
      remainingMin: -1,
    },
  ])('$name', (c) => {
    const clock = slaClock({
      startedAt: at(c.startedAt),
      stoppedAt: c.stoppedAt ? at(c.stoppedAt) : null,
      targetMinutes: c.targetMinutes,
      calendar: c.calendar,
      now: at(c.now),
      dueSoonShare: c.dueSoonShare,
    });
    expect(clock).toEqual<SlaClock>({
      state: c.state,
      dueAt: at(c.dueAt),
      elapsedMs: c.elapsedMin * MIN,
      remainingMs: c.remainingMin * MIN,
    });
  });

  it.each([
    ['a negative target', { targetMinutes: -1 }, 'targetMinutes must be a non-negative number, got -1'],
    ['a due-soon share above 1', { dueSoonShare: 2 }, 'dueSoonShare must be between 0 and 1, got 2'],
  ])('rejects %s', (_name, over, message) => {
    const input = {
      startedAt: at('2026-06-15T10:00:00Z'),
      stoppedAt: null,
      targetMinutes: 60,
      calendar: null,
      now: at('2026-06-15T10:00:00Z'),
    };
    expect(() => slaClock({ ...input, ...over })).toThrow(message);
  });
});
