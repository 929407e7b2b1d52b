import { DateTime, IANAZone } from 'luxon';
import { BusinessCalendar, BusinessPeriod, isoDateToDay, toMinutes } from '@ecoute/contracts';

export { BusinessCalendar, BusinessPeriod };

// Business hours of an SLA policy: a weekly calendar of local wall-clock periods, a time zone and holidays.
//
// Each period of each local date is resolved to a pair of instants [start, end) with luxon:
// - a wall time that does not exist (spring-forward gap) takes luxon's default resolution: it is pushed
//   forward by the length of the gap (02:30 on a night that jumps 02:00 -> 03:00 becomes 03:30);
// - a wall time that occurs twice (fall-back overlap) takes its earlier occurrence. luxon's own pick depends
//   on the offset of the current date, so we choose explicitly among `getPossibleOffsets()`.
// So a period 01:00-04:00 lasts 2 real hours on a spring-forward night and 4 on a fall-back night.

// Local aliases: hot loops below avoid global lookups, which are slow inside vm sandboxes such as jest's.
const { floor, max, min } = Math;

const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;
/** Searching forward for an opening gives up after this many days without one. */
export const MAX_DAYS_WITHOUT_OPENING = 400;

// ---------------------------------------------------------------------------------------------------------
// Zone offsets, memoized. luxon's IANAZone.offset goes through Intl and is slow (several µs a call), so we
// sample it on a 7-day grid and locate each change by bisection. Assumption: a zone changes its offset at
// most once in 7 days (true of every zone in today's tz database); a cell that shows otherwise while
// bisecting is marked irregular and always asks luxon.

const CELL_MS = 7 * DAY_MS;
/** Wall time minus instant is within [-12h, +14h]; a margin of 15h covers every zone. */
const MAX_OFFSET_MS = 15 * HOUR_MS;

type Cell =
  | { kind: 'constant'; offset: number }
  /** `before` on [cell start, lo], `after` on [hi, cell end]; the change happens in (lo, hi]. */
  | { kind: 'change'; before: number; after: number; lo: number; hi: number }
  | { kind: 'irregular' };

class ZoneOffsets {
  private readonly grid = new Map<number, number>();
  private readonly cells = new Map<number, Cell>();
  private readonly walls = new Map<number, number>();

  constructor(readonly zone: IANAZone) {}

  /** Offset in minutes at an instant. */
  offsetAt(t: number): number {
    return this.constantOver(t, t) ?? this.zone.offset(t);
  }

  /** The offset (minutes) when it is the same over all of [a, b], else null. */
  constantOver(a: number, b: number): number | null {
    let found: number | null = null;
    for (let k = floor(a / CELL_MS); k <= floor(b / CELL_MS); k++) {
      const cell = this.cell(k);
      const from = max(a, k * CELL_MS);
      const to = min(b, (k + 1) * CELL_MS);
      let o: number;
      if (cell.kind === 'constant') o = cell.offset;
      else if (cell.kind === 'change' && to <= cell.lo) o = cell.before;
      else if (cell.kind === 'change' && from >= cell.hi) o = cell.after;
      else return null;
      if (found !== null && o !== found) return null;
      found = o;
    }
    return found;
  }

  /** Instant of a local wall time (local day number + minutes, up to 24:00). */
  resolveWall(day: number, minutes: number): number {
    const wall = day * DAY_MS + minutes * MINUTE_MS;
    const o = this.constantOver(wall - MAX_OFFSET_MS, wall + MAX_OFFSET_MS);
    // a single offset around the wall time: the wall time exists exactly once, at wall - offset
    if (o !== null) return wall - o * MINUTE_MS;
    const cached = this.walls.get(wall);
    if (cached !== undefined) return cached;
    const d = new Date(wall);
    const dt = DateTime.fromObject(
      {
        year: d.getUTCFullYear(),
        month: d.getUTCMonth() + 1,
        day: d.getUTCDate(),
        hour: d.getUTCHours(),
        minute: d.getUTCMinutes(),
      },
      { zone: this.zone },
    );
    // gap: luxon pushed it forward (one option); overlap: two options, take the earlier
    const resolved = min(...dt.getPossibleOffsets().map((x) => x.toMillis()));
    this.walls.set(wall, resolved);
    return resolved;
  }

  private gridOffset(k: number): number {
    let o = this.grid.get(k);
    if (o === undefined) {
      o = this.zone.offset(k * CELL_MS);
      this.grid.set(k, o);
    }
    return o;
  }

  private cell(k: number): Cell {
    let cell = this.cells.get(k);
    if (cell) return cell;
    const before = this.gridOffset(k);
    const after = this.gridOffset(k + 1);
    if (before === after) {
      cell = { kind: 'constant', offset: before };
    } else {
      let lo = k * CELL_MS;
      let hi = (k + 1) * CELL_MS;
      cell = undefined;
      // an hour of precision is plenty: callers look at spans with a 15-hour margin
      while (hi - lo > HOUR_MS) {
        const mid = floor((lo + hi) / 2);
        const o = this.zone.offset(mid);
        if (o === before) lo = mid;
        else if (o === after) hi = mid;
        else {
          cell = { kind: 'irregular' };
          break;
        }
      }
      cell ??= { kind: 'change', before, after, lo, hi };
    }
    this.cells.set(k, cell);
    return cell;
  }
}

const zones = new Map<string, ZoneOffsets>();
function zoneOffsets(name: string): ZoneOffsets {
  let z = zones.get(name);
  if (!z) {
    z = new ZoneOffsets(IANAZone.create(name));
    zones.set(name, z);
  }
  return z;
}

// ---------------------------------------------------------------------------------------------------------
// Compiled calendars, memoized per calendar object (calendars are treated as immutable values).

interface Compiled {
  timeZone: string;
  zone: ZoneOffsets;
  /** index 1..7: that weekday's periods in minutes, sorted, touching ones merged */
  weekly: ReadonlyArray<ReadonlyArray<readonly [number, number]>>;
  holidays: ReadonlySet<number>;
}

const compiledCalendars = new WeakMap<BusinessCalendar, Compiled>();

function compile(input: BusinessCalendar): Compiled {
  const hit = compiledCalendars.get(input);
  if (hit) return hit;
  const parsed = BusinessCalendar.safeParse(input);
  if (!parsed.success) {
    const details = parsed.error.issues.map((i) => [...i.path.map(String), i.message].join(': ')).join('; ');
    throw new RangeError(`Invalid business calendar: ${details}`);
  }
  const cal = parsed.data;
  const weekly: Array<Array<[number, number]>> = Array.from({ length: 8 }, () => []);
  for (const p of cal.periods) weekly[p.day]?.push([toMinutes(p.start) ?? 0, toMinutes(p.end) ?? 0]);
  for (const list of weekly) {
    list.sort((a, b) => a[0] - b[0]);
    for (let i = list.length - 1; i > 0; i--) {
      const prev = list[i - 1];
      const cur = list[i];
      if (prev && cur && prev[1] === cur[0]) {
        prev[1] = cur[1];
        list.splice(i, 1);
      }
    }
  }
  const holidays = new Set(cal.holidays.map((h) => isoDateToDay(h) ?? NaN));
  const compiled: Compiled = { timeZone: cal.timeZone, zone: zoneOffsets(cal.timeZone), weekly, holidays };
  compiledCalendars.set(input, compiled);
  return compiled;
}

/** ISO weekday (1 = Monday) of a day number; 1970-01-01 was a Thursday. */
function isoWeekday(day: number): number {
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

/** The local date (as a day number) of an instant. */
function localDay(c: Compiled, t: number): number {
  return floor((t + c.zone.offsetAt(t) * MINUTE_MS) / DAY_MS);
}

const NO_INTERVALS: ReadonlyArray<readonly [number, number]> = [];

/** A local date's opening intervals as instants, in order (possibly overlapping or empty at DST changes). */
function dayIntervals(c: Compiled, day: number): ReadonlyArray<readonly [number, number]> {
  const periods = c.weekly[isoWeekday(day)];
  if (!periods || periods.length === 0 || c.holidays.has(day)) return NO_INTERVALS;
  const midnight = day * DAY_MS;
  const o = c.zone.constantOver(midnight - MAX_OFFSET_MS, midnight + DAY_MS + MAX_OFFSET_MS);
  if (o !== null) {
    // one offset all day (the usual case): every wall time is that offset away
    const shift = midnight - o * MINUTE_MS;
    return periods.map(([s, e]) => [shift + s * MINUTE_MS, shift + e * MINUTE_MS] as const);
  }
  return periods.map(([s, e]) => [c.zone.resolveWall(day, s), c.zone.resolveWall(day, e)] as const);
}

/**
 * Disjoint opening intervals [start, end) in time order, from the one containing or following `from`.
 * Stops once past `until`; without `until`, throws after MAX_DAYS_WITHOUT_OPENING days without an opening.
 */
function* openIntervals(
  c: Compiled,
  from: number,
  until: number | null,
): Generator<readonly [number, number]> {
  let day = localDay(c, from) - 1;
  let lastOpenDay = day;
  let lastEnd = -Infinity;
  for (; ; day++) {
    if (until !== null && day * DAY_MS - MAX_OFFSET_MS >= until) return;
    if (until === null && day - lastOpenDay > MAX_DAYS_WITHOUT_OPENING) {
      const since = new Date(lastOpenDay * DAY_MS).toISOString().slice(0, 10);
      throw new Error(
        `Business calendar (${c.timeZone}) has no opening in the ${MAX_DAYS_WITHOUT_OPENING} days after ${since}: every day is closed or a holiday`,
      );
    }
    for (const [rawStart, end] of dayIntervals(c, day)) {
      // keep intervals disjoint and ordered, whatever the DST resolution did
      const start = max(rawStart, lastEnd);
      if (end <= start) continue;
      lastEnd = end;
      if (end <= from) continue;
      lastOpenDay = day;
      yield [start, end];
    }
  }
}

function instant(d: Date, name: string): number {
  const t = d.getTime();
  if (Number.isNaN(t)) throw new RangeError(`${name} is an invalid Date`);
  return t;
}

/** Whether business is open at an instant (periods are [start, end): open at opening, closed at closing). */
export function isOpen(cal: BusinessCalendar, at: Date): boolean {
  const c = compile(cal);
  const t = instant(at, 'at');
  const day = localDay(c, t);
  for (const d of [day - 1, day]) {
    if (dayIntervals(c, d).some(([s, e]) => s <= t && t < e)) return true;
  }
  return false;
}

/** `at` itself when open, else the next opening. Throws when none comes within MAX_DAYS_WITHOUT_OPENING days. */
export function nextOpening(cal: BusinessCalendar, at: Date): Date {
  const c = compile(cal);
  const t = instant(at, 'at');
  for (const [s] of openIntervals(c, t, null)) return new Date(max(s, t));
  throw new Error('unreachable: openIntervals ends by throwing');
}

/** Business time (ms) elapsed in [from, to); 0 when to <= from. */
export function businessMillisBetween(cal: BusinessCalendar, from: Date, to: Date): number {
  const c = compile(cal);
  const a = instant(from, 'from');
  const b = instant(to, 'to');
  if (b <= a) return 0;
  let total = 0;
  for (const [s, e] of openIntervals(c, a, b)) {
    if (s >= b) break;
    total += min(e, b) - max(s, a);
  }
  return total;
}

/**
 * The instant at which `ms` of business time have elapsed since `from`. Off-hours, the clock starts at the
 * next opening (so ms = 0 gives the next opening). Of the instants with exactly `ms` elapsed it returns the
 * last: a target that runs out exactly at closing time falls due at the next opening, so any later instant
 * has more than `ms` elapsed. Inverse of businessMillisBetween: between(from, add(from, ms)) === ms.
 */
export function addBusinessMillis(cal: BusinessCalendar, from: Date, ms: number): Date {
  if (!Number.isInteger(ms) || ms < 0) throw new RangeError(`ms must be a non-negative integer, got ${ms}`);
  const c = compile(cal);
  const t = instant(from, 'from');
  let remaining = ms;
  for (const [s, e] of openIntervals(c, t, null)) {
    const start = max(s, t);
    if (remaining < e - start) return new Date(start + remaining);
    remaining -= e - start;
  }
  throw new Error('unreachable: openIntervals ends by throwing');
}
