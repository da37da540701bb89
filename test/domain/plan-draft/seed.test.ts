import { readFileSync } from 'node:fs';
import path from 'node:path';
import { loadAnnouncedSchedules } from '../../../config/calendars';
import { loadPlanFile, parsePlanText } from '../../../config/plan-loader';
import { parseLocalDate } from '../../../domain/local-date';
import { planCalendar } from '../../../domain/plan/plan-calendar';
import type { Plan } from '../../../domain/plan/plan-schema';
import { compareWithPlan, draftPlan, leftToFill, renderDraft } from '../../../domain/plan-draft';
import { compileSchedule } from '../../../domain/schedule/compile-schedule';
import { fillPlaceholders } from './fill-placeholders';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const SEED = path.join(ROOT, 'test', 'fixtures', 'documents', 'ke-hoach-dan-van-chinh-quyen-2022-ia-pa.md');
const TARGET = path.join(ROOT, 'config', 'plans', 'dvcq-ia-pa.yaml');

const draft = draftPlan(readFileSync(SEED, 'utf8'));
const yaml = renderDraft(draft, leftToFill(draft.plan));
const target = loadPlanFile(TARGET);

/** obligation id → its due date in the 2022 cycle issued on 20/4/2022 (the same for every unit). */
function dueDates(plan: Plan): Record<string, string> {
  const cycle = { year: 2022, issuedOn: parseLocalDate('2022-04-20') ?? 0 };
  const schedule = compileSchedule(plan, cycle, planCalendar(plan, loadAnnouncedSchedules()));
  return Object.fromEntries(schedule.items.map((item) => [item.obligation, item.dueDate]));
}

describe('plan draft of the seed (Kế hoạch Dân vận chính quyền 2022, huyện Ia Pa)', () => {
  it('finds the units named in III.1–III.3, with their kinds, and the supervisor', () => {
    const units = draft.plan.units as { id: string; kind: string }[];
    expect(draft.namedUnits).toEqual([
      'phong-noi-vu',
      'thanh-tra-huyen',
      'phong-van-hoa-thong-tin',
      'trung-tam-vh-tt-tt',
    ]);
    for (const id of draft.namedUnits) {
      expect(units.find((unit) => unit.id === id)?.kind).toBe(target.units.find((unit) => unit.id === id)?.kind);
    }
    expect(draft.plan.supervisor).toBe('phong-noi-vu');
    expect(yaml).toMatch(/# ĐOÁN: đơn vị «theo dõi … tổng hợp» — III\.1: «Hướng dẫn, theo dõi/);
  });

  it('reads the header: issuer, place, the blank day of issue as a commented guess, the signer', () => {
    expect(draft.plan).toMatchObject({
      id: 'dvcq-ia-pa',
      title: 'Kế hoạch triển khai thực hiện công tác Dân vận chính quyền',
      issuer: 'Ủy ban nhân dân huyện Ia Pa',
      place: 'Ia Pa',
      leadership: [{ name: 'Ksor Suy', title: 'Phó Chủ tịch UBND huyện Ia Pa' }],
    });
    expect(yaml).toMatch(/# ĐOÁN: ngày ban hành để trống.*«Ia Pa, ngày tháng 4 năm 2022»\nissuedOn: "04-\d\d"/);
  });

  it('has the obligations of III.4 (and III.1, III.2) with the ids, units and due rules of config/plans/dvcq-ia-pa.yaml', () => {
    expect(compareWithPlan(draft, target, 'dvcq-ia-pa.yaml')).toEqual(['không có khác biệt']);
    const ids = (draft.plan.obligations as { id: string }[]).map((obligation) => obligation.id);
    expect(ids).toEqual(
      expect.arrayContaining(['ke-hoach-trien-khai', 'ke-hoach-tu-kiem-tra', 'bao-cao-6-thang', 'bao-cao-nam']),
    );
  });

  it('quotes the sentence of every obligation and marks each guessed date', () => {
    expect(yaml).toContain(
      '# III.4: «định kỳ 6 tháng (10/5), một năm (30/10) các cơ quan, đơn vị, địa phương báo cáo UBND huyện',
    );
    expect(yaml).toMatch(
      /# ĐOÁN: văn bản không ghi hạn: 15 ngày kể từ ngày ban hành.*\n\s+due: \{daysAfterIssue: 15\}/,
    );
    const obligations = yaml.slice(yaml.indexOf('\nobligations:'), yaml.indexOf('\nforms:'));
    expect(obligations.match(/^ {2}# III\.\d: «/gmu)).toHaveLength(target.obligations.length);
  });

  it('validates once the placeholders are filled, and its 2022 schedule has the due dates of the plan', () => {
    expect(leftToFill(draft.plan).length).toBeGreaterThan(0);
    expect(yaml).toMatch(/# Còn phải điền trước khi dùng:\n# {3}reference: điền số, điền ngày\n/);
    const filled = parsePlanText(fillPlaceholders(yaml), 'draft.yaml');
    expect(dueDates(filled)).toEqual(dueDates(target));
    expect(dueDates(filled)).toMatchObject({ 'bao-cao-6-thang': '2022-05-10', 'bao-cao-nam': '2022-10-31' });
  });

  it('is the same text every time', () => {
    const again = draftPlan(readFileSync(SEED, 'utf8'));
    expect(renderDraft(again, leftToFill(again.plan))).toBe(yaml);
  });
});
