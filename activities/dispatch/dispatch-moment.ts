import { log } from '@temporalio/activity';
import { ApplicationFailure } from '@temporalio/common';
import { mapLimit } from '../../cycles';
import type { CycleRef } from '../../domain/cycle/unit-input';
import type { ObligationStateName, UnitStatus } from '../../domain/cycle/unit-status';
import type { CatchUpMode, UnitDueView } from '../../domain/dispatch/due-items';
import { nextEventMs, selectDueItems } from '../../domain/dispatch/due-items';
import { enrichItems, workingDaysOn, type ItemFacts } from '../../domain/dispatch/enrich-items';
import { mergeHeld, type MomentBucket } from '../../domain/dispatch/held-items';
import {
  bucketByRecipient,
  emailAddressOf,
  momentMessageKey,
  zaloAddressOf,
  type MessageItem,
  type MomentMessage,
  type RecipientItem,
} from '../../domain/dispatch/message-items';
import { capOf } from '../../domain/dispatch/message-limits';
import type { MessageRecord } from '../../domain/dispatch/message-record';
import { formatLocalDate } from '../../domain/local-date';
import type { ChannelAvailability } from '../../domain/notifications/delivery-plan';
import type { Audience, Contact, PlanRef } from '../../domain/notifications/notification';
import { audienceContacts, planDirectory, type PlanDirectory } from '../../domain/notifications/recipients';
import { planCalendar } from '../../domain/plan/plan-calendar';
import { planDayOf, planInstant, toPlanIso } from '../../domain/plan-time';
import { withinSendingHours } from '../../domain/schedule/sending-hours';
import type { DondocMetrics } from '../../observability/metrics';
import type { CycleDeps } from '../cycle/cycle-deps';
import { fetchStatuses } from '../cycle/fetch-statuses';
import { progressHeartbeat } from '../progress-heartbeat';
import type { DispatchStores } from './dispatch-deps';
import { sendMomentMessage, type SendOutcome } from './send-moment-message';

export interface DispatchMomentInput {
  cycle: CycleRef;
  plan: PlanRef;
  planSnapshot: string;
  unitIds: string[];
  /** The previous moment (ISO, plan time); absent at the first one, when every unit is caught up. */
  from?: string;
  /** This moment (ISO, plan time), within sending hours. */
  at: string;
  catchUp: CatchUpMode;
  channels: ChannelAvailability;
}

export interface DispatchMomentResult {
  at: string;
  items: number;
  messages: { sent: number; held: number; failed: number; unknown: number };
  skipped: number;
  /** The next moment: the first event of an open obligation after this one, or a held message's release. */
  nextAt?: string;
}

/** Sends at most this many people's messages at once; the channels' own slots limit the provider calls further. */
const MESSAGE_CONCURRENCY = 32;
/** Notification-centre rows written per insert. */
const ROW_BATCH = 50;
const ROLE_SENIORITY: Audience[] = ['leadership', 'supervisor', 'unit'];
/** A person's message that a provider deferred (SMTP 4xx, network, Zalo unavailable) is tried again this much later. */
const RETRY_AFTER_MS = 30 * 60_000;
const TRANSIENT_TYPES = new Set(['EMAIL_SMTP_DEFERRED', 'EMAIL_SMTP_UNAVAILABLE', 'ZALO_TRANSIENT']);

/** `code: message` of a provider's temporary refusal, or undefined for any other error. */
function transientFailure(err: unknown): string | undefined {
  if (!(err instanceof ApplicationFailure) || !err.type || !TRANSIENT_TYPES.has(err.type)) return undefined;
  return `${err.type}: ${err.message}`;
}

/**
 * One moment of a cycle: reads every unit's status, selects what is due (catching up units that started late), adds
 * what was held for this moment, and sends each person one message per channel listing all of it. A person over the
 * day's cap gets nothing now: the message is held until the next working day's reminder time and merged into that
 * day's message. Every message is recorded in the notification centre; keys are per cycle, moment, channel and
 * person, so a retried dispatch never sends twice what was accepted.
 */
export function dispatchMoment(deps: CycleDeps & { stores: DispatchStores }) {
  return async (input: DispatchMomentInput): Promise<DispatchMomentResult> => {
    const atMs = Date.parse(input.at);
    const plan = await deps.core.plan(input.planSnapshot);
    const calendar = planCalendar(plan, deps.announced);
    const directory = planDirectory(plan);
    const statuses = await fetchStatuses(deps.core, input.cycle, input.unitIds);
    const views: UnitDueView[] = statuses.map(dueView);
    const selection = selectDueItems(
      views,
      { fromMs: input.from === undefined ? undefined : Date.parse(input.from), toMs: atMs },
      input.catchUp,
    );
    const facts = factsLookup(statuses);
    const workingDaysAt = workingDaysOn(calendar);
    const items = enrichItems(selection.items, facts, workingDaysAt, atMs);
    const skipped = enrichItems(selection.skipped, facts, workingDaysAt, atMs);
    await recordSkipped(deps.stores, input, skipped);

    const open = new Set(
      views.flatMap((v) => v.obligations.filter((o) => !o.resolved).map((o) => `${v.unitId}/${o.id}`)),
    );
    const held = await deps.stores.messages.heldDue(input.cycle, atMs);
    const people = peopleIndex(directory);
    const mergedBuckets = mergeHeld(
      bucketByRecipient(items, audienceDirectory(directory), { zalo: input.channels.zns || input.channels.oa }),
      held,
      (item) => open.has(`${item.unitId}/${item.obligationId}`),
      (record) => people.get(`${record.channel} ${record.address}`)?.person ?? { name: record.personName },
    );
    const buckets = await withInboxUrls(deps, mergedBuckets);

    const planDay = formatLocalDate(planDayOf(atMs));
    const releaseAt = planInstant(calendar.addWorkingDays(planDayOf(atMs), 1), plan.defaults.reminders.at);
    const notify = { ...deps.notify, ...deps.stores };
    const delivered = await deps.stores.messages.deliveredOn(planDay, input.at);
    const problems = await knownProblems(deps.stores);
    const counts = { sent: 0, held: 0, failed: 0, unknown: 0 };
    let merged = 0;
    const errors: unknown[] = [];
    const rows = messageRows(deps.stores);
    await mapLimit(
      buckets,
      MESSAGE_CONCURRENCY,
      async (bucket) => {
        const key = momentMessageKey(input.cycle, input.at, bucket.channel, bucket.address);
        if (bucket.items.length === 0) {
          // Everything it held was resolved meanwhile: nothing to say.
          await deps.stores.messages.markMerged(bucket.heldKeys, key);
          merged += bucket.heldKeys.length;
          return;
        }
        const roles = people.get(`${bucket.channel} ${bucket.address}`)?.roles ?? new Set<Audience>(['unit']);
        const row = baseRecord(input, key, planDay, bucket);
        const cap = capOf(roles, plan.defaults.messagesPerDay);
        if ((delivered.get(`${bucket.channel} ${bucket.address}`) ?? 0) >= cap) {
          const reason = `Đã đủ ${cap} tin trong ngày cho người này; gộp vào tin của ngày làm việc tiếp theo`;
          await rows.add({ ...row, status: 'held', reason, releaseAt }, bucket.heldKeys);
          merged += bucket.heldKeys.length;
          counts.held++;
          return;
        }
        const message: MomentMessage = {
          key,
          scheduledAt: input.at,
          plan: input.plan,
          supervisorName: directory.supervisor.name,
          recipient: bucket.person,
          items: bucket.items,
          ...(deps.notify.dashboardUrl && { dashboardUrl: deps.notify.dashboardUrl }),
        };
        const role = ROLE_SENIORITY.find((r) => bucket.items.some((i) => i.role === r)) ?? 'unit';
        let outcome: SendOutcome | undefined;
        try {
          outcome = await sendMomentMessage(notify, bucket, message, role, input.channels, problems);
        } catch (err) {
          // One person's mailbox deferring must not hold back everyone's later moments: their message waits for a
          // retry of its own. Anything else (a send another worker may still be making) fails the moment, after the
          // other people's sends have finished, and Temporal retries it as the same moment.
          const transient = transientFailure(err);
          if (!transient) {
            errors.push(err);
            return;
          }
          const retryAt = toPlanIso(withinSendingHours(Math.max(atMs, deps.notify.now().getTime()) + RETRY_AFTER_MS));
          outcome = {
            status: 'held',
            reason: `Tạm thời chưa gửi được (${transient}); thử lại sau`,
            releaseAt: retryAt,
          };
        }
        if (!outcome) return;
        // The new row carries every item of the held ones, whatever became of it.
        await rows.add({ ...row, ...outcome }, bucket.heldKeys);
        merged += bucket.heldKeys.length;
        if (outcome.status in counts) counts[outcome.status as keyof typeof counts]++;
      },
      progressHeartbeat(),
    );
    await rows.flush();
    if (errors.length > 0) throw errors[0];
    countMoment(deps.notify.metrics, input.cycle, statuses, counts.held, merged);
    log.info('moment dispatched', { at: input.at, items: items.length, ...counts, merged, skipped: skipped.length });

    const nextEvent = nextEventMs(views, atMs);
    const nextRelease = await deps.stores.messages.nextRelease(input.cycle);
    const next = Math.min(
      nextEvent ?? Infinity,
      nextRelease !== undefined && nextRelease > atMs ? nextRelease : Infinity,
    );
    return {
      at: input.at,
      items: items.length,
      messages: counts,
      skipped: skipped.length,
      ...(Number.isFinite(next) && { nextAt: toPlanIso(next) }),
    };
  };
}

/**
 * The moment's notification-centre rows, written in batches (one insert per batch instead of one per person: with
 * thousands of people the per-row round trips were most of the database's work). A held row is marked merged only
 * after the row it went into is written, so a retried moment still finds what it has not recorded.
 */
function messageRows(stores: DispatchStores) {
  const pending: { record: MessageRecord; heldKeys: readonly string[] }[] = [];
  const flush = async (): Promise<void> => {
    const batch = pending.splice(0);
    if (batch.length === 0) return;
    await stores.messages.saveMany(batch.map((entry) => entry.record));
    for (const { record, heldKeys } of batch) await stores.messages.markMerged(heldKeys, record.key);
  };
  return {
    async add(record: MessageRecord, heldKeys: readonly string[]): Promise<void> {
      pending.push({ record, heldKeys });
      if (pending.length >= ROW_BATCH) await flush();
    },
    flush,
  };
}

/** Held and merged messages, and the cycle's obligations by state as this moment saw them. */
function countMoment(
  metrics: DondocMetrics | undefined,
  cycle: CycleRef,
  statuses: readonly UnitStatus[],
  held: number,
  merged: number,
): void {
  if (!metrics) return;
  metrics.messagesHeld.inc(held);
  metrics.messagesMerged.inc(merged);
  const byState = new Map<ObligationStateName, number>(OBLIGATION_STATES.map((state) => [state, 0]));
  for (const status of statuses) {
    for (const obligation of status.obligations)
      byState.set(obligation.state, (byState.get(obligation.state) ?? 0) + 1);
  }
  for (const [state, count] of byState)
    metrics.obligations.set({ cycle: `${cycle.planId}/${cycle.year}`, state }, count);
}

const OBLIGATION_STATES: readonly ObligationStateName[] = [
  'pending',
  'submitted-on-time',
  'submitted-late',
  'overdue',
  'waived',
];

/** The contact problems known before this moment, read once: `<channel> <address> <contact hash>`. */
async function knownProblems(stores: DispatchStores): Promise<Set<string>> {
  const problems = await stores.contactProblems.list();
  return new Set(problems.map((p) => `${p.channel} ${p.address} ${p.contactHash}`));
}

function dueView(status: UnitStatus): UnitDueView {
  return {
    unitId: status.unit.id,
    ...(status.startedAt && { startedAt: status.startedAt }),
    obligations: status.obligations.map((o) => ({
      id: o.id,
      resolved: o.state !== 'pending' && o.state !== 'overdue',
      events: o.events,
    })),
  };
}

function factsLookup(statuses: readonly UnitStatus[]): (unitId: string, obligationId: string) => ItemFacts | undefined {
  // Indexed once: a moment looks up every due item of thousands of units.
  const byUnit = new Map(
    statuses.map((s) => [s.unit.id, { status: s, obligations: new Map(s.obligations.map((o) => [o.id, o])) }]),
  );
  return (unitId, obligationId) => {
    const unit = byUnit.get(unitId);
    const obligation = unit?.obligations.get(obligationId);
    if (!unit || !obligation) return undefined;
    const { status } = unit;
    return {
      unitName: status.unit.name,
      title: obligation.title,
      nominalDueDate: obligation.nominalDueDate,
      dueDate: obligation.dueDate,
      events: obligation.events,
      ...(obligation.submissionUrl && { submissionUrl: obligation.submissionUrl }),
      ...(obligation.form && { form: obligation.form }),
    };
  };
}

function audienceDirectory(directory: PlanDirectory) {
  return { people: (unitId: string, audience: Audience) => audienceContacts(directory, unitId, audience) };
}

/** Every person of the plan by channel and address, with the roles they hold (for their daily cap). */
function peopleIndex(directory: PlanDirectory): Map<string, { person: Contact; roles: Set<Audience> }> {
  const index = new Map<string, { person: Contact; roles: Set<Audience> }>();
  const add = (person: Contact, role: Audience): void => {
    for (const id of [
      emailAddressOf(person) && `email ${emailAddressOf(person)}`,
      zaloAddressOf(person) && `zalo ${zaloAddressOf(person)}`,
    ]) {
      if (!id) continue;
      const entry = index.get(id) ?? { person, roles: new Set<Audience>() };
      entry.roles.add(role);
      index.set(id, entry);
    }
  };
  for (const unit of Object.values(directory.units)) for (const person of unit.people) add(person, 'unit');
  for (const person of directory.supervisor.people) add(person, 'supervisor');
  for (const person of directory.leadership) add(person, 'leadership');
  return index;
}

function baseRecord(input: DispatchMomentInput, key: string, planDay: string, bucket: MomentBucket): MessageRecord {
  return {
    key,
    planId: input.cycle.planId,
    year: input.cycle.year,
    scheduledAt: input.at,
    planDay,
    channel: bucket.channel,
    address: bucket.address,
    personName: bucket.person.name,
    status: 'held',
    items: bucket.items,
  };
}

/**
 * Each item of a unit's own people carries the unit's inbox link, signed for the unit's current generation (read for
 * every unit of the moment in one query): a retried moment renders the same link, a revoked one is never sent again.
 */
async function withInboxUrls(
  deps: CycleDeps & { stores: DispatchStores },
  buckets: MomentBucket[],
): Promise<MomentBucket[]> {
  const { links } = deps.core;
  const { inboxes } = deps.stores;
  if (!links || !inboxes) return buckets;
  const unitIds = [...new Set(buckets.flatMap((b) => b.items.filter((i) => i.role === 'unit').map((i) => i.unitId)))];
  const generations = await inboxes.generations(unitIds);
  return buckets.map((bucket) => ({
    ...bucket,
    items: bucket.items.map((item) => {
      const generation = item.role === 'unit' ? generations.get(item.unitId) : undefined;
      if (generation === undefined) return item;
      return { ...item, inboxUrl: links.inboxUrl(item.unitId, generation) };
    }),
  }));
}

/** `--catch-up none`: what a late start did not send is recorded per unit, for the dashboard. */
async function recordSkipped(
  stores: DispatchStores,
  input: DispatchMomentInput,
  skipped: MessageItem[],
): Promise<void> {
  const byUnit = new Map<string, RecipientItem[]>();
  for (const item of skipped) {
    const items = byUnit.get(item.unitId) ?? [];
    items.push({ ...item, role: 'unit' });
    byUnit.set(item.unitId, items);
  }
  const planDay = formatLocalDate(planDayOf(Date.parse(input.at)));
  const records = [...byUnit].map(([unitId, items]): MessageRecord => ({
    key: `dondoc/${input.cycle.planId}/${input.cycle.year}/skipped@${input.at}/${unitId}`,
    planId: input.cycle.planId,
    year: input.cycle.year,
    scheduledAt: input.at,
    planDay,
    channel: 'none',
    address: unitId,
    personName: items[0]?.unit.name ?? unitId,
    status: 'skipped',
    reason: 'Chu kỳ bắt đầu muộn với --catch-up none: các nhắc nhở, đôn đốc đã qua không được gửi',
    items,
  }));
  // One insert per batch of units instead of one per unit.
  for (let i = 0; i < records.length; i += ROW_BATCH) await stores.messages.saveMany(records.slice(i, i + ROW_BATCH));
}
