import type { AppliesTo, Due, Plan } from '../plan/plan-schema';
import type { PlanDraft } from './draft-plan';
import type { DraftAppliesTo } from './obligations';

interface Comparable {
  id: string;
  appliesTo: DraftAppliesTo & { exclude?: string[] };
  due: Due;
  deliverable: string;
}

function dueText(due: Due): string {
  return 'date' in due ? `ngày ${due.date}` : `${due.daysAfterIssue} ngày sau ngày ban hành`;
}

function appliesText(appliesTo: Comparable['appliesTo'] | AppliesTo): string {
  const parts: string[] = [];
  if (appliesTo.kinds?.length) parts.push(`loại ${[...appliesTo.kinds].sort().join(', ')}`);
  if (appliesTo.units?.length) parts.push(`đơn vị ${[...appliesTo.units].sort().join(', ')}`);
  if (appliesTo.exclude?.length) parts.push(`trừ ${[...appliesTo.exclude].sort().join(', ')}`);
  return parts.join('; ');
}

/**
 * The differences between a draft and an existing plan, one line each: obligations (id, who, due, deliverable)
 * and the units the document names. `["không có khác biệt"]` when there are none.
 */
export function compareWithPlan(draft: PlanDraft, plan: Plan, planName: string): string[] {
  const lines: string[] = [];
  const drafted = (draft.plan.obligations as Comparable[] | undefined) ?? [];
  const existing = new Map(plan.obligations.map((obligation) => [obligation.id, obligation]));
  for (const mine of drafted) {
    const theirs = existing.get(mine.id);
    if (!theirs) {
      lines.push(`+ nhiệm vụ ${mine.id}: chỉ có trong bản nháp (${dueText(mine.due)})`);
      continue;
    }
    const pairs: [string, string, string][] = [
      ['áp dụng cho', appliesText(mine.appliesTo), appliesText(theirs.appliesTo)],
      ['hạn', dueText(mine.due), dueText(theirs.due)],
      ['sản phẩm', mine.deliverable, theirs.deliverable],
    ];
    for (const [what, ours, other] of pairs) {
      if (ours !== other) lines.push(`~ nhiệm vụ ${mine.id}: ${what}: bản nháp ${ours} ≠ ${planName} ${other}`);
    }
  }
  const draftedIds = new Set(drafted.map((obligation) => obligation.id));
  for (const theirs of plan.obligations) {
    if (!draftedIds.has(theirs.id)) {
      lines.push(`- nhiệm vụ ${theirs.id}: không có trong bản nháp (${planName}: ${dueText(theirs.due)})`);
    }
  }
  const units = new Map(plan.units.map((unit) => [unit.id, unit]));
  const draftUnits = (draft.plan.units as { id: string; kind: string; name: string }[] | undefined) ?? [];
  for (const unit of draftUnits.filter((u) => draft.namedUnits.includes(u.id))) {
    const theirs = units.get(unit.id);
    if (!theirs) lines.push(`+ đơn vị ${unit.id} (${unit.name}): không có trong ${planName}`);
    else if (theirs.kind !== unit.kind) {
      lines.push(`~ đơn vị ${unit.id}: loại: bản nháp ${unit.kind} ≠ ${planName} ${theirs.kind}`);
    }
  }
  return lines.length > 0 ? lines : ['không có khác biệt'];
}
