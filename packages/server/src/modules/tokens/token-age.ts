import { registerEnumType } from 'type-graphql';
import { addMs, DAY_MS } from '../../common/clock.js';

export enum AlertLevel {
  NONE = 'NONE',
  /** Past the account's token duration. */
  ORANGE = 'ORANGE',
  /** Three months or more past it. */
  RED = 'RED',
}
registerEnumType(AlertLevel, {
  name: 'AlertLevel',
  description: 'Renewal alert: ORANGE past the token duration, RED three months or more past it.',
});

/** "Three months past" is counted as 90 days, like the default duration. */
export const RED_AFTER_DAYS = 90;

export const tokenDueAt = (tokenCreatedAt: Date, durationDays: number): Date =>
  addMs(tokenCreatedAt, durationDays * DAY_MS);

export const alertLevelOf = (tokenCreatedAt: Date, durationDays: number, now: Date): AlertLevel => {
  const due = tokenDueAt(tokenCreatedAt, durationDays).getTime();
  if (now.getTime() >= due + RED_AFTER_DAYS * DAY_MS) return AlertLevel.RED;
  if (now.getTime() >= due) return AlertLevel.ORANGE;
  return AlertLevel.NONE;
};

/** Bounds on tokenCreatedAt that select one alert level, for an indexed SQL filter. */
export const tokenCreatedRangeFor = (
  level: AlertLevel,
  durationDays: number,
  now: Date,
): { after?: Date; atOrBefore?: Date } => {
  const orangeFrom = addMs(now, -durationDays * DAY_MS);
  const redFrom = addMs(orangeFrom, -RED_AFTER_DAYS * DAY_MS);
  if (level === AlertLevel.NONE) return { after: orangeFrom };
  if (level === AlertLevel.ORANGE) return { after: redFrom, atOrBefore: orangeFrom };
  return { atOrBefore: redFrom };
};

/** Days left (rounded up) while `due` is ahead and within the largest reminder lead day. */
export const daysUntilDueInWindow = (
  due: Date,
  reminderLeadDays: readonly number[],
  now: Date,
): number | null => {
  const left = due.getTime() - now.getTime();
  const window = Math.max(0, ...reminderLeadDays);
  if (left <= 0 || left > window * DAY_MS) return null;
  return Math.ceil(left / DAY_MS);
};
