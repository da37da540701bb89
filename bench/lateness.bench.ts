import type { BenchContext } from './bench-context';
import { runDueMoment } from './due-moment';
import { percentile } from './results';

/** How long after their instant reminders due all at once arrive at the SMTP sink (one person per unit). */
export async function benchLateness(context: BenchContext): Promise<void> {
  const { results, sizes } = context;
  const run = await runDueMoment(context, sizes.latenessUnits, 1, 2033);
  const count = run.lateness.length;
  for (const [label, value] of [
    ['p50', percentile(run.lateness, 50)],
    ['p99', percentile(run.lateness, 99)],
    ['max', run.lateness[count - 1]!],
  ] as const) {
    results.add({
      bench: 'lateness',
      measurement: `lateness of ${count} reminders due at one instant, ${label}`,
      figure: value / 1000,
      unit: 's',
    });
  }
  context.stack.sink.reset();
}
