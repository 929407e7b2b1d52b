/** The snooze choices of the actions bar, in the agent's local time. */
export const SNOOZE_OPTIONS = ['hour', 'tomorrow', 'monday'] as const;
export type SnoozeOption = (typeof SNOOZE_OPTIONS)[number];

/** When a snooze taken at `now` ends: in an hour, tomorrow at 9:00, or next Monday at 9:00 (a week on a Monday). */
export function snoozeUntil(option: SnoozeOption, now: Date = new Date()): Date {
  if (option === 'hour') return new Date(now.getTime() + 3_600_000);
  const d = new Date(now.getFullYear(), now.getMonth(), now.getDate(), 9, 0, 0, 0);
  if (option === 'tomorrow') d.setDate(d.getDate() + 1);
  else d.setDate(d.getDate() + ((8 - d.getDay()) % 7 || 7));
  return d;
}
