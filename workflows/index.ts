// The workflow bundle's entry point: every workflow type the worker serves is exported here.
// Only sandbox-safe code may be imported from this folder (see docs/ARCHITECTURE.md).
export { unitWorkflow } from './unit-workflow';
export { cycleWorkflow } from './cycle-workflow';
export { yearlyCycleWorkflow } from './yearly-cycle-workflow';
