import { sincePlanMidnight } from '../plan-time';

const HOUR_MS = 3_600_000;

/** Notifications go out between these local hours only (DESIGN.md); anything due outside them is held. */
export const SENDING_HOURS = { from: 7, to: 21 } as const;

/** `epochMs` itself when it falls within the sending hours, else the next 07:00 in plan time. */
export function withinSendingHours(epochMs: number): number {
  const sinceMidnight = sincePlanMidnight(epochMs);
  if (sinceMidnight >= SENDING_HOURS.from * HOUR_MS && sinceMidnight < SENDING_HOURS.to * HOUR_MS) return epochMs;
  const opens = epochMs - sinceMidnight + SENDING_HOURS.from * HOUR_MS;
  return opens > epochMs ? opens : opens + 24 * HOUR_MS;
}
