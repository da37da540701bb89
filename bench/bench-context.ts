import type { BenchStack } from './bench-stack';
import type { ResultCollector } from './results';

/** How big each measurement is: the sizes, or `--quick` ones for development. */
export interface BenchSizes {
  compileUnits: number;
  startUnits: number;
  emailUnits: number;
  emailPeoplePerUnit: number;
  latenessUnits: number;
  simulateUnits: number;
  dashboardUnits: number;
}

export const FULL_SIZES: BenchSizes = {
  compileUnits: 10_000,
  startUnits: 2_000,
  emailUnits: 1_000,
  emailPeoplePerUnit: 5,
  latenessUnits: 1_000,
  simulateUnits: 1_000,
  dashboardUnits: 10_000,
};

export const QUICK_SIZES: BenchSizes = {
  compileUnits: 1_000,
  startUnits: 1_000,
  emailUnits: 100,
  emailPeoplePerUnit: 5,
  latenessUnits: 100,
  simulateUnits: 100,
  dashboardUnits: 500,
};

export interface BenchContext {
  stack: BenchStack;
  results: ResultCollector;
  sizes: BenchSizes;
}
