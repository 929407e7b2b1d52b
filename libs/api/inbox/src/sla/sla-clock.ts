import { SlaState } from '@ecoute/contracts';
import { addBusinessMillis, businessMillisBetween, type BusinessCalendar } from './business-calendar';

export { SlaState };

export interface SlaClockInput {
  startedAt: Date;
  /** when the target was reached (first response sent, conversation resolved); null while running */
  stoppedAt: Date | null;
  targetMinutes: number;
  /** business hours of the policy; null counts calendar time */
  calendar: BusinessCalendar | null;
  now: Date;
  /** due soon when at most this share of the target remains; default 0.25 */
  dueSoonShare?: number;
}

export interface SlaClock {
  state: SlaState;
  dueAt: Date;
  /** time counted (business or calendar) from startedAt to stoppedAt, or to now while running */
  elapsedMs: number;
  /** target minus elapsed; negative once breached or missed */
  remainingMs: number;
}

export const DEFAULT_DUE_SOON_SHARE = 0.25;

/** Pure: where an SLA target stands, in business time when a calendar is given, else in calendar time. */
export function slaClock(input: SlaClockInput): SlaClock {
  const { startedAt, stoppedAt, targetMinutes, calendar, now } = input;
  const share = input.dueSoonShare ?? DEFAULT_DUE_SOON_SHARE;
  if (!Number.isFinite(targetMinutes) || targetMinutes < 0) {
    throw new RangeError(`targetMinutes must be a non-negative number, got ${targetMinutes}`);
  }
  if (!(share >= 0 && share <= 1)) throw new RangeError(`dueSoonShare must be between 0 and 1, got ${share}`);
  const targetMs = Math.round(targetMinutes * 60_000);
  const end = stoppedAt ?? now;

  const dueAt = calendar
    ? addBusinessMillis(calendar, startedAt, targetMs)
    : new Date(startedAt.getTime() + targetMs);
  const elapsedMs = calendar
    ? businessMillisBetween(calendar, startedAt, end)
    : Math.max(0, end.getTime() - startedAt.getTime());
  const remainingMs = targetMs - elapsedMs;

  // dueAt is the last instant with the whole target elapsed, so "after dueAt" and "remaining < 0" agree
  const late = end.getTime() > dueAt.getTime();
  let state: SlaState;
  if (stoppedAt) state = late ? 'missed' : 'met';
  else if (late) state = 'breached';
  else if (remainingMs <= share * targetMs) state = 'due_soon';
  else state = 'on_track';
  return { state, dueAt, elapsedMs, remainingMs };
}
