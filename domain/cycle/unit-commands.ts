import { validateFormValues, type FormValues } from '../forms/validate-form-values';
import { parseLocalDate } from '../local-date';
import type { EmailThread } from '../notifications/notification';
import type { ScheduleEvent } from '../schedule/schedule-types';
import { CommandRejected } from './command-rejected';
import type { UnitObligationInput, UnitWorkflowInput } from './unit-input';
import { isResolved, type FileRef, type ObligationState, type SubmissionChannel, type UnitState } from './unit-state';
import { timelinessOf } from './unit-status';

export interface SubmitInput {
  obligationId: string;
  values?: Record<string, unknown>;
  /** "45/BC-UBND" (Nghị định 30/2020: number / type code - issuer code). */
  documentNumber?: string;
  /** YYYY-MM-DD. */
  documentDate?: string;
  files?: FileRef[];
  submittedBy?: string;
  channel?: SubmissionChannel;
  /** A paper submission recorded later: when Phòng Nội vụ received it (ISO); never in the future. */
  receivedAt?: string;
  /** The API token that submitted it (its id, never the secret). */
  tokenId?: string;
  /** A submission by reply (channel `email`): the receipt goes back in the reply's thread. */
  thread?: EmailThread;
}

export interface SubmitReceipt {
  obligationId: string;
  version: number;
  submittedAt: string;
  firstSubmittedAt: string;
  dueDate: string;
  /** Counted from the first submission: a re-submission never turns on-time into late or back. */
  timeliness: 'on-time' | 'late';
}

export interface ExtendInput {
  obligationId: string;
  /** The new nominal due date, YYYY-MM-DD; the non-working-day rule still applies to it. */
  newDueDate: string;
  reason: string;
  by?: string;
}

export interface WaiveInput {
  obligationId: string;
  reason: string;
  by?: string;
}

// Type and issuer codes are mostly capitals, but some official ones are not ("TTr": Tờ trình, Thanh tra).
const DOCUMENT_NUMBER = /^\d{1,6}[a-z]?\/[A-ZĐa-zđ0-9]+(?:-[A-ZĐa-zđ0-9]+)*$/u;

/** Throws a message for the unit officer (Vietnamese) when the submission cannot be accepted. */
export function checkSubmit(
  input: UnitWorkflowInput,
  state: UnitState,
  request: SubmitInput,
  nowMs: number,
): FormValues | undefined {
  openCycle(state);
  const obligation = findObligation(state, request.obligationId);
  if (obligation.waiver)
    throw new CommandRejected(`Nhiệm vụ «${titleOf(input, obligation.id)}» đã được miễn, không cần nộp`);
  if (request.documentNumber !== undefined && !DOCUMENT_NUMBER.test(request.documentNumber.trim())) {
    throw new CommandRejected(`Số văn bản «${request.documentNumber}» không đúng dạng, ví dụ 45/BC-UBND`);
  }
  if (request.documentDate !== undefined) {
    const day = parseLocalDate(request.documentDate);
    if (day === undefined)
      throw new CommandRejected(`Ngày văn bản «${request.documentDate}» không hợp lệ (YYYY-MM-DD)`);
  }
  if (request.receivedAt !== undefined) {
    const received = Date.parse(request.receivedAt);
    if (Number.isNaN(received)) throw new CommandRejected(`Thời điểm nhận «${request.receivedAt}» không hợp lệ`);
    if (received > nowMs) throw new CommandRejected('Thời điểm nhận văn bản giấy không được ở tương lai');
  }
  const form = input.obligations.find((o) => o.id === obligation.id)?.form;
  if (!form) {
    if (request.values && Object.keys(request.values).length > 0) {
      throw new CommandRejected(`Nhiệm vụ «${titleOf(input, obligation.id)}» không có biểu mẫu số liệu`);
    }
    return undefined;
  }
  const checked = validateFormValues(form.fields, request.values ?? {});
  if (!checked.ok) throw new CommandRejected(checked.errors.map((e) => e.message).join('; '));
  return checked.values;
}

export function applySubmit(
  state: UnitState,
  request: SubmitInput,
  values: FormValues | undefined,
  submittedAt: string,
): SubmitReceipt {
  const obligation = findObligation(state, request.obligationId);
  const version = obligation.submissions.length + 1;
  obligation.submissions.push({
    version,
    submittedAt,
    channel: request.channel ?? 'api',
    ...(values && { values }),
    ...(request.documentNumber && { documentNumber: request.documentNumber.trim() }),
    ...(request.documentDate && { documentDate: request.documentDate }),
    ...(request.files && request.files.length > 0 && { files: request.files }),
    ...(request.submittedBy && { submittedBy: request.submittedBy }),
    ...(request.tokenId && { tokenId: request.tokenId }),
  });
  const first = obligation.submissions[0]?.submittedAt ?? submittedAt;
  return {
    obligationId: obligation.id,
    version,
    submittedAt,
    firstSubmittedAt: first,
    dueDate: obligation.dueDate,
    timeliness: timelinessOf(first, obligation.dueDate),
  };
}

export function checkExtend(input: UnitWorkflowInput, state: UnitState, request: ExtendInput): void {
  openCycle(state);
  const obligation = openObligation(input, state, request.obligationId);
  if (parseLocalDate(request.newDueDate) === undefined)
    throw new CommandRejected(`Hạn mới «${request.newDueDate}» không hợp lệ`);
  // Against the effective due date: 30/10/2022 was a Sunday, so "extending" it to 31/10 would change nothing.
  if (request.newDueDate <= obligation.dueDate) {
    throw new CommandRejected(`Hạn mới phải sau hạn hiện tại (${obligation.dueDate})`);
  }
  if (!request.reason.trim()) throw new CommandRejected('Cần ghi lý do gia hạn');
}

/**
 * Checked again once the new dates are compiled, just before they apply: the obligation may have been resolved
 * meanwhile, and a `previous` or `keep` rule may bring the new date back to the current one.
 */
export function checkRecompiled(
  input: UnitWorkflowInput,
  state: UnitState,
  request: ExtendInput,
  compiled: { dueDate: string },
): void {
  const obligation = openObligation(input, state, request.obligationId);
  if (compiled.dueDate <= obligation.dueDate) {
    throw new CommandRejected(
      `Hạn mới phải sau hạn hiện tại (${obligation.dueDate}); ${request.newDueDate} tính theo ngày làm việc là ${compiled.dueDate}`,
    );
  }
}

/** Replaces the obligation's dates and its events from now on; those already past stay as they were (history). */
export function applyExtend(
  state: UnitState,
  request: ExtendInput,
  compiled: { nominalDueDate: string; dueDate: string; events: ScheduleEvent[] },
  nowMs: number,
  nowIso: string,
): void {
  const obligation = findObligation(state, request.obligationId);
  obligation.extensions.push({
    previousDueDate: obligation.dueDate,
    newDueDate: compiled.dueDate,
    reason: request.reason.trim(),
    at: nowIso,
    ...(request.by && { by: request.by }),
  });
  obligation.nominalDueDate = compiled.nominalDueDate;
  obligation.dueDate = compiled.dueDate;
  obligation.events = [
    ...obligation.events.filter((event) => Date.parse(event.at) <= nowMs),
    ...compiled.events.filter((event) => Date.parse(event.at) > nowMs),
  ];
}

export function checkWaive(input: UnitWorkflowInput, state: UnitState, request: WaiveInput): void {
  openCycle(state);
  const obligation = findObligation(state, request.obligationId);
  if (obligation.submissions.length > 0)
    throw new CommandRejected(`Nhiệm vụ «${titleOf(input, obligation.id)}» đã nộp`);
  if (obligation.waiver) throw new CommandRejected(`Nhiệm vụ «${titleOf(input, obligation.id)}» đã được miễn`);
  if (!request.reason.trim()) throw new CommandRejected('Cần ghi lý do miễn');
}

export function applyWaive(state: UnitState, request: WaiveInput, nowIso: string): void {
  const obligation = findObligation(state, request.obligationId);
  obligation.waiver = { reason: request.reason.trim(), at: nowIso, ...(request.by && { by: request.by }) };
}

export function checkResend(input: UnitWorkflowInput, state: UnitState, obligationId: string): void {
  openCycle(state);
  openObligation(input, state, obligationId);
}

/** A closed cycle takes nothing more: its unit workflow is finishing. */
function openCycle(state: UnitState): void {
  if (state.closed) throw new CommandRejected('Chu kỳ đã đóng');
}

/** The obligation as the unit workflow was given it (rules, form); the unit's own input is the reference. */
export function obligationInput(input: UnitWorkflowInput, id: string): UnitObligationInput {
  const obligation = input.obligations.find((o) => o.id === id);
  if (!obligation) throw new CommandRejected(unknownObligation(id));
  return obligation;
}

function findObligation(state: UnitState, id: string): ObligationState {
  const obligation = state.obligations.find((o) => o.id === id);
  if (!obligation) throw new CommandRejected(unknownObligation(id));
  return obligation;
}

function unknownObligation(id: string): string {
  return `Đơn vị không có nhiệm vụ «${id}» trong kế hoạch này`;
}

/** The obligation, when nothing has resolved it yet: extensions and resends apply to open obligations only. */
function openObligation(input: UnitWorkflowInput, state: UnitState, id: string): ObligationState {
  const obligation = findObligation(state, id);
  if (isResolved(obligation))
    throw new CommandRejected(`Nhiệm vụ «${titleOf(input, obligation.id)}» đã nộp hoặc đã được miễn`);
  return obligation;
}

function titleOf(input: UnitWorkflowInput, id: string): string {
  return input.obligations.find((o) => o.id === id)?.title ?? id;
}
