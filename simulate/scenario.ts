import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';
import { AppError } from '../domain/errors';
import { formatIssuePath } from '../domain/issue-path';
import type { Plan } from '../domain/plan/plan-schema';
import { IsoDateSchema } from '../domain/plan/primitives';
import { unitsOfObligation } from '../domain/plan/units-of-obligation';
import { PLAN_UTC_OFFSET } from '../domain/plan-time';

const Instant = z
  .string()
  .refine(
    (text) => /[+-]\d{2}:\d{2}$|Z$/.test(text) && !Number.isNaN(Date.parse(text)),
    `must be an ISO instant with offset, e.g. "2022-05-09T15:00:00${PLAN_UTC_OFFSET}"`,
  );

const Target = { unit: z.string().min(1), obligation: z.string().min(1), at: Instant };

/** The scenario file of CONTRACTS.md §5: who submits, gets an extension or a waiver, and when (plan time). */
export const ScenarioSchema = z.strictObject({
  submissions: z
    .array(
      z.strictObject({
        ...Target,
        values: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
        documentNumber: z.string().optional(),
        documentDate: IsoDateSchema.optional(),
        submittedBy: z.string().optional(),
      }),
    )
    .default([]),
  extensions: z.array(z.strictObject({ ...Target, newDueDate: IsoDateSchema, reason: z.string().min(1) })).default([]),
  waivers: z.array(z.strictObject({ ...Target, reason: z.string().min(1) })).default([]),
});
export type Scenario = z.infer<typeof ScenarioSchema>;

/** Reads a scenario and checks every unit and obligation against the plan; problems exit 2 with their path. */
export function loadScenario(file: string, plan: Plan): Scenario {
  let data: unknown;
  try {
    data = parse(readFileSync(file, 'utf8'));
  } catch (err) {
    const reason =
      (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (err as Error).message.split('\n')[0];
    throw new AppError(
      (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'FILE_NOT_FOUND' : 'USAGE',
      `${file}: ${reason}`,
    );
  }
  const parsed = ScenarioSchema.safeParse(data ?? {});
  if (!parsed.success) {
    const lines = parsed.error.issues.map(
      (issue) => `${file}: ${formatIssuePath(issue.path) || '(top level)'}: ${issue.message}`,
    );
    throw new AppError('USAGE', lines.join('\n'));
  }
  const problems: string[] = [];
  for (const section of ['submissions', 'extensions', 'waivers'] as const) {
    parsed.data[section].forEach((entry, i) => {
      const obligation = plan.obligations.find((o) => o.id === entry.obligation);
      if (!obligation) problems.push(`${file}: ${section}[${i}].obligation: unknown obligation "${entry.obligation}"`);
      else if (!unitsOfObligation(plan, obligation).some((u) => u.id === entry.unit)) {
        problems.push(
          `${file}: ${section}[${i}].unit: "${entry.unit}" is not a unit of obligation "${entry.obligation}"`,
        );
      }
    });
  }
  if (problems.length > 0) throw new AppError('USAGE', problems.join('\n'));
  return parsed.data;
}
