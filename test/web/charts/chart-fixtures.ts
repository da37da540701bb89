import { loadAnnouncedSchedules } from '../../../config/calendars';
import type { ObligationStateName, ObligationStatus, UnitStatus } from '../../../domain/cycle/unit-status';
import { planCalendar } from '../../../domain/plan/plan-calendar';
import type { CycleChartsInput } from '../../../web/cycles/cycle-charts';

/** One obligation of a fixture unit: its state, as the reader would give it, and its first submission. */
interface Given {
  id: string;
  state: ObligationStateName;
  submittedAt?: string;
}

const DUE: Record<string, string> = { 'ke-hoach': '2026-03-17', 'bao-cao': '2026-06-10', 'tong-ket': '2026-12-15' };

const TITLES: Record<string, string> = {
  'ke-hoach': 'Xây dựng kế hoạch triển khai',
  'bao-cao': 'Báo cáo kết quả 6 tháng',
  'tong-ket': 'Báo cáo tổng kết năm',
};

function obligation(given: Given): ObligationStatus {
  return {
    id: given.id,
    title: TITLES[given.id] ?? given.id,
    deliverable: 'document',
    nominalDueDate: DUE[given.id] ?? '2026-12-31',
    dueDate: DUE[given.id] ?? '2026-12-31',
    state: given.state,
    level: 0,
    events: [],
    submissions: given.submittedAt ? [{ version: 1, submittedAt: given.submittedAt, channel: 'web' }] : [],
    extensions: [],
    ...(given.state === 'waived' && { waiver: { reason: 'Miễn', at: '2026-03-01T08:00:00+07:00' } }),
    notifications: [],
  };
}

export function unit(id: string, name: string, obligations: Given[]): UnitStatus {
  return {
    cycle: { planId: 'thu-nghiem', year: 2026, issuedOn: '2026-03-02' },
    unit: { id, name },
    obligations: obligations.map(obligation),
    contactProblems: [],
    closed: false,
  };
}

/**
 * Five units, three obligations, seen on 15/06/2026 10:00 (plan time). The expected numbers in the tests are counted
 * by hand from this list.
 */
export const STATUSES: UnitStatus[] = [
  unit('phong-noi-vu', 'Phòng Nội vụ', [
    { id: 'ke-hoach', state: 'submitted-on-time', submittedAt: '2026-03-10T09:00:00+07:00' },
    { id: 'tong-ket', state: 'pending' },
  ]),
  unit('xa-dong', 'UBND xã Đông', [
    { id: 'ke-hoach', state: 'submitted-late', submittedAt: '2026-03-20T08:00:00+07:00' },
    { id: 'bao-cao', state: 'overdue' },
    { id: 'tong-ket', state: 'pending' },
  ]),
  unit('xa-tay', 'UBND xã Tây', [
    // 00:30 on 11/03 in Vietnam, still 10/03 in UTC and in New York: counted on 11/03.
    { id: 'ke-hoach', state: 'submitted-on-time', submittedAt: '2026-03-10T17:30:00Z' },
    { id: 'bao-cao', state: 'submitted-late', submittedAt: '2026-06-12T14:00:00+07:00' },
    { id: 'tong-ket', state: 'pending' },
  ]),
  unit('xa-bac', 'UBND xã Bắc', [
    { id: 'ke-hoach', state: 'waived' },
    { id: 'bao-cao', state: 'overdue' },
    { id: 'tong-ket', state: 'pending' },
  ]),
  unit('xa-nam', 'UBND xã Nam', [
    { id: 'ke-hoach', state: 'submitted-on-time', submittedAt: '2026-03-10T15:00:00+07:00' },
    { id: 'bao-cao', state: 'waived' },
    { id: 'tong-ket', state: 'pending' },
  ]),
];

export const PLAN: CycleChartsInput['plan'] = {
  obligations: ['ke-hoach', 'bao-cao', 'tong-ket'].map((id) => ({ id, title: TITLES[id] ?? id })),
};

export const NOW_MS = Date.parse('2026-06-15T10:00:00+07:00');

/** The real 2026 calendar: the law's rules and `config/calendars/2026.yaml`. */
export function calendar2026(): CycleChartsInput['calendarYear'] {
  return planCalendar({ calendar: { overrides: [], culturalDay: false } }, loadAnnouncedSchedules()).describeYear(2026);
}

export function fixtureInput(overrides: Partial<CycleChartsInput> = {}): CycleChartsInput {
  return { plan: PLAN, year: 2026, statuses: STATUSES, calendarYear: calendar2026(), nowMs: NOW_MS, ...overrides };
}
