import type { CalendarOverride } from '../calendar/calendar-data';
import type { FormFieldRule } from '../forms/validate-form-values';
import type { ChannelAvailability } from '../notifications/delivery-plan';
import type { Contact, PlanRef, UnitRef } from '../notifications/notification';
import type { EventRules } from '../schedule/compile-schedule';
import type { ScheduleEvent } from '../schedule/schedule-types';
import type { UnitState } from './unit-state';

export interface CycleRef {
  planId: string;
  year: number;
  /** The cycle's issue date, YYYY-MM-DD. */
  issuedOn: string;
}

/** What recompiling an obligation after an extension needs: its rules and the plan's calendar changes. */
export interface ObligationRules extends EventRules {
  calendarOverrides: CalendarOverride[];
  culturalDay: boolean;
}

export interface UnitObligationInput {
  id: string;
  title: string;
  deliverable: 'document' | 'report';
  nominalDueDate: string;
  dueDate: string;
  events: ScheduleEvent[];
  /** The report form, for validating submitted values. */
  form?: { id: string; fields: FormFieldRule[] };
  rules: ObligationRules;
  /** The unit's signed submission link for this obligation (issue #6). */
  submissionUrl?: string;
}

/** The input of `unitWorkflow`: everything the unit's year needs, as plain JSON. */
export interface UnitWorkflowInput {
  cycle: CycleRef;
  plan: PlanRef;
  supervisorName: string;
  unit: UnitRef;
  audiences: { unit: Contact[]; supervisor: Contact[]; leadership: Contact[] };
  obligations: UnitObligationInput[];
  channels: ChannelAvailability;
  /** Upsert the dondoc search attributes (the server must have them registered). @defaultValue true */
  searchAttributes?: boolean;
  /**
   * Plan time minus server time, in ms: 0 in production. \`dondoc simulate\` and the tests run a past or future
   * year on a test server whose clock starts today, so the workflow reads and sleeps in shifted time.
   */
  clockShiftMs?: number;
  /** Signal the cycle workflow (`dondoc/<plan>/<year>`) when an obligation is resolved. @defaultValue false */
  notifyCycle?: boolean;
  /**
   * The search attribute values the start already set (`serializeUnitSearchValues`): the first run's first task
   * upserts only if they changed since. Absent: it upserts them all.
   */
  searchAttributesAtStart?: string;
  /** Carried across continue-as-new; absent on the first run. */
  state?: UnitState;
}
