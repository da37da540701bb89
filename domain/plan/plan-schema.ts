import type { z } from 'zod';
import { crossCheckPlan } from './cross-checks';
import { PlanShape } from './plan-shape';

export * from './plan-shape';

/** The plan file (CONTRACTS.md §1), with every cross-reference checked. */
export const PlanSchema = PlanShape.superRefine(crossCheckPlan);
export type Plan = z.infer<typeof PlanSchema>;
export type PlanInput = z.input<typeof PlanSchema>;
