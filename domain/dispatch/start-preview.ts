import type { Audience, Contact } from '../notifications/notification';
import { audienceContacts, type PlanDirectory } from '../notifications/recipients';
import { toPlanIso } from '../plan-time';
import type { CycleSchedule } from '../schedule/schedule-types';
import { withinSendingHours } from '../schedule/sending-hours';
import { selectDueItems, type CatchUpMode, type DueItem, type UnitDueView } from './due-items';
import { enrichItems, type ItemFacts } from './enrich-items';
import { bucketByRecipient, type MessageChannel, type RecipientBucket } from './message-items';

export interface StartPreviewInput {
  schedule: CycleSchedule;
  directory: PlanDirectory;
  channels: { zalo: boolean };
  catchUp: CatchUpMode;
  /** The instant the cycle starts (epoch ms): every unit starts then, so whatever is due before it is missed. */
  startMs: number;
  /** Working days from the instant to the due date (negative when overdue), on the plan's calendar. */
  workingDaysAt: (dueDate: string, atMs: number) => number;
  /** Obligation titles by id, for the items' text; the counts do not depend on them. */
  obligationTitles?: Readonly<Record<string, string>>;
}

/** The messages of the start moment, as the dispatcher would build them. */
export interface StartMessages {
  buckets: RecipientBucket[];
  /** The unit × obligation items they carry. */
  items: DueItem[];
  /** What `--catch-up none` leaves unsent. */
  skipped: DueItem[];
}

export type MessageCounts = Record<Audience, Record<MessageChannel, number>>;

/** What `cycle start` (and `--dry-run`) prints before anything goes out (plain JSON: `--format json`). */
export interface StartPreview {
  /** The start instant (ISO, plan time). */
  at: string;
  /** When the messages go out: the start, or the next opening of the sending hours (ISO, plan time). */
  sendsAt: string;
  catchUp: CatchUpMode;
  /** Messages by the most senior role the recipient has in them, and channel. */
  messages: MessageCounts;
  totalMessages: number;
  /** People who get at least one message. */
  people: number;
  /** Unit × obligation items the messages carry. */
  items: number;
  /** Events left unsent by `--catch-up none` (recorded for the dashboard). */
  skipped: number;
}

const SENIORITY: Record<Audience, number> = { unit: 0, supervisor: 1, leadership: 2 };

/** Every unit of the schedule starting at once, with nothing submitted yet: the first moment of a cycle. */
export function startMessages(input: StartPreviewInput): StartMessages {
  const { schedule, directory, startMs } = input;
  const startedAt = toPlanIso(startMs);
  // The cycle's first moment is the start, or the next opening of the sending hours (as the cycle workflow plans it).
  const momentMs = withinSendingHours(startMs);
  const units = new Map<string, UnitDueView>();
  const facts = new Map<string, ItemFacts>();
  for (const item of schedule.items) {
    const unit = units.get(item.unit) ?? { unitId: item.unit, startedAt, obligations: [] };
    units.set(item.unit, unit);
    unit.obligations.push({ id: item.obligation, resolved: false, events: item.events });
    facts.set(`${item.unit} ${item.obligation}`, {
      unitName: directory.units[item.unit]?.name ?? item.unit,
      title: input.obligationTitles?.[item.obligation] ?? item.obligation,
      nominalDueDate: item.nominalDueDate,
      dueDate: item.dueDate,
      events: item.events,
    });
  }
  const selection = selectDueItems([...units.values()], { fromMs: undefined, toMs: momentMs }, input.catchUp);
  const items = enrichItems(
    selection.items,
    (unitId, obligationId) => facts.get(`${unitId} ${obligationId}`),
    input.workingDaysAt,
    momentMs,
  );
  const buckets = bucketByRecipient(
    items,
    { people: (unitId, audience) => audienceContacts(directory, unitId, audience) },
    input.channels,
  );
  return { buckets, items: selection.items, skipped: selection.skipped };
}

export function previewStart(input: StartPreviewInput): StartPreview {
  const { buckets, items, skipped } = startMessages(input);
  const messages: MessageCounts = {
    unit: { email: 0, zalo: 0 },
    supervisor: { email: 0, zalo: 0 },
    leadership: { email: 0, zalo: 0 },
  };
  for (const bucket of buckets) messages[audienceOf(bucket)][bucket.channel] += 1;
  return {
    at: toPlanIso(input.startMs),
    sendsAt: toPlanIso(withinSendingHours(input.startMs)),
    catchUp: input.catchUp,
    messages,
    totalMessages: buckets.length,
    people: new Set(buckets.map((bucket) => personKey(bucket.person))).size,
    items: items.length,
    skipped: skipped.length,
  };
}

export function leadershipMessages(preview: StartPreview): number {
  return preview.messages.leadership.email + preview.messages.leadership.zalo;
}

/** A message is the leadership's if any of its items reaches the recipient as leadership, and so on down. */
function audienceOf(bucket: RecipientBucket): Audience {
  return bucket.items.reduce<Audience>(
    (most, item) => (SENIORITY[item.role] > SENIORITY[most] ? item.role : most),
    'unit',
  );
}

function personKey(person: Contact): string {
  return [person.name, person.email?.trim().toLowerCase(), person.phone, person.zaloUserId].join('\u0000');
}

export { workingDaysOn } from './enrich-items';
