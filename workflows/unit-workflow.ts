import {
  ActivityFailure,
  allHandlersFinished,
  condition,
  continueAsNew,
  getExternalWorkflowHandle,
  log,
  proxyActivities,
  setHandler,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import type { Activities } from '../activities';
import { cycleWorkflowId } from '../domain/cycle/cycle-input';
import { receiptNotification } from '../domain/cycle/receipt-notification';
import {
  applyExtend,
  applySubmit,
  applyWaive,
  checkExtend,
  checkRecompiled,
  checkSubmit,
  checkResend,
  checkWaive,
  obligationInput,
  type ExtendInput,
  type SubmitInput,
  type WaiveInput,
} from '../domain/cycle/unit-commands';
import { manualReminderNotification, nextDueBoundaryMs } from '../domain/cycle/unit-events';
import type { UnitWorkflowInput } from '../domain/cycle/unit-input';
import { serializeUnitSearchValues, unitSearchValues } from '../domain/cycle/unit-search-values';
import { hasQueuedWork, initialUnitState, isResolved, nextEventOf, type UnitState } from '../domain/cycle/unit-state';
import { unitStatus, type UnitStatus } from '../domain/cycle/unit-status';
import { planDeliveries, type ChannelAvailability, type PlannedSend } from '../domain/notifications/delivery-plan';
import type {
  Audience,
  DeadlineNotification,
  Notification,
  ReceiptNotification,
} from '../domain/notifications/notification';
import type { NotifyResult } from '../domain/notifications/notify-result';
import { toPlanIso } from '../domain/plan-time';
import { unitResolvedSignal, unitScheduleChangedSignal } from './cycle-messages';
import { rejectAs } from './rejection';
import { unitSearchAttributes } from './search-attributes';
import {
  closeSignal,
  extendUpdate,
  getStatusQuery,
  resendReminderUpdate,
  submitUpdate,
  waiveUpdate,
} from './unit-messages';

// Retries are timers, so a long SMTP or Zalo outage costs history events but no worker time: 30 attempts span about
// 40 hours, so a whole day without SMTP or Zalo still ends in a delivery. The sends heartbeat (activities/notify/
// heartbeating.ts): a send on a killed worker is retried 10 s after its last heartbeat, not after 2 minutes.
const { sendEmailNotification, sendZnsNotification, sendOaNotification } = proxyActivities<Activities>({
  startToCloseTimeout: '2 minutes',
  heartbeatTimeout: '10 seconds',
  retry: { initialInterval: '10 seconds', backoffCoefficient: 2, maximumInterval: '2 hours', maximumAttempts: 30 },
});
const { recompileObligation, workingDaysLeft } = proxyActivities<Activities>({
  startToCloseTimeout: '30 seconds',
  retry: { maximumAttempts: 5 },
});

/**
 * One unit's year of one plan: sleeps until each instant it was given, reminds and escalates unless the
 * obligation is resolved, takes submissions, extensions and waivers, and answers its status.
 */
export async function unitWorkflow(input: UnitWorkflowInput): Promise<UnitStatus> {
  const state: UnitState = input.state ?? initialUnitState(input);
  const shift = input.clockShiftMs ?? 0;
  const now = (): number => Date.now() + shift;

  setHandler(getStatusQuery, () => unitStatus(input, state, now()));
  setHandler(
    submitUpdate,
    (request) => {
      const values = rejectAs('SubmissionRejected', () => checkSubmit(input, state, request, now()));
      const submittedAt = toPlanIso(request.receivedAt ? Date.parse(request.receivedAt) : now());
      const receipt = applySubmit(state, request, values, submittedAt);
      if (receipt.version === 1) state.cycleNotices.push(receipt.obligationId);
      const submission = state.obligations.find((o) => o.id === receipt.obligationId)?.submissions.at(-1);
      if (submission) state.receipts.push(receiptNotification(input, receipt, submission, request.thread));
      log.info('submission recorded', {
        obligation: receipt.obligationId,
        version: receipt.version,
        timeliness: receipt.timeliness,
      });
      return Promise.resolve(receipt);
    },
    {
      validator: (request: SubmitInput) =>
        void rejectAs('SubmissionRejected', () => checkSubmit(input, state, request, now())),
    },
  );
  setHandler(
    extendUpdate,
    async (request) => {
      const { rules } = rejectAs('ExtensionRejected', () => obligationInput(input, request.obligationId));
      const compiled = await recompileObligation({ cycle: input.cycle, rules, nominalDueDate: request.newDueDate });
      // Checked again: the obligation may have been resolved while the activity ran.
      rejectAs('ExtensionRejected', () => checkRecompiled(input, state, request, compiled));
      applyExtend(state, request, compiled, now(), toPlanIso(now()));
      log.info('obligation extended', { obligation: request.obligationId, newDueDate: request.newDueDate });
      state.scheduleNotices.push(request.obligationId);
      return compiled;
    },
    { validator: (request: ExtendInput) => rejectAs('ExtensionRejected', () => checkExtend(input, state, request)) },
  );
  setHandler(
    waiveUpdate,
    (request) => {
      rejectAs('WaiverRejected', () => checkWaive(input, state, request));
      const waivedAt = toPlanIso(now());
      applyWaive(state, request, waivedAt);
      log.info('obligation waived', { obligation: request.obligationId });
      state.cycleNotices.push(request.obligationId);
      return Promise.resolve({ obligationId: request.obligationId, waivedAt });
    },
    { validator: (request: WaiveInput) => rejectAs('WaiverRejected', () => checkWaive(input, state, request)) },
  );
  setHandler(
    resendReminderUpdate,
    (request) => {
      const queuedAt = toPlanIso(now());
      state.manualReminders.push({ obligationId: request.obligationId, at: queuedAt });
      return Promise.resolve({ obligationId: request.obligationId, queuedAt });
    },
    {
      validator: (request: { obligationId: string }) =>
        rejectAs('ReminderRejected', () => checkResend(input, state, request.obligationId)),
    },
  );
  setHandler(closeSignal, () => {
    state.closed = true;
  });

  state.startedAt ??= toPlanIso(now());
  // Started with its search attributes set (unit-fanout.ts): the first task upserts only if they changed since.
  let lastAttributes = (!input.state && input.searchAttributesAtStart) || '';
  while (!state.closed) {
    await sendReceipts(input, state);
    await sendManualReminders(input, state);
    await tellCycle(input, state);
    lastAttributes = updateSearchAttributes(input, state, lastAttributes, now());

    if (workflowInfo().continueAsNewSuggested) {
      await condition(allHandlersFinished);
      await continueAsNew<typeof unitWorkflow>({ ...input, state });
    }
    // Reminders and escalations are sent by the cycle's dispatcher, one message per person per moment; the unit only
    // wakes when an obligation turns overdue (its search attributes change) or an Update queued work. Computed from
    // state alone, never from a flag cleared after an await.
    const wake = nextDueBoundaryMs(state, now());
    const wakeUp = (): boolean => state.closed || hasQueuedWork(state) || nextDueBoundaryMs(state, now()) !== wake;
    if (wake === undefined) await condition(wakeUp);
    else if (wake > now()) await condition(wakeUp, wake - now());
  }
  updateSearchAttributes(input, state, lastAttributes, now());
  await condition(allHandlersFinished);
  return unitStatus(input, state, now());
}

/** Reminders asked for by Phòng Nội vụ: to the unit, with the working days left counted by an activity. */
async function sendManualReminders(input: UnitWorkflowInput, state: UnitState): Promise<void> {
  while (state.manualReminders.length > 0) {
    const { obligationId, at } = state.manualReminders.shift()!;
    const obligation = state.obligations.find((o) => o.id === obligationId);
    const rules = input.obligations.find((o) => o.id === obligationId)?.rules;
    if (!obligation || !rules || isResolved(obligation)) continue;
    const left = await workingDaysLeft({ rules, dueDate: obligation.dueDate, at });
    const notification = manualReminderNotification(input, state, { obligationId, at, workingDaysLeft: left });
    await deliver(input, state, notification, ['unit']);
  }
}

async function tellCycle(input: UnitWorkflowInput, state: UnitState): Promise<void> {
  while (state.scheduleNotices.length > 0) {
    const obligationId = state.scheduleNotices.shift()!;
    const obligation = state.obligations.find((o) => o.id === obligationId);
    const next = obligation && nextEventOf(obligation, Date.now() + (input.clockShiftMs ?? 0));
    if (!input.notifyCycle || !next) continue;
    try {
      await getExternalWorkflowHandle(cycleWorkflowId(input.cycle)).signal(unitScheduleChangedSignal, {
        unitId: input.unit.id,
        nextEventAt: next.at,
      });
    } catch {
      // No cycle workflow: nobody dispatches this unit's reminders anyway.
    }
  }
  while (state.cycleNotices.length > 0) {
    const obligationId = state.cycleNotices.shift()!;
    if (!input.notifyCycle) continue;
    try {
      await getExternalWorkflowHandle(cycleWorkflowId(input.cycle)).signal(unitResolvedSignal, {
        unitId: input.unit.id,
        obligationId,
      });
    } catch {
      // No cycle workflow (a unit started on its own, or the cycle closed): nothing to re-aggregate.
    }
  }
}

async function sendReceipts(input: UnitWorkflowInput, state: UnitState): Promise<void> {
  while (state.receipts.length > 0) {
    const receipt = state.receipts.shift() as ReceiptNotification;
    // Email only: the receipt answers a person who has just submitted (ZNS carries reminders and escalations).
    await deliver(input, state, receipt, ['unit'], { zns: false, oa: false });
  }
}

/** Plans one notification's sends to `audiences`, runs them in parallel and records their results. */
async function deliver(
  input: UnitWorkflowInput,
  state: UnitState,
  notification: Notification,
  audiences: readonly Audience[],
  channels: ChannelAvailability = input.channels,
): Promise<void> {
  const contacts = audiences.map((audience) => ({ audience, contacts: input.audiences[audience] }));
  const sends = planDeliveries(notification.key, contacts, channels);
  record(state, await Promise.all(sends.map((send) => runSend(notification, send))));
}

async function runSend(notification: Notification, send: PlannedSend): Promise<NotifyResult> {
  try {
    if (send.channel === 'email') {
      return await sendEmailNotification({ notification, audience: send.audience, key: send.key, to: send.to });
    }
    const zaloInput = {
      // Zalo sends are planned for reminders and escalations only (receipts go with ZNS and OA off).
      notification: notification as DeadlineNotification,
      audience: send.audience,
      key: send.key,
      to: [send.to[0]!] as [NonNullable<(typeof send.to)[0]>],
    };
    return send.channel === 'zns' ? await sendZnsNotification(zaloInput) : await sendOaNotification(zaloInput);
  } catch (err) {
    // Retries exhausted or a non-retryable failure: keep it visible instead of failing the unit's year.
    if (!(err instanceof ActivityFailure)) throw err;
    const cause = err.cause as { type?: string; message?: string } | undefined;
    return {
      channel: send.channel,
      audience: send.audience,
      key: send.key,
      recipients: send.to.map(
        (c) => (send.channel === 'email' ? c.email : send.channel === 'zns' ? c.phone : c.zaloUserId) ?? '',
      ),
      outcome: 'failed',
      error: { code: cause?.type ?? 'ACTIVITY_FAILED', message: cause?.message ?? err.message },
    };
  }
}

function record(state: UnitState, results: NotifyResult[]): void {
  for (const result of results) {
    // One record per send key, so state stays bounded.
    const earlier = state.notifications.findIndex((n) => n.key === result.key);
    if (earlier === -1) state.notifications.push(result);
    else state.notifications[earlier] = result;
    // One entry per person and cause, from its first detection: not one per reminder all year long.
    for (const problem of result.contactProblems ?? []) {
      const known = state.contactProblems.some(
        (p) => p.channel === problem.channel && p.address === problem.address && p.code === problem.code,
      );
      if (!known) state.contactProblems.push(problem);
    }
  }
}

function updateSearchAttributes(input: UnitWorkflowInput, state: UnitState, last: string, now: number): string {
  if (input.searchAttributes === false) return last;
  const values = unitSearchValues(state, now);
  const serialized = serializeUnitSearchValues(values);
  if (serialized === last) return last;
  upsertSearchAttributes(
    unitSearchAttributes({ planId: input.cycle.planId, year: input.cycle.year, unitId: input.unit.id }, values),
  );
  return serialized;
}
