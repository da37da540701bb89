import { benchCompileSchedule } from './compile-schedule.bench';

// Every benchmark prints a table against a baseline measured in the same run; none is a test.
benchCompileSchedule();
