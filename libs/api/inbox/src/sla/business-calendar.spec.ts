import { DateTime, Settings } from 'luxon';
import {
  BusinessCalendar,
  addBusinessMillis,
  businessMillisBetween,
  isOpen,
  nextOpening,
  type BusinessPeriod,
} from './business-calendar';

const MIN = 60_000;
const H = 60 * MIN;
const at = (iso: string) => new Date(iso);
const every = (days: number[], start: string, end: string): BusinessPeriod[] =>
  days.map((day) => ({ day, start, end }));
const WEEKDAYS = [1, 2, 3, 4, 5];
const ALL_DAYS = [1, 2, 3, 4, 5, 6, 7];

// Paris in June/July is UTC+2. 2026-06-15 is a Monday; 2026-07-14 (Bastille Day) a Tuesday.
const PARIS: BusinessCalendar = {
  timeZone: 'Europe/Paris',
  periods: every(WEEKDAYS, '09:00', '18:00'),
  holidays: ['2026-07-14'],
};
// Lunch break: 3h + 4.5h = 7.5h a day.
const LUNCH: BusinessCalendar = {
  timeZone: 'Europe/Paris',
  periods: [...every(WEEKDAYS, '09:00', '12:00'), ...every(WEEKDAYS, '13:00', '17:30')],
  holidays: [],
};
// Every night 01:00-04:00: 3h, except 2h on spring-forward and 4h on fall-back nights.
const PARIS_NIGHTS: BusinessCalendar = {
  timeZone: 'Europe/Paris',
  periods: every(ALL_DAYS, '01:00', '04:00'),
  holidays: [],
};
const NY_NIGHTS: BusinessCalendar = {
  timeZone: 'America/New_York',
  periods: every(ALL_DAYS, '01:00', '04:00'),
  holidays: [],
};
const NY_OFFICE: BusinessCalendar = {
  timeZone: 'America/New_York',
  periods: every(WEEKDAYS, '09:00', '17:00'),
  holidays: [],
};
const ALWAYS: BusinessCalendar = {
  timeZone: 'Europe/Paris',
  periods: every(ALL_DAYS, '00:00', '24:00'),
  holidays: [],
};

describe('BusinessCalendar validation', () => {
  const base = { timeZone: 'Europe/Paris', periods: every([1], '09:00', '18:00'), holidays: [] };
  const messages = (input: unknown): string[] => {
    const r = BusinessCalendar.safeParse(input);
    return r.success ? [] : r.error.issues.map((i) => i.message);
  };

  it.each<{ name: string; input: unknown; message: string }>([
    {
      name: 'overlapping periods',
      input: {
        ...base,
        periods: [
          { day: 1, start: '09:00', end: '12:00' },
          { day: 1, start: '11:00', end: '14:00' },
        ],
      },
      message: 'Periods Monday 09:00-12:00 and Monday 11:00-14:00 overlap',
    },
    {
      name: 'a period inside another',
      input: {
        ...base,
        periods: [
          { day: 3, start: '08:00', end: '20:00' },
          { day: 3, start: '10:00', end: '11:00' },
          { day: 3, start: '19:00', end: '21:00' },
        ],
      },
      message: 'Periods Wednesday 08:00-20:00 and Wednesday 19:00-21:00 overlap',
    },
    {
      name: 'end before start',
      input: { ...base, periods: every([1], '18:00', '09:00') },
      message: 'Period Monday 18:00-09:00: end must be after start',
    },
    {
      name: 'empty period',
      input: { ...base, periods: every([7], '10:00', '10:00') },
      message: 'Period Sunday 10:00-10:00: end must be after start',
    },
    {
      name: 'unknown zone',
      input: { ...base, timeZone: 'Mars/Olympus' },
      message: 'Unknown time zone "Mars/Olympus": use an IANA name such as Europe/Paris',
    },
    {
      name: 'no periods',
      input: { ...base, periods: [] },
      message: 'A business calendar needs at least one opening period',
    },
    {
      name: 'time without leading zero',
      input: { ...base, periods: every([1], '9:00', '18:00') },
      message: 'start must be a time written HH:mm, from 00:00 to 23:59',
    },
    {
      name: 'start at 24:00',
      input: { ...base, periods: every([1], '24:00', '24:00') },
      message: 'start must be a time written HH:mm, from 00:00 to 23:59',
    },
    {
      name: 'end past midnight',
      input: { ...base, periods: every([1], '09:00', '24:30') },
      message: 'end must be a time written HH:mm, from 00:01 to 24:00',
    },
    {
      name: 'weekday 8',
      input: { ...base, periods: every([8], '09:00', '18:00') },
      message: 'day must be an ISO weekday from 1 (Monday) to 7 (Sunday)',
    },
    {
      name: 'weekday 0',
      input: { ...base, periods: every([0], '09:00', '18:00') },
      message: 'day must be an ISO weekday from 1 (Monday) to 7 (Sunday)',
    },
    {
      name: 'impossible holiday',
      input: { ...base, holidays: ['2026-02-30'] },
      message: 'holiday must be a real date written YYYY-MM-DD',
    },
    {
      name: 'holiday in another format',
      input: { ...base, holidays: ['14/07/2026'] },
      message: 'holiday must be a real date written YYYY-MM-DD',
    },
  ])('rejects $name', ({ input, message }) => {
    expect(messages(input)).toContain(message);
  });

  it.each<{ name: string; input: unknown }>([
    {
      name: 'touching periods',
      input: {
        ...base,
        periods: [
          { day: 1, start: '09:00', end: '12:00' },
          { day: 1, start: '12:00', end: '13:00' },
        ],
      },
    },
    { name: 'same hours on different days', input: { ...base, periods: every([1, 2], '09:00', '18:00') } },
    { name: 'a period ending at 24:00', input: { ...base, periods: every([1], '00:00', '24:00') } },
    { name: 'a leap day holiday', input: { ...base, holidays: ['2028-02-29'] } },
  ])('accepts $name', ({ input }) => {
    expect(messages(input)).toEqual([]);
  });

  it('defaults holidays to none', () => {
    expect(
      BusinessCalendar.parse({ timeZone: 'UTC', periods: every([1], '09:00', '10:00') }).holidays,
    ).toEqual([]);
  });

  it('is enforced by the functions too', () => {
    const bad = { ...base, timeZone: 'Nowhere/Land' } as BusinessCalendar;
    expect(() => isOpen(bad, at('2026-06-15T10:00:00Z'))).toThrow(
      'Invalid business calendar: timeZone: Unknown time zone "Nowhere/Land": use an IANA name such as Europe/Paris',
    );
  });
});

describe('isOpen', () => {
  it.each<[string, BusinessCalendar, string, boolean]>([
    ['a weekday inside hours', PARIS, '2026-06-15T10:00:00+02:00', true],
    ['at opening (inclusive)', PARIS, '2026-06-15T09:00:00+02:00', true],
    ['a millisecond before opening', PARIS, '2026-06-15T08:59:59.999+02:00', false],
    ['at closing (exclusive)', PARIS, '2026-06-15T18:00:00+02:00', false],
    ['a Saturday', PARIS, '2026-06-20T12:00:00+02:00', false],
    ['a holiday', PARIS, '2026-07-14T10:00:00+02:00', false],
    ['the lunch break', LUNCH, '2026-06-15T12:30:00+02:00', false],
    ['after lunch', LUNCH, '2026-06-15T13:00:00+02:00', true],
    // 03:30 CET, second pass of the repeated hour, inside 01:00 CEST .. 04:00 CET
    ['the repeated hour of the fall-back night', PARIS_NIGHTS, '2026-10-25T02:30:00Z', true],
    ['24/7 at local midnight', ALWAYS, '2026-03-29T22:00:00Z', true],
    // 09:00 in Paris is 03:00 in New York
    ['a New York weekday at 09:00 Paris time', NY_OFFICE, '2026-06-15T09:00:00+02:00', false],
  ])('%s', (_name, cal, iso, expected) => {
    expect(isOpen(cal, at(iso))).toBe(expected);
  });
});

describe('nextOpening', () => {
  it.each<[string, BusinessCalendar, string, string]>([
    ['itself when open', PARIS, '2026-06-15T10:00:00+02:00', '2026-06-15T10:00:00+02:00'],
    ['the next morning after closing', PARIS, '2026-06-15T18:00:00+02:00', '2026-06-16T09:00:00+02:00'],
    [
      'Monday at opening from Saturday evening',
      PARIS,
      '2026-06-20T20:00:00+02:00',
      '2026-06-22T09:00:00+02:00',
    ],
    ['the day after a holiday', PARIS, '2026-07-13T18:30:00+02:00', '2026-07-15T09:00:00+02:00'],
    ['the end of the lunch break', LUNCH, '2026-06-15T12:15:00+02:00', '2026-06-15T13:00:00+02:00'],
    // New York opens 09:00 EDT = 13:00Z
    ['in the calendar time zone', NY_OFFICE, '2026-06-15T10:00:00Z', '2026-06-15T13:00:00Z'],
  ])('%s', (_name, cal, iso, expected) => {
    expect(nextOpening(cal, at(iso))).toEqual(at(expected));
  });

  // Open on Mondays only, and each of the `weeks` Mondays from 2026-06-15 is a holiday.
  const mondaysOff = (weeks: number): BusinessCalendar => ({
    timeZone: 'Europe/Paris',
    periods: every([1], '09:00', '17:00'),
    holidays: Array.from(
      { length: weeks },
      (_, i) => DateTime.fromISO('2026-06-15').plus({ weeks: i }).toISODate() ?? '',
    ),
  });

  it('skips many holidays', () => {
    // 10 Mondays off: the first opening is on 2026-08-24
    expect(nextOpening(mondaysOff(10), at('2026-06-14T12:00:00Z'))).toEqual(at('2026-08-24T09:00:00+02:00'));
  });

  it('throws when no day opens within about 400 days', () => {
    // 60 Mondays off: 420 days without an opening
    expect(() => nextOpening(mondaysOff(60), at('2026-06-14T12:00:00Z'))).toThrow(
      /no opening in the 400 days after/,
    );
    expect(() => addBusinessMillis(mondaysOff(60), at('2026-06-14T12:00:00Z'), H)).toThrow(
      /every day is closed or a holiday/,
    );
    // counting elapsed time over such a span is fine: nothing elapsed
    expect(
      businessMillisBetween(mondaysOff(60), at('2026-06-14T12:00:00Z'), at('2027-06-14T12:00:00Z')),
    ).toBe(0);
  });
});

describe('businessMillisBetween', () => {
  it.each<[string, BusinessCalendar, string, string, number]>([
    ['a weekday inside hours', PARIS, '2026-06-15T10:00:00+02:00', '2026-06-15T12:30:00+02:00', 2.5 * H],
    // Mon 16:00-18:00 + Tue 09:00-10:00
    ['across a night', PARIS, '2026-06-15T16:00:00+02:00', '2026-06-16T10:00:00+02:00', 3 * H],
    // Fri 17:00-18:00 + Mon 09:00-10:00
    ['across a weekend', PARIS, '2026-06-19T17:00:00+02:00', '2026-06-22T10:00:00+02:00', 2 * H],
    [
      'from Saturday evening to Monday',
      PARIS,
      '2026-06-20T20:00:00+02:00',
      '2026-06-22T09:30:00+02:00',
      30 * MIN,
    ],
    // Mon 17:00-18:00 + (Tue is a holiday) + Wed 09:00-10:00
    ['across a holiday', PARIS, '2026-07-13T17:00:00+02:00', '2026-07-15T10:00:00+02:00', 2 * H],
    ['a whole week', PARIS, '2026-06-15T00:00:00+02:00', '2026-06-22T00:00:00+02:00', 45 * H],
    ['within one night', PARIS, '2026-06-15T19:00:00+02:00', '2026-06-16T08:00:00+02:00', 0],
    ['an empty span', PARIS, '2026-06-15T10:00:00+02:00', '2026-06-15T10:00:00+02:00', 0],
    ['a reversed span', PARIS, '2026-06-15T12:00:00+02:00', '2026-06-15T10:00:00+02:00', 0],
    // 11:00-12:00 + 13:00-14:00
    ['over a lunch break', LUNCH, '2026-06-15T11:00:00+02:00', '2026-06-15T14:00:00+02:00', 2 * H],
    ['inside a lunch break', LUNCH, '2026-06-15T12:15:00+02:00', '2026-06-15T12:45:00+02:00', 0],
    [
      'a whole day with a lunch break',
      LUNCH,
      '2026-06-15T00:00:00+02:00',
      '2026-06-16T00:00:00+02:00',
      7.5 * H,
    ],
    // 2026 has 261 weekdays, 7.5h each
    [
      'a whole year with a lunch break',
      LUNCH,
      '2026-01-01T00:00:00+01:00',
      '2027-01-01T00:00:00+01:00',
      261 * 7.5 * H,
    ],

    // Europe/Paris spring forward, Sun 2026-03-29 02:00 CET -> 03:00 CEST: 01:00 CET (00:00Z) .. 04:00 CEST (02:00Z)
    ['the Paris spring-forward night', PARIS_NIGHTS, '2026-03-28T23:00:00Z', '2026-03-29T10:00:00Z', 2 * H],
    ['an ordinary Paris night', PARIS_NIGHTS, '2026-03-27T23:00:00Z', '2026-03-28T10:00:00Z', 3 * H],
    // 7 nights of 3h, one an hour short; Mon 00:00 CET (Sun 23:00Z) to Mon 00:00 CEST (Sun 22:00Z)
    ['the Paris spring-forward week', PARIS_NIGHTS, '2026-03-22T23:00:00Z', '2026-03-29T22:00:00Z', 20 * H],
    // Europe/Paris fall back, Sun 2026-10-25 03:00 CEST -> 02:00 CET: 01:00 CEST (Sat 23:00Z) .. 04:00 CET (03:00Z)
    ['the Paris fall-back night', PARIS_NIGHTS, '2026-10-24T22:00:00Z', '2026-10-25T11:00:00Z', 4 * H],
    ['the Paris fall-back week', PARIS_NIGHTS, '2026-10-18T22:00:00Z', '2026-10-25T23:00:00Z', 22 * H],
    // part of the night: 01:30Z is 03:30 CEST, 30 min before 04:00 CEST
    [
      'the end of the spring-forward night',
      PARIS_NIGHTS,
      '2026-03-29T01:30:00Z',
      '2026-03-29T12:00:00Z',
      30 * MIN,
    ],

    // America/New_York spring forward, Sun 2026-03-08 02:00 EST -> 03:00 EDT: 01:00 EST (06:00Z) .. 04:00 EDT (08:00Z)
    ['the New York spring-forward night', NY_NIGHTS, '2026-03-08T05:00:00Z', '2026-03-08T18:00:00Z', 2 * H],
    // New York fall back, Sun 2026-11-01 02:00 EDT -> 01:00 EST: 01:00 occurs twice, the earlier (01:00 EDT,
    // 05:00Z) opens; 04:00 EST (09:00Z) closes
    ['the New York fall-back night', NY_NIGHTS, '2026-11-01T04:00:00Z', '2026-11-01T18:00:00Z', 4 * H],
    // Fri 16:00-17:00 EST (21:00-22:00Z) + Mon 09:00-10:00 EDT (13:00-14:00Z)
    [
      'a New York weekend with a DST change',
      NY_OFFICE,
      '2026-03-06T21:00:00Z',
      '2026-03-09T14:00:00Z',
      2 * H,
    ],

    // 24/7: business time is calendar time, DST or not (47h and 49h of wall clock)
    ['24/7 across spring forward', ALWAYS, '2026-03-28T12:00:00Z', '2026-03-30T12:00:00Z', 48 * H],
    ['24/7 across fall back', ALWAYS, '2026-10-24T12:00:00Z', '2026-10-26T12:00:00Z', 48 * H],
    ['24/7 over a year', ALWAYS, '2026-01-01T00:00:00Z', '2027-01-01T00:00:00Z', 365 * 24 * H],
  ])('%s', (_name, cal, from, to, expected) => {
    expect(businessMillisBetween(cal, at(from), at(to))).toBe(expected);
  });
});

describe('addBusinessMillis', () => {
  it.each<[string, BusinessCalendar, string, number, string]>([
    ['within a day', PARIS, '2026-06-15T10:00:00+02:00', 2 * H, '2026-06-15T12:00:00+02:00'],
    ['across a night', PARIS, '2026-06-15T17:00:00+02:00', 2 * H, '2026-06-16T10:00:00+02:00'],
    ['across a weekend', PARIS, '2026-06-19T17:00:00+02:00', 2 * H, '2026-06-22T10:00:00+02:00'],
    [
      'from Saturday evening: the clock starts Monday at opening',
      PARIS,
      '2026-06-20T20:00:00+02:00',
      H,
      '2026-06-22T10:00:00+02:00',
    ],
    [
      'nothing from off-hours: the next opening',
      PARIS,
      '2026-06-20T20:00:00+02:00',
      0,
      '2026-06-22T09:00:00+02:00',
    ],
    [
      'nothing from inside hours: the same instant',
      PARIS,
      '2026-06-15T10:00:00+02:00',
      0,
      '2026-06-15T10:00:00+02:00',
    ],
    // 10:00 + 8h runs out at 18:00 sharp: due at the next opening, the last instant with exactly 8h elapsed
    [
      'a target running out at closing',
      PARIS,
      '2026-06-15T10:00:00+02:00',
      8 * H,
      '2026-06-16T09:00:00+02:00',
    ],
    ['across a holiday', PARIS, '2026-07-13T17:00:00+02:00', 2 * H, '2026-07-15T10:00:00+02:00'],
    ['over a lunch break', LUNCH, '2026-06-15T11:00:00+02:00', 2 * H, '2026-06-15T14:00:00+02:00'],
    ['from the lunch break', LUNCH, '2026-06-15T12:30:00+02:00', 0, '2026-06-15T13:00:00+02:00'],
    // 01:00 CET (00:00Z) + 90 real minutes = 01:30Z, i.e. 03:30 CEST
    [
      'into the Paris spring-forward gap',
      PARIS_NIGHTS,
      '2026-03-29T00:00:00Z',
      90 * MIN,
      '2026-03-29T01:30:00Z',
    ],
    // the 2h night is used up at 04:00 CEST: due at the next opening, Mon 01:00 CEST (Sun 23:00Z)
    [
      'the whole Paris spring-forward night',
      PARIS_NIGHTS,
      '2026-03-29T00:00:00Z',
      2 * H,
      '2026-03-29T23:00:00Z',
    ],
    // 01:00 CEST (Sat 23:00Z) + 3.5h = 02:30Z (03:30 CET)
    ['into the Paris fall-back night', PARIS_NIGHTS, '2026-10-24T23:00:00Z', 3.5 * H, '2026-10-25T02:30:00Z'],
    // Fri 16:00 EST + 1h to closing + 1h from Mon 09:00 EDT
    [
      'a New York weekend with a DST change',
      NY_OFFICE,
      '2026-03-06T21:00:00Z',
      2 * H,
      '2026-03-09T14:00:00Z',
    ],
    ['24/7 across spring forward', ALWAYS, '2026-03-28T12:00:00Z', 48 * H, '2026-03-30T12:00:00Z'],
    ['24/7 across fall back', ALWAYS, '2026-10-24T12:00:00Z', 48 * H, '2026-10-26T12:00:00Z'],
  ])('%s', (_name, cal, from, ms, expected) => {
    expect(addBusinessMillis(cal, at(from), ms)).toEqual(at(expected));
  });

  it.each([-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY])('rejects %p ms', (ms) => {
    expect(() => addBusinessMillis(PARIS, at('2026-06-15T10:00:00Z'), ms)).toThrow(RangeError);
  });

  it('rejects an invalid date', () => {
    expect(() => addBusinessMillis(PARIS, new Date('nope'), 0)).toThrow('from is an invalid Date');
  });
});

describe('wall times that do not exist or occur twice', () => {
  // Sundays 02:30-05:00 in Paris
  const cal = (timeZone: string): BusinessCalendar => ({
    timeZone,
    periods: every([7], '02:30', '05:00'),
    holidays: [],
  });

  it('pushes a wall time in the spring-forward gap forward by the gap (luxon default)', () => {
    // 02:30 does not exist on 2026-03-29: 03:30 CEST (01:30Z) to 05:00 CEST (03:00Z)
    expect(nextOpening(cal('Europe/Paris'), at('2026-03-29T00:00:00Z'))).toEqual(at('2026-03-29T01:30:00Z'));
    expect(
      businessMillisBetween(cal('Europe/Paris'), at('2026-03-29T00:00:00Z'), at('2026-03-29T12:00:00Z')),
    ).toBe(1.5 * H);
  });

  it.each([
    // luxon alone would pick the occurrence with the offset of "now"; the result must not depend on it
    ['in summer', 'Europe/Berlin', Date.UTC(2026, 6, 1)],
    ['in winter', 'Europe/Madrid', Date.UTC(2026, 0, 1)],
  ])('takes the earlier of a repeated wall time, even when run %s', (_name, zone, now) => {
    const saved = Settings.now;
    Settings.now = () => now;
    try {
      // 02:30 occurs at 00:30Z (CEST) and 01:30Z (CET): opens at 00:30Z, closes 05:00 CET (04:00Z)
      expect(nextOpening(cal(zone), at('2026-10-24T22:00:00Z'))).toEqual(at('2026-10-25T00:30:00Z'));
      expect(businessMillisBetween(cal(zone), at('2026-10-24T22:00:00Z'), at('2026-10-25T12:00:00Z'))).toBe(
        3.5 * H,
      );
    } finally {
      Settings.now = saved;
    }
  });
});

/** Seeded generator, so the drawn cases are the same on every run. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const YEAR_2026 = [Date.UTC(2026, 0, 1), Date.UTC(2027, 0, 1)] as const;

describe('addBusinessMillis and businessMillisBetween are inverse', () => {
  it.each<[string, BusinessCalendar, number]>([
    ['Paris office with a holiday', PARIS, 1],
    ['lunch break', LUNCH, 2],
    ['Paris nights (DST)', PARIS_NIGHTS, 3],
    ['New York nights (DST)', NY_NIGHTS, 4],
    ['24/7', ALWAYS, 5],
  ])('on 300 drawn instants: %s', (_name, cal, seed) => {
    const rand = mulberry32(seed);
    for (let i = 0; i < 300; i++) {
      const from = new Date(YEAR_2026[0] + Math.floor(rand() * (YEAR_2026[1] - YEAR_2026[0])));
      // a third of the draws on whole minutes, to land on openings and closings
      const raw = Math.floor(rand() * 120 * H);
      const ms = i % 3 === 0 ? raw - (raw % MIN) : raw;
      const due = addBusinessMillis(cal, from, ms);
      expect(due.getTime()).toBeGreaterThanOrEqual(from.getTime());
      expect(businessMillisBetween(cal, from, due)).toBe(ms);
      // the due time is the last instant with exactly `ms` elapsed
      expect(businessMillisBetween(cal, from, new Date(due.getTime() + 1))).toBe(ms + 1);
      if (cal === ALWAYS) expect(due.getTime()).toBe(from.getTime() + ms);
    }
  });
});

/** Straightforward reference: every local day resolved with luxon, intervals merged, overlap summed. */
function referenceBetween(cal: BusinessCalendar, from: Date, to: Date): number {
  const wall = (date: DateTime, time: string): number => {
    const base = time === '24:00' ? date.plus({ days: 1 }) : date;
    const [hour, minute] = time === '24:00' ? [0, 0] : time.split(':').map(Number);
    const dt = DateTime.fromObject(
      { year: base.year, month: base.month, day: base.day, hour, minute },
      { zone: cal.timeZone },
    );
    return Math.min(...dt.getPossibleOffsets().map((x) => x.toMillis()));
  };
  const intervals: Array<[number, number]> = [];
  const first = DateTime.fromJSDate(from, { zone: cal.timeZone }).startOf('day').minus({ days: 1 });
  for (let d = first; d.toMillis() < to.getTime(); d = d.plus({ days: 1 })) {
    if (cal.holidays.includes(d.toISODate() ?? '')) continue;
    for (const p of cal.periods.filter((x) => x.day === d.weekday))
      intervals.push([wall(d, p.start), wall(d, p.end)]);
  }
  intervals.sort((a, b) => a[0] - b[0]);
  let total = 0;
  let covered = from.getTime();
  for (const [s, e] of intervals) {
    const start = Math.max(s, covered);
    const end = Math.min(e, to.getTime());
    if (end > start) {
      total += end - start;
      covered = end;
    }
  }
  return total;
}

describe('businessMillisBetween agrees with a day-by-day luxon reference', () => {
  // spans of up to 3 days starting within 2 days of a DST change, with drawn periods
  const changes = [
    ['Europe/Paris', '2026-03-29T01:00:00Z'],
    ['Europe/Paris', '2026-10-25T01:00:00Z'],
    ['America/New_York', '2026-03-08T07:00:00Z'],
    ['America/New_York', '2026-11-01T06:00:00Z'],
    ['Australia/Lord_Howe', '2026-04-04T15:00:00Z'],
  ] as const;

  it.each(changes)('around a change in %s at %s', (timeZone, change) => {
    const rand = mulberry32(change.length + timeZone.length);
    for (let i = 0; i < 40; i++) {
      const hhmm = (m: number) =>
        `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
      const a = Math.floor(rand() * 48) * 30;
      const b = a + 30 + Math.floor(rand() * ((1440 - a) / 30)) * 30;
      const cal: BusinessCalendar = {
        timeZone,
        periods: every(ALL_DAYS, hhmm(a), hhmm(Math.min(b, 1440))),
        holidays: [],
      };
      const from = new Date(at(change).getTime() + Math.floor((rand() - 0.5) * 4 * 24 * H));
      const to = new Date(from.getTime() + Math.floor(rand() * 3 * 24 * H));
      expect(businessMillisBetween(cal, from, to)).toBe(referenceBetween(cal, from, to));
    }
  });
});
