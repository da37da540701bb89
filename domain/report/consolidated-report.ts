import type { FormFieldRule, FormValues } from '../forms/validate-form-values';
import type { UnitKind } from '../plan/plan-shape';

/** How one unit stands on the reported obligation when the report is made. */
export type ReportUnitStatus = 'on-time' | 'late' | 'missing' | 'waived' | 'not-yet-due';

/** One unit's line of the consolidated report. */
export interface ReportUnitLine {
  unit: { id: string; name: string; kind?: UnitKind };
  status: ReportUnitStatus;
  /** The effective due date (after extensions), `YYYY-MM-DD`. */
  dueDate: string;
  /** The first submission (ISO, plan time): what timeliness is judged on. */
  submittedAt?: string;
  /** Of the latest submission. */
  documentNumber?: string;
  /** Working days after the due date: until the first submission (late), or until the report (missing). */
  workingDaysLate?: number;
  /** The latest submission's values. */
  values?: FormValues;
}

export interface ReportCounts {
  /** Units the obligation applies to. */
  total: number;
  onTime: number;
  late: number;
  missing: number;
  waived: number;
  notYetDue: number;
  /** onTime / (total − waived − notYetDue), 0..1; absent when no unit was due. */
  onTimeRate?: number;
}

export type ReportField = Pick<FormFieldRule, 'key' | 'label' | 'type'>;

/** An integer or number field: the sum over the units that gave it. */
export interface SumIndicator {
  kind: 'sum';
  field: ReportField;
  total: number;
  /** Units that gave a value. */
  reported: number;
}

/** A percent field: the mean over the units that gave it, never over missing ones. */
export interface AverageIndicator {
  kind: 'average';
  field: ReportField;
  /** Absent when no unit gave a value. */
  average?: number;
  reported: number;
}

/** A yes/no field: how many units said yes and no. */
export interface YesNoIndicator {
  kind: 'yes-no';
  field: ReportField;
  yes: number;
  no: number;
}

/** A text or date field: each unit's answer, in the units' order. */
export interface TextIndicator {
  kind: 'text';
  field: ReportField;
  answers: { unit: { id: string; name: string }; text: string }[];
}

export type Indicator = SumIndicator | AverageIndicator | YesNoIndicator | TextIndicator;

/** A numeric indicator against another report: the previous period of this cycle, or last year's. */
export interface IndicatorChange {
  key: string;
  label: string;
  kind: 'sum' | 'average';
  current?: number;
  previous?: number;
  /** current − previous, when both exist. */
  change?: number;
}

export interface ReportComparison {
  basis: 'previous-period' | 'previous-year';
  /** The report compared against. */
  against: { planId: string; year: number; obligationId: string; obligationTitle: string };
  counts: ReportCounts;
  /** Indicators the two reports share (by field key), in this report's order. */
  changes: IndicatorChange[];
}

/**
 * The consolidated report of one reported obligation of one cycle: what Phòng Nội vụ sends UBND huyện (seed III.1),
 * computed by `consolidateReport` (pure) and rendered as DOCX, CSV, XLSX, HTML and JSON.
 */
export interface ConsolidatedReport {
  cycle: { planId: string; year: number };
  plan: {
    id: string;
    title: string;
    /** e.g. "Kế hoạch số .../KH-UBND tháng 4/2022 của UBND huyện Ia Pa". */
    reference?: string;
    /** The body that issued the plan (UBND huyện), to which the report goes. */
    issuer: string;
    place: string;
  };
  /** The office that aggregates and signs the draft (Phòng Nội vụ), and its head (the signature block). */
  supervisor: { id: string; name: string; head?: { name: string; title: string } };
  /** The plan's leadership (Nơi nhận). */
  leadership: { name: string; title: string }[];
  obligation: { id: string; title: string; nominalDueDate: string };
  /** When the report was made (ISO, plan time): the aggregation instant, or the moment it was asked for. */
  at: string;
  /** The re-aggregation once the last outstanding unit is in. */
  final: boolean;
  counts: ReportCounts;
  /** Every unit, in the plan's order. */
  units: ReportUnitLine[];
  /** Late units, the latest first. */
  lateUnits: ReportUnitLine[];
  /** Missing units, the longest overdue first. */
  missingUnits: ReportUnitLine[];
  fields: ReportField[];
  /** One per form field, in form order. */
  indicators: Indicator[];
  /** Against the previous period of this cycle and against last year's cycle, when they exist. */
  comparisons: ReportComparison[];
}
