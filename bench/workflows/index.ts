// The product's workflows and the bare-SDK baseline's trivial one, in one bundle run by one worker.
export * from '../../workflows';
export { benchSleepWorkflow } from './bench-sleep-workflow';
