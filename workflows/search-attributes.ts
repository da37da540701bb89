import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';

/** Registered by `dondoc start` on the embedded dev server; on a cluster, register them once with the operator CLI. */
export const SA_PLAN = defineSearchAttributeKey('DondocPlan', SearchAttributeType.KEYWORD);
export const SA_YEAR = defineSearchAttributeKey('DondocYear', SearchAttributeType.INT);
export const SA_UNIT = defineSearchAttributeKey('DondocUnit', SearchAttributeType.KEYWORD);
export const SA_OVERDUE_COUNT = defineSearchAttributeKey('DondocOverdueCount', SearchAttributeType.INT);
export const SA_NEXT_DUE_DATE = defineSearchAttributeKey('DondocNextDueDate', SearchAttributeType.DATETIME);
/** `open`, `overdue`, `complete` (everything submitted or waived) or `closed`. */
export const SA_STATE = defineSearchAttributeKey('DondocState', SearchAttributeType.KEYWORD);

/** `--search-attribute Name=Type` values for `temporal server start-dev`. */
export const DEV_SERVER_SEARCH_ATTRIBUTES: Record<string, string> = {
  DondocPlan: 'Keyword',
  DondocYear: 'Int',
  DondocUnit: 'Keyword',
  DondocOverdueCount: 'Int',
  DondocNextDueDate: 'Datetime',
  DondocState: 'Keyword',
};
