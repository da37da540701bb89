import path from 'node:path';
import { loadAnnouncedSchedules } from '../../config/calendars';
import { loadPlanFile } from '../../config/plan-loader';
import type { WorkingCalendar } from '../../domain/calendar';
import { planCalendar } from '../../domain/plan/plan-calendar';
import { PlanSchema, type Plan, type PlanInput } from '../../domain/plan/plan-schema';

export const SEED_PLAN_FILE = path.resolve(__dirname, '..', '..', 'config', 'plans', 'dvcq-ia-pa.yaml');

export function seedPlan(): Plan {
  return loadPlanFile(SEED_PLAN_FILE);
}

/** The plan's calendar with the shipped announced schedules (config/calendars/). */
export function calendarOf(plan: Plan): WorkingCalendar {
  return planCalendar(plan, loadAnnouncedSchedules());
}

/** A small valid plan; `obligations` replaces the default single report obligation. */
export function makePlan(overrides: Partial<PlanInput> = {}): Plan {
  return PlanSchema.parse({
    id: 'test-plan',
    title: 'Kế hoạch thử nghiệm',
    issuer: 'Ủy ban nhân dân huyện Thử',
    supervisor: 'phong-noi-vu',
    leadership: [{ name: 'Nguyễn Văn A', title: 'Phó Chủ tịch UBND huyện', email: 'pct@example.org' }],
    units: [
      {
        id: 'phong-noi-vu',
        name: 'Phòng Nội vụ',
        kind: 'department',
        head: { name: 'Trưởng phòng', email: 'pnv@example.org' },
      },
      { id: 'xa-a', name: 'UBND xã A', kind: 'commune', head: { name: 'Chủ tịch xã A', email: 'a@example.org' } },
      { id: 'xa-b', name: 'UBND xã B', kind: 'commune', head: { name: 'Chủ tịch xã B', phone: '0905123456' } },
    ],
    obligations: [
      {
        id: 'bao-cao',
        title: 'Báo cáo',
        appliesTo: { kinds: ['commune'] },
        due: { date: '05-10' },
        deliverable: 'report',
        form: 'bao-cao',
        aggregate: { workingDaysAfterDue: 2 },
      },
    ],
    forms: { 'bao-cao': { fields: [{ key: 'so-luong', label: 'Số lượng', type: 'integer', min: 0 }] } },
    ...overrides,
  });
}
