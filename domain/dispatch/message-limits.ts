import type { Audience } from '../notifications/notification';

/** Messages a person may get per plan day on each channel, by the role they have in the plan. */
export type MessagesPerDay = Record<Audience, number>;

/** The leadership hears from dondoc at most once a day; others at most twice (a catch-up and the day's moment). */
export const DEFAULT_MESSAGES_PER_DAY: MessagesPerDay = { unit: 2, supervisor: 2, leadership: 1 };

/** A person's cap is the strictest of the roles they hold anywhere in the plan. */
export function capOf(roles: Iterable<Audience>, limits: MessagesPerDay): number {
  let cap = Infinity;
  for (const role of roles) cap = Math.min(cap, limits[role]);
  return cap === Infinity ? limits.unit : cap;
}
