import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { RecompiledObligation } from '../activities/schedule/recompile-obligation';
import type { ExtendInput, SubmitInput, SubmitReceipt, WaiveInput } from '../domain/cycle/unit-commands';
import type { UnitStatus } from '../domain/cycle/unit-status';

/** A unit submits (web link, API, CLI, or Phòng Nội vụ recording paper): validated, then answered with a receipt. */
export const submitUpdate = defineUpdate<SubmitReceipt, [SubmitInput]>('submit');
/** A new due date with a reason; later events are recompiled and returned. */
export const extendUpdate = defineUpdate<RecompiledObligation, [ExtendInput]>('extend');
/** Exempts the unit from an obligation: nothing more is sent about it. */
export const waiveUpdate = defineUpdate<{ obligationId: string; waivedAt: string }, [WaiveInput]>('waive');
/** Per obligation: due date, state, submissions, notifications; plus contact problems. */
export const getStatusQuery = defineQuery<UnitStatus>('getStatus');
/** The cycle is closed: stop, sending nothing more. */
export const closeSignal = defineSignal('close');
/** Phòng Nội vụ sends the unit a reminder about an open obligation now, outside the schedule. */
export const resendReminderUpdate = defineUpdate<
  { obligationId: string; queuedAt: string },
  [{ obligationId: string; by?: string }]
>('resendReminder');
