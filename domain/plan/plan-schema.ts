import type { z } from 'zod';
import { crossCheckPlan } from './cross-checks';
import { defaultEscalation, PlanShape } from './plan-shape';

export * from './plan-shape';

/** The plan file (CONTRACTS.md §1), with every cross-reference checked. */
export const PlanSchema = PlanShape.superRefine(crossCheckPlan).transform((plan) => ({
  ...plan,
  defaults: { ...plan.defaults, escalation: plan.defaults.escalation ?? defaultEscalation(plan.leadership.length > 0) },
}));
export type Plan = z.infer<typeof PlanSchema>;
export type PlanInput = z.input<typeof PlanSchema>;
