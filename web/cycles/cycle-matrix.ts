import type { ObligationStateName, ObligationStatus, UnitStatus } from '../../domain/cycle/unit-status';
import type { UnitKind } from '../../domain/plan/plan-schema';
import type { CycleReader, CycleView } from './cycle-reader';

export interface MatrixFilter {
  kind?: UnitKind;
  state?: ObligationStateName;
  /** 1-based. */
  page: number;
}

export interface MatrixRow {
  unitId: string;
  name: string;
  kind?: UnitKind;
  /** Undefined when the unit's workflow did not answer. */
  status?: UnitStatus;
  /** One per plan obligation, in plan order; undefined where the obligation does not apply to the unit. */
  cells: (ObligationStatus | undefined)[];
}

export interface Matrix {
  obligations: { id: string; title: string }[];
  rows: MatrixRow[];
  /** Units matching the filter, over all pages. */
  total: number;
  page: number;
  pages: number;
}

/**
 * Units × obligations of a cycle. Without a state filter only the units of the asked page are queried; a state
 * filter needs every unit of the (kind-filtered) cycle, read through the reader's bounded, cached queries.
 * `pageSize` Infinity gives every matching unit (the CSV export).
 */
export async function cycleMatrix(
  reader: CycleReader,
  view: CycleView,
  filter: MatrixFilter,
  pageSize: number,
): Promise<Matrix> {
  const planUnits = new Map(view.plan.units.map((unit) => [unit.id, unit]));
  const obligations = view.plan.obligations.map(({ id, title }) => ({ id, title }));
  let ids = view.status.unitIds.filter((id) => !filter.kind || planUnits.get(id)?.kind === filter.kind);
  let statuses: Map<string, UnitStatus> | undefined;
  if (filter.state) {
    statuses = await reader.units(view, ids);
    ids = ids.filter((id) => statuses?.get(id)?.obligations.some((o) => o.state === filter.state));
  }
  const pages = Math.max(1, Math.ceil(ids.length / pageSize));
  const page = Math.min(Math.max(1, filter.page), pages);
  const shown = Number.isFinite(pageSize) ? ids.slice((page - 1) * pageSize, page * pageSize) : ids;
  statuses ??= await reader.units(view, shown);
  const rows = shown.map((unitId): MatrixRow => {
    const status = statuses?.get(unitId);
    const kind = planUnits.get(unitId)?.kind;
    return {
      unitId,
      name: status?.unit.name ?? planUnits.get(unitId)?.name ?? unitId,
      ...(kind && { kind }),
      ...(status && { status }),
      cells: obligations.map((o) => status?.obligations.find((s) => s.id === o.id)),
    };
  });
  return { obligations, rows, total: ids.length, page, pages };
}
