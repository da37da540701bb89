import type { Audience } from '../notifications/notification';
import type { ScheduleEvent } from '../schedule/schedule-types';

/** One unit × obligation that a moment must tell people about: the event that made it due, and to whom. */
export interface DueItem {
  unitId: string;
  obligationId: string;
  type: 'reminder' | 'escalation';
  /** The escalation level; 0 for a reminder. */
  level: number;
  /** 0 for a level itself, n for its n-th repeat. */
  repeat: number;
  /** The schedule instant of the event (ISO, plan time). */
  at: string;
  audiences: Audience[];
  /** A summary of what a late-started unit missed: the highest level it has reached, not the ladder. */
  catchUp: boolean;
}

/** What selection needs of one unit: its open obligations' current events (after extensions), and when it started. */
export interface UnitDueView {
  unitId: string;
  /** When the unit workflow started (ISO, plan time): events before it were missed, not sent. */
  startedAt?: string;
  obligations: { id: string; resolved: boolean; events: readonly ScheduleEvent[] }[];
}

export type CatchUpMode = 'summary' | 'none';

export interface DueSelection {
  items: DueItem[];
  /** Events of a late-started unit that `--catch-up none` skipped (recorded for the dashboard, never sent). */
  skipped: DueItem[];
}

/**
 * The items due at a moment: the events in (`fromMs`, `toMs`] of every open obligation. A unit that started after the
 * previous moment (a late cycle start, a unit added later) gets its catch-up instead of the ladder it missed: past
 * reminders are skipped and the highest escalation reached becomes one catch-up item (or, with `none`, is skipped
 * too). After an outage several events of one obligation may be due at once: only the latest instant still means
 * something (DESIGN.md, deadline semantics).
 */
export function selectDueItems(
  units: readonly UnitDueView[],
  window: { fromMs: number | undefined; toMs: number },
  catchUp: CatchUpMode = 'summary',
): DueSelection {
  const items: DueItem[] = [];
  const skipped: DueItem[] = [];
  const { fromMs, toMs } = window;
  for (const unit of units) {
    const startedMs = unit.startedAt === undefined ? undefined : Date.parse(unit.startedAt);
    const isNew = fromMs === undefined || (startedMs !== undefined && startedMs > fromMs);
    for (const obligation of unit.obligations) {
      if (obligation.resolved) continue;
      const due = obligation.events.filter((e) => {
        const at = Date.parse(e.at);
        return at <= toMs && (isNew || at > fromMs);
      });
      if (due.length === 0) continue;
      const item = (event: ScheduleEvent, asCatchUp: boolean): DueItem => ({
        unitId: unit.unitId,
        obligationId: obligation.id,
        type: event.type,
        level: event.type === 'escalation' ? event.level : 0,
        repeat: event.type === 'escalation' ? event.repeat : 0,
        at: event.at,
        audiences: event.type === 'escalation' ? [...event.notify] : ['unit'],
        catchUp: asCatchUp,
      });
      if (isNew) {
        // "Past" is before the unit started: an event at this very moment is live, not missed.
        const sinceMs = Math.min(startedMs ?? toMs, toMs);
        const past = due.filter((e) => Date.parse(e.at) < sinceMs);
        const live = due.filter((e) => Date.parse(e.at) >= sinceMs);
        const highest = past.filter((e) => e.type === 'escalation').at(-1);
        if (catchUp === 'none') skipped.push(...past.map((e) => item(e, true)));
        if (live.length > 0) items.push(...latestOf(live).map((e) => item(e, false)));
        else if (highest && catchUp === 'summary') items.push(item(highest, true));
        continue;
      }
      items.push(...latestOf(due).map((e) => item(e, false)));
    }
  }
  return { items, skipped };
}

function latestOf(events: readonly ScheduleEvent[]): ScheduleEvent[] {
  const latest = events.at(-1)?.at;
  return events.filter((e) => e.at === latest);
}

/** The first event after `afterMs` of any open obligation: the next moment the dispatcher must wake for. */
export function nextEventMs(units: readonly UnitDueView[], afterMs: number): number | undefined {
  let next: number | undefined;
  for (const unit of units) {
    for (const obligation of unit.obligations) {
      if (obligation.resolved) continue;
      const event = obligation.events.find((e) => Date.parse(e.at) > afterMs);
      if (event) next = Math.min(next ?? Infinity, Date.parse(event.at));
    }
  }
  return next;
}
