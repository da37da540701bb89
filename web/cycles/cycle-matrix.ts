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
 * filter needs every unit of the (kind-filtered) cycle that may be in that state, read through the reader's
 * bounded, cached queries (for `overdue`, only the units Temporal's visibility picks).
 */
export async function cycleMatrix(
  reader: CycleReader,
  view: CycleView,
  filter: MatrixFilter,
  pageSize: number,
): Promise<Matrix> {
  let ids = unitsOfKind(view, filter.kind);
  let statuses: Map<string, UnitStatus> | undefined;
  if (filter.state) {
    statuses = await statusesInState(reader, view, ids, filter.state);
    ids = ids.filter((id) => statuses?.get(id)?.obligations.some((o) => o.state === filter.state));
  }
  const pages = Math.max(1, Math.ceil(ids.length / pageSize));
  const page = Math.min(Math.max(1, filter.page), pages);
  const shown = ids.slice((page - 1) * pageSize, page * pageSize);
  statuses ??= await reader.units(view, shown);
  return {
    obligations: matrixObligations(view),
    rows: matrixRows(view, shown, statuses),
    total: ids.length,
    page,
    pages,
  };
}

/** The cycle's units of `kind` (all without one), in the cycle's order. */
export function unitsOfKind(view: CycleView, kind: UnitKind | undefined): string[] {
  if (!kind) return view.status.unitIds;
  const kinds = new Map(view.plan.units.map((unit) => [unit.id, unit.kind]));
  return view.status.unitIds.filter((id) => kinds.get(id) === kind);
}

/** The statuses of the units among `ids` that may have an obligation in `state` (and maybe others). */
export function statusesInState(
  reader: CycleReader,
  view: CycleView,
  ids: readonly string[],
  state: ObligationStateName,
): Promise<Map<string, UnitStatus>> {
  return state === 'overdue' ? reader.overdueCandidates(view, ids) : reader.units(view, ids);
}

export function matrixObligations(view: CycleView): Matrix['obligations'] {
  return view.plan.obligations.map(({ id, title }) => ({ id, title }));
}

/** One row per unit of `ids`, from its status when it answered, else from the plan. */
export function matrixRows(view: CycleView, ids: readonly string[], statuses: Map<string, UnitStatus>): MatrixRow[] {
  const planUnits = new Map(view.plan.units.map((unit) => [unit.id, unit]));
  const obligations = view.plan.obligations;
  return ids.map((unitId): MatrixRow => {
    const status = statuses.get(unitId);
    const kind = planUnits.get(unitId)?.kind;
    return {
      unitId,
      name: status?.unit.name ?? planUnits.get(unitId)?.name ?? unitId,
      ...(kind && { kind }),
      ...(status && { status }),
      cells: obligations.map((o) => status?.obligations.find((s) => s.id === o.id)),
    };
  });
}
