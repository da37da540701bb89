import type { MomentMessage, RecipientItem } from '../../../domain/dispatch/message-items';
import type { Audience, Contact, UnitRef } from '../../../domain/notifications/notification';
import { LINK, PLAN, SELF_CHECK, SUPERVISOR, UNIT, YEARLY } from './notifications';

export const DASHBOARD = 'https://dondoc.example/cycles/dvcq-ia-pa/2022';
export const NOI_VU: UnitRef = { id: 'phong-noi-vu', name: 'Phòng Nội vụ huyện' };
export const CHU_RANG: UnitRef = { id: 'xa-chu-rcam', name: 'UBND xã Chư Răng' };
export const PO_TO: UnitRef = { id: 'xa-po-to', name: 'UBND xã Pờ Tó' };

export const UNIT_HEAD: Contact = {
  name: 'Chủ tịch UBND xã Ia Tul',
  title: 'Chủ tịch UBND xã',
  email: 'ct@ia-tul.example',
};
export const NOI_VU_HEAD: Contact = {
  name: 'Trưởng phòng Nội vụ',
  title: 'Trưởng phòng',
  email: 'truongphong.phong-noi-vu@ia-pa.example',
  phone: '84900000002',
};
export const VICE_CHAIR: Contact = {
  name: 'Ksor Suy',
  title: 'Phó Chủ tịch UBND huyện',
  email: 'phochutich.ubnd-huyen@ia-pa.example',
};

/** The seed's ladder: level 1 on 01/11, 2 on 03/11 (adds Phòng Nội vụ), 3 on 09/11 (adds leadership). */
const LADDER = {
  0: { at: '2022-10-17T08:00:00+07:00', days: 10, next: { level: 1, at: '2022-11-01T08:00:00+07:00' } },
  1: { at: '2022-11-01T08:00:00+07:00', days: -1, next: { level: 2, at: '2022-11-03T08:00:00+07:00' } },
  2: { at: '2022-11-03T08:00:00+07:00', days: -3, next: { level: 3, at: '2022-11-09T08:00:00+07:00' } },
  3: { at: '2022-11-09T08:00:00+07:00', days: -7, next: undefined },
} as const;

const AUDIENCES: Record<0 | 1 | 2 | 3, Audience[]> = {
  0: ['unit'],
  1: ['unit'],
  2: ['unit', 'supervisor'],
  3: ['unit', 'supervisor', 'leadership'],
};

/** The yearly report of `unit` at `level` (0: the 10-working-day reminder), as `role` gets it. */
export function item(
  unit: UnitRef,
  level: 0 | 1 | 2 | 3,
  role: Audience,
  overrides: Partial<RecipientItem> = {},
): RecipientItem {
  const { at, days, next } = LADDER[level];
  return {
    unitId: unit.id,
    obligationId: YEARLY.id,
    type: level === 0 ? 'reminder' : 'escalation',
    level,
    repeat: 0,
    at,
    audiences: AUDIENCES[level],
    catchUp: false,
    unit,
    title: YEARLY.title,
    nominalDueDate: YEARLY.nominalDueDate,
    dueDate: YEARLY.dueDate,
    workingDays: days,
    submissionUrl: `${LINK}.${unit.id}`,
    role,
    ...(next && { nextEscalation: { ...next, audiences: AUDIENCES[next.level] } }),
    ...overrides,
  };
}

/** The self-check plan of `unit`, due 10/11/2022, as a reminder or already overdue. */
export function selfCheck(unit: UnitRef, role: Audience, workingDays: number): RecipientItem {
  return {
    ...item(unit, workingDays < 0 ? 1 : 0, role),
    obligationId: SELF_CHECK.id,
    title: SELF_CHECK.title,
    nominalDueDate: '2022-11-10',
    dueDate: '2022-11-10',
    workingDays,
  };
}

export function moment(
  recipient: Contact,
  items: RecipientItem[],
  overrides: Partial<MomentMessage> = {},
): MomentMessage {
  const scheduledAt = items[0]?.at ?? '2022-11-09T08:00:00+07:00';
  return {
    key: `dondoc/${PLAN.id}/2022/message@${scheduledAt}/email/${recipient.email ?? '-'}`,
    scheduledAt,
    plan: PLAN,
    supervisorName: SUPERVISOR,
    recipient,
    items,
    ...overrides,
  };
}

export { LINK, PLAN, SELF_CHECK, SUPERVISOR, UNIT, YEARLY };
