import { z } from 'zod';

// The business hours of an SLA policy (DESIGN §4): a weekly calendar of local wall-clock periods, a time zone and
// holidays. The arithmetic on them (business time between two instants, due dates) is in libs/api/inbox/src/sla.

const DAY_MS = 86_400_000;

export const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
export const DAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** Minutes since local midnight for 'HH:mm' or '24:00'; null when malformed. */
export function toMinutes(time: string): number | null {
  if (time === '24:00') return 24 * 60;
  const m = TIME.exec(time);
  return m ? Number(m[1]) * 60 + Number(m[2]) : null;
}

/** Days since 1970-01-01 for a real 'YYYY-MM-DD' date; null otherwise. Plain calendar arithmetic, no zone. */
export function isoDateToDay(date: string): number | null {
  const m = ISO_DATE.exec(date);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ts = Date.UTC(y, mo - 1, d);
  const back = new Date(ts);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return null;
  return ts / DAY_MS;
}

export const BusinessPeriod = z.object({
  /** ISO weekday: 1 = Monday ... 7 = Sunday */
  day: z
    .number()
    .int()
    .min(1, 'day must be an ISO weekday from 1 (Monday) to 7 (Sunday)')
    .max(7, 'day must be an ISO weekday from 1 (Monday) to 7 (Sunday)'),
  start: z.string().regex(TIME, 'start must be a time written HH:mm, from 00:00 to 23:59'),
  end: z
    .string()
    .refine((s) => toMinutes(s) !== null, 'end must be a time written HH:mm, from 00:01 to 24:00'),
});
export type BusinessPeriod = z.infer<typeof BusinessPeriod>;

export const BusinessCalendar = z.object({
  /** IANA time zone, e.g. Europe/Paris */
  timeZone: z.string().superRefine((zone, ctx) => {
    if (!isValidZone(zone)) {
      ctx.addIssue({
        code: 'custom',
        message: `Unknown time zone "${zone}": use an IANA name such as Europe/Paris`,
      });
    }
  }),
  periods: z
    .array(BusinessPeriod)
    .min(1, 'A business calendar needs at least one opening period')
    .superRefine(checkPeriods),
  /** Local dates 'YYYY-MM-DD', closed all day */
  holidays: z
    .array(
      z.string().refine((s) => isoDateToDay(s) !== null, 'holiday must be a real date written YYYY-MM-DD'),
    )
    .default([]),
});
export type BusinessCalendar = z.infer<typeof BusinessCalendar>;

/** End after start, and no two periods overlapping on the same day (touching is fine). */
function checkPeriods(periods: BusinessPeriod[], ctx: z.RefinementCtx): void {
  const byDay = new Map<number, Array<{ start: number; end: number; label: string }>>();
  periods.forEach((p, i) => {
    const start = toMinutes(p.start);
    const end = toMinutes(p.end);
    const dayName = DAY_NAMES[p.day - 1];
    // malformed fields are reported by their own schemas
    if (start === null || end === null || !TIME.test(p.start) || dayName === undefined) return;
    const label = `${dayName} ${p.start}-${p.end}`;
    if (end <= start) {
      ctx.addIssue({ code: 'custom', path: [i, 'end'], message: `Period ${label}: end must be after start` });
      return;
    }
    const list = byDay.get(p.day) ?? [];
    list.push({ start, end, label });
    byDay.set(p.day, list);
  });
  for (const list of byDay.values()) {
    list.sort((a, b) => a.start - b.start);
    let furthest = list[0];
    for (const p of list.slice(1)) {
      if (furthest && p.start < furthest.end) {
        ctx.addIssue({ code: 'custom', message: `Periods ${furthest.label} and ${p.label} overlap` });
      }
      if (!furthest || p.end > furthest.end) furthest = p;
    }
  }
}


/** An IANA zone the runtime knows (what luxon's IANAZone.isValidZone checks, without luxon: the web uses it too). */
export function isValidZone(zone: string): boolean {
  if (zone.length === 0 || zone.length > 64) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

// ------------------------------------------------------------------------------------------ SLA policies

/** Running: on_track, due_soon, breached. Stopped: met (at or before the due time) or missed (after it). */
export const SlaState = z.enum(['on_track', 'due_soon', 'breached', 'met', 'missed']);
export type SlaState = z.infer<typeof SlaState>;

const minutes = (what: string) =>
  z
    .number()
    .int(`${what} is a whole number of minutes`)
    .min(1, `${what} is at least 1 minute`)
    .max(525_600, `${what} is at most a year (525,600 minutes)`)
    .nullable();

/** The targets for one priority; null: no target. Business hours: null counts calendar time. */
export const SlaPolicyRequest = z
  .object({
    firstResponseMinutes: minutes('the first-response target'),
    resolutionMinutes: minutes('the resolution target'),
    businessHours: BusinessCalendar.nullable(),
  })
  .strict()
  .refine((p) => p.firstResponseMinutes !== null || p.resolutionMinutes !== null, 'set a first-response target, a resolution target, or both (or delete the policy)');
export type SlaPolicyRequest = z.infer<typeof SlaPolicyRequest>;

export interface SlaPolicyDto extends SlaPolicyRequest {
  priority: 'low' | 'normal' | 'high' | 'urgent';
  updatedAt: string;
}

/** Where a conversation stands against one target of its priority's policy. */
export interface SlaClockDto {
  state: SlaState;
  dueAt: string;
  /** target minus time counted so far (business time when the policy has business hours); negative when late */
  remainingMs: number;
  businessHours: boolean;
}
