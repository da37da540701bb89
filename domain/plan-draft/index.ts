export { compareWithPlan } from './compare';
export { draftPlan, type PlanDraft } from './draft-plan';
export { renderDraft } from './draft-yaml';
export { leftToFill } from './left-to-fill';
