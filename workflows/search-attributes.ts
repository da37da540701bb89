import { defineSearchAttributeKey, SearchAttributeType, type SearchAttributeUpdatePair } from '@temporalio/common';
import type { UnitSearchValues } from '../domain/cycle/unit-search-values';
import { atPlanDate } from '../domain/plan-time';

/** Registered by `dondoc start` on the embedded dev server; on a cluster, register them once with the operator CLI. */
export const SA_PLAN = defineSearchAttributeKey('DondocPlan', SearchAttributeType.KEYWORD);
export const SA_YEAR = defineSearchAttributeKey('DondocYear', SearchAttributeType.INT);
export const SA_UNIT = defineSearchAttributeKey('DondocUnit', SearchAttributeType.KEYWORD);
export const SA_OVERDUE_COUNT = defineSearchAttributeKey('DondocOverdueCount', SearchAttributeType.INT);
export const SA_NEXT_DUE_DATE = defineSearchAttributeKey('DondocNextDueDate', SearchAttributeType.DATETIME);
/** `open`, `overdue`, `complete` (everything submitted or waived) or `closed`. */
export const SA_STATE = defineSearchAttributeKey('DondocState', SearchAttributeType.KEYWORD);

/**
 * A unit workflow's search attributes: given at its start (cycles/unit-start-attributes.ts, without the nulls) and
 * upserted by the workflow when its values change; one list, so both always set the same ones.
 */
export function unitSearchAttributes(
  unit: { planId: string; year: number; unitId: string },
  values: UnitSearchValues,
): SearchAttributeUpdatePair[] {
  return [
    { key: SA_PLAN, value: unit.planId },
    { key: SA_YEAR, value: unit.year },
    { key: SA_UNIT, value: unit.unitId },
    { key: SA_OVERDUE_COUNT, value: values.overdue },
    { key: SA_NEXT_DUE_DATE, value: values.nextDue ? new Date(atPlanDate(values.nextDue)) : null },
    { key: SA_STATE, value: values.stateName },
  ];
}

/** `--search-attribute Name=Type` values for `temporal server start-dev`. */
export const DEV_SERVER_SEARCH_ATTRIBUTES: Record<string, string> = {
  DondocPlan: 'Keyword',
  DondocYear: 'Int',
  DondocUnit: 'Keyword',
  DondocOverdueCount: 'Int',
  DondocNextDueDate: 'Datetime',
  DondocState: 'Keyword',
};
