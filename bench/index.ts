import { benchCompileSchedule } from './compile-schedule.bench';
import { benchDashboard } from './dashboard.bench';
import { benchEmail } from './email.bench';

// Every benchmark prints a table against a baseline measured in the same run; none is a test.
async function main(): Promise<void> {
  benchCompileSchedule();
  await benchEmail();
  await benchDashboard();
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
