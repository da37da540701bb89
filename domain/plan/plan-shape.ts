import { z } from 'zod';
import { CalendarOverrideSchema } from '../calendar/calendar-data';
import { DEFAULT_MESSAGES_PER_DAY } from '../dispatch/message-limits';
import { PLAN_TIME_ZONE } from '../plan-time';
import {
  EmailSchema,
  IdSchema,
  IsoDateSchema,
  MonthDaySchema,
  PhoneSchema,
  TextSchema,
  TimeOfDaySchema,
} from './primitives';

export const UNIT_KINDS = ['department', 'public-service-unit', 'commune'] as const;
export const UnitKindSchema = z.enum(UNIT_KINDS);
export type UnitKind = z.infer<typeof UnitKindSchema>;

export const PersonSchema = z.strictObject({
  name: TextSchema,
  title: TextSchema.optional(),
  email: EmailSchema.optional(),
  phone: PhoneSchema.optional(),
  /** The person's id as a follower of the Zalo Official Account (OA text messages). */
  zaloUserId: TextSchema.optional(),
});
export type Person = z.infer<typeof PersonSchema>;

export const UnitSchema = z.strictObject({
  id: IdSchema,
  name: TextSchema,
  shortName: TextSchema.optional(),
  kind: UnitKindSchema,
  head: PersonSchema.refine((head) => head.email ?? head.phone, {
    message: 'needs an email or a phone, or the unit can never be reminded',
  }),
  contacts: z.array(PersonSchema).default([]),
});
export type Unit = z.infer<typeof UnitSchema>;

const WorkingDayCount = z.number().int('must be a whole number of working days').min(0).max(250);

export const RemindersSchema = z.strictObject({
  workingDaysBefore: z
    .array(WorkingDayCount)
    .refine((days) => days.every((day, i) => i === 0 || day < (days[i - 1] ?? Infinity)), {
      message: 'must be in decreasing order without repeats, e.g. [10, 5, 2, 1, 0]',
    }),
  at: TimeOfDaySchema.default('08:00'),
});
export type Reminders = z.infer<typeof RemindersSchema>;

export const RECIPIENT_GROUPS = ['unit', 'supervisor', 'leadership'] as const;
export const RecipientGroupSchema = z.enum(RECIPIENT_GROUPS);
export type RecipientGroup = z.infer<typeof RecipientGroupSchema>;

export const EscalationLevelSchema = z.strictObject({
  workingDaysAfter: WorkingDayCount.min(1, 'must be at least 1: the due date itself is still on time'),
  notify: z
    .array(RecipientGroupSchema)
    .min(1, 'must name at least one of unit, supervisor, leadership')
    .refine((groups) => new Set(groups).size === groups.length, 'must not repeat a group'),
  at: TimeOfDaySchema.default('08:00'),
});
export const EscalationSchema = z
  .array(EscalationLevelSchema)
  .refine(
    (levels) => levels.every((level, i) => i === 0 || level.workingDaysAfter > (levels[i - 1]?.workingDaysAfter ?? 0)),
    { message: 'levels must come in increasing order of workingDaysAfter' },
  );
export type EscalationLevel = z.infer<typeof EscalationLevelSchema>;

export const DueSchema = z.union([
  z.strictObject({ date: z.union([MonthDaySchema, IsoDateSchema]) }),
  z.strictObject({ daysAfterIssue: z.number().int().min(0).max(366) }),
]);
export type Due = z.infer<typeof DueSchema>;

export const AppliesToSchema = z
  .strictObject({
    kinds: z.array(UnitKindSchema).optional(),
    units: z.array(IdSchema).optional(),
    exclude: z.array(IdSchema).optional(),
  })
  .refine((rule) => rule.kinds ?? rule.units, 'must name kinds and/or units');
export type AppliesTo = z.infer<typeof AppliesToSchema>;

export const ObligationSchema = z.strictObject({
  id: IdSchema,
  title: TextSchema,
  appliesTo: AppliesToSchema,
  due: DueSchema,
  ifNonWorkingDay: z.enum(['next', 'previous', 'keep']).default('next'),
  deliverable: z.enum(['document', 'report']),
  form: IdSchema.optional(),
  aggregate: z
    .strictObject({
      workingDaysAfterDue: WorkingDayCount.min(1, 'must be at least 1: units may submit until 24:00 of the due date'),
      at: TimeOfDaySchema.default('08:00'),
    })
    .optional(),
  reminders: RemindersSchema.optional(),
  escalation: EscalationSchema.optional(),
  repeatEveryWorkingDays: WorkingDayCount.optional(),
});
export type Obligation = z.infer<typeof ObligationSchema>;

export const FORM_FIELD_TYPES = ['integer', 'number', 'percent', 'text', 'date', 'boolean'] as const;
export const FormFieldSchema = z.strictObject({
  key: IdSchema,
  label: TextSchema,
  type: z.enum(FORM_FIELD_TYPES),
  min: z.number().optional(),
  max: z.number().optional(),
  required: z.boolean().default(false),
  help: TextSchema.optional(),
});
export type FormField = z.infer<typeof FormFieldSchema>;

export const FormSchema = z.strictObject({
  title: TextSchema.optional(),
  fields: z.array(FormFieldSchema).min(1, 'a form needs at least one field'),
});
export type Form = z.infer<typeof FormSchema>;

const MessagesPerDaySchema = z.strictObject({
  unit: z.number().int().min(1).default(DEFAULT_MESSAGES_PER_DAY.unit),
  supervisor: z.number().int().min(1).default(DEFAULT_MESSAGES_PER_DAY.supervisor),
  leadership: z.number().int().min(1).default(DEFAULT_MESSAGES_PER_DAY.leadership),
});

export const DEFAULT_REMINDERS = { workingDaysBefore: [10, 5, 2, 1, 0], at: '08:00' };
/** The ladder of CONTRACTS.md §1; a plan without leadership stops at Phòng Nội vụ. */
export function defaultEscalation(hasLeadership: boolean): EscalationLevel[] {
  return [
    { workingDaysAfter: 1, notify: ['unit'], at: '08:00' },
    { workingDaysAfter: 3, notify: ['unit', 'supervisor'], at: '08:00' },
    {
      workingDaysAfter: 7,
      notify: hasLeadership ? ['unit', 'supervisor', 'leadership'] : ['unit', 'supervisor'],
      at: '08:00',
    },
  ];
}

export const PlanShape = z.strictObject({
  id: IdSchema,
  title: TextSchema,
  issuer: TextSchema,
  /** Used in documents: "Ia Pa, ngày 10 tháng 5 năm 2022". */
  place: TextSchema.optional(),
  /** The plan's own document reference, e.g. "Kế hoạch số 45/KH-UBND ngày 20/4/2022". */
  reference: TextSchema.optional(),
  /** Default issue date of a yearly cycle (MM-DD), when `cycle start` gets no --issued-on. */
  issuedOn: MonthDaySchema.optional(),
  timezone: z
    .literal(PLAN_TIME_ZONE, `only ${PLAN_TIME_ZONE} is supported: the calendar is Vietnam’s`)
    .default(PLAN_TIME_ZONE),
  supervisor: IdSchema,
  leadership: z.array(PersonSchema).default([]),
  calendar: z
    .strictObject({
      overrides: z.array(CalendarOverrideSchema).default([]),
      /** Ngày Văn hóa Việt Nam (24/11) as a day off, pending the amendment of Bộ luật Lao động Điều 112. */
      culturalDay: z.boolean().default(false),
    })
    .default({ overrides: [], culturalDay: false }),
  units: z.array(UnitSchema).min(1, 'a plan needs at least one unit'),
  defaults: z
    .strictObject({
      reminders: RemindersSchema.default(DEFAULT_REMINDERS),
      /** Defaults to `defaultEscalation()`, filled in by PlanSchema once leadership is known. */
      escalation: EscalationSchema.optional(),
      repeatEveryWorkingDays: WorkingDayCount.default(5),
      /**
       * Messages a person may get per day on each channel, by their role in the plan (the strictest of their roles);
       * what exceeds it waits for the next working day's message and goes out in it, never dropped.
       */
      messagesPerDay: MessagesPerDaySchema.default(DEFAULT_MESSAGES_PER_DAY),
    })
    .default({
      reminders: DEFAULT_REMINDERS,
      repeatEveryWorkingDays: 5,
      messagesPerDay: DEFAULT_MESSAGES_PER_DAY,
    }),
  obligations: z.array(ObligationSchema).min(1, 'a plan needs at least one obligation'),
  forms: z.record(IdSchema, FormSchema).default({}),
});

export type PlanShapeOutput = z.infer<typeof PlanShape>;
