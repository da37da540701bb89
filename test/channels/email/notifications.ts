import { notificationKey } from '../../../domain/notifications/idempotency-key';
import type {
  DeadlineNotification,
  DigestNotification,
  ReceiptNotification,
  ReportNotification,
} from '../../../domain/notifications/notification';

/** The seed plan's yearly report: nominally due Sunday 30/10/2022, effectively Monday 31/10/2022. */
export const PLAN = {
  id: 'dvcq-ia-pa',
  title: 'Kế hoạch triển khai thực hiện công tác Dân vận chính quyền',
  issuer: 'Ủy ban nhân dân huyện Ia Pa',
  reference: 'Kế hoạch số 45/KH-UBND ngày 20/4/2022',
  year: 2022,
};
export const SUPERVISOR = 'Phòng Nội vụ huyện';
export const UNIT = { id: 'xa-ia-tul', name: 'UBND xã Ia Tul' };
export const YEARLY = {
  id: 'bao-cao-nam',
  title: 'Báo cáo kết quả thực hiện công tác Dân vận chính quyền năm 2022',
  nominalDueDate: '2022-10-30',
  dueDate: '2022-10-31',
};
export const SELF_CHECK = { id: 'ke-hoach-tu-kiem-tra', title: 'Kế hoạch tự kiểm tra năm 2022' };
export const LINK = 'https://dondoc.example/s/abc.def';

export function reminder(overrides: Partial<DeadlineNotification> = {}): DeadlineNotification {
  const scheduledAt = '2022-10-17T08:00:00+07:00';
  const key = notificationKey({
    planId: PLAN.id,
    year: 2022,
    unitId: UNIT.id,
    obligationIds: [YEARLY.id],
    kind: 'reminder',
    ordinal: 10,
    scheduledAt,
  });
  return {
    kind: 'reminder',
    key,
    scheduledAt,
    plan: PLAN,
    supervisorName: SUPERVISOR,
    unit: UNIT,
    obligations: [{ ...YEARLY, workingDaysLeft: 10, submissionUrl: LINK }],
    nextEscalation: { level: 1, at: '2022-11-01T08:00:00+07:00', audiences: ['unit'] },
    ...overrides,
  };
}

const LEVELS = {
  1: { at: '2022-11-01T08:00:00+07:00', left: -1, next: { level: 2, at: '2022-11-03T08:00:00+07:00' } },
  2: { at: '2022-11-03T08:00:00+07:00', left: -3, next: { level: 3, at: '2022-11-09T08:00:00+07:00' } },
  3: { at: '2022-11-09T08:00:00+07:00', left: -7, next: undefined },
} as const;

/** Level 1 notifies the unit, 2 adds Phòng Nội vụ, 3 adds leadership (the seed's defaults). */
export function escalation(level: 1 | 2 | 3, overrides: Partial<DeadlineNotification> = {}): DeadlineNotification {
  const { at, left, next } = LEVELS[level];
  const key = notificationKey({
    planId: PLAN.id,
    year: 2022,
    unitId: UNIT.id,
    obligationIds: [YEARLY.id],
    kind: 'escalation',
    ordinal: level,
    repeat: 0,
    scheduledAt: at,
  });
  const audiences =
    next?.level === 2 ? (['unit', 'supervisor'] as const) : (['unit', 'supervisor', 'leadership'] as const);
  return {
    ...reminder(),
    kind: 'escalation',
    key,
    scheduledAt: at,
    level,
    obligations: [{ ...YEARLY, workingDaysLeft: left, submissionUrl: LINK }],
    nextEscalation: next && { ...next, audiences: [...audiences] },
    ...overrides,
  };
}

export function digest(): DigestNotification {
  return {
    kind: 'digest',
    key: 'dondoc/dvcq-ia-pa/2022/-/-/digest-44@2022-11-04T16:00:00+07:00',
    scheduledAt: '2022-11-04T16:00:00+07:00',
    plan: PLAN,
    supervisorName: SUPERVISOR,
    dashboardUrl: 'https://dondoc.example/cycles/dvcq-ia-pa/2022',
    rows: [
      { unit: UNIT, obligation: YEARLY, state: 'overdue', workingDaysLeft: -4, level: 2 },
      {
        unit: { id: 'xa-chu-rcam', name: 'UBND xã Chư Răng' },
        obligation: YEARLY,
        state: 'overdue',
        workingDaysLeft: -1,
        level: 1,
      },
      {
        unit: UNIT,
        obligation: { ...SELF_CHECK, dueDate: '2022-11-10' },
        state: 'due-soon',
        workingDaysLeft: 4,
        level: 0,
      },
    ],
  };
}

export function report(): ReportNotification {
  return {
    kind: 'report',
    key: 'dondoc/dvcq-ia-pa/2022/-/bao-cao-nam/report-0@2022-11-02T08:00:00+07:00',
    scheduledAt: '2022-11-02T08:00:00+07:00',
    plan: PLAN,
    supervisorName: SUPERVISOR,
    obligation: YEARLY,
    fields: [
      { key: 'so-mo-hinh-dan-van-kheo', label: 'Số mô hình "Dân vận khéo"' },
      { key: 'ty-le-ho-so-truc-tuyen', label: 'Tỷ lệ hồ sơ trực tuyến (%)' },
    ],
    rows: [
      {
        unit: UNIT,
        status: 'on-time',
        submittedAt: '2022-10-28T15:30:00+07:00',
        documentNumber: '45/BC-UBND',
        values: { 'so-mo-hinh-dan-van-kheo': 2, 'ty-le-ho-so-truc-tuyen': 37.5 },
      },
      {
        unit: { id: 'xa-ia-ma-ron', name: 'UBND xã Ia Mrơn' },
        status: 'late',
        submittedAt: '2022-11-01T09:10:00+07:00',
        values: { 'so-mo-hinh-dan-van-kheo': 1 },
      },
      { unit: { id: 'xa-po-to', name: 'UBND xã Pờ Tó' }, status: 'missing' },
      { unit: { id: 'xa-kim-tan', name: 'UBND xã Kim Tân' }, status: 'waived' },
    ],
    attachments: [
      { filename: 'tong-hop.csv', contentType: 'text/csv', base64: Buffer.from('đơn vị,số\n').toString('base64') },
    ],
  };
}

export function receipt(overrides: Partial<ReceiptNotification> = {}): ReceiptNotification {
  return {
    kind: 'receipt',
    key: 'dondoc/dvcq-ia-pa/2022/xa-ia-tul/bao-cao-nam/receipt-1@2022-10-28T15:30:00+07:00',
    scheduledAt: '2022-10-28T15:30:00+07:00',
    plan: PLAN,
    supervisorName: SUPERVISOR,
    unit: UNIT,
    obligation: YEARLY,
    submittedAt: '2022-10-28T15:30:00+07:00',
    timeliness: 'on-time',
    submittedBy: "Rơ Châm H'Linh",
    documentNumber: '45/BC-UBND',
    version: 1,
    ...overrides,
  };
}
