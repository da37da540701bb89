import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { BenchContext } from './bench-context';
import { remindersPlanFile } from './plans';
import type { SunkMessage } from './smtp-sink';
import { startCycle } from './start-cycle';

export interface DueMomentRun {
  /** The reminder instant, on the machine's clock (ms). */
  instantMs: number;
  /** The messages of the moment, in arrival order. */
  messages: SunkMessage[];
  /** ms after the instant each one arrived, sorted. */
  lateness: number[];
}

/**
 * A cycle of `units` communes with `people` addresses each whose first reminder falls at one instant, shortly after
 * every unit workflow runs; resolves once the sink has one message per address. The lead before the instant is sized
 * from the start rate measured earlier in the run (or a cautious default), since the plan clock is fixed at start.
 */
export async function runDueMoment(
  { stack, results }: BenchContext,
  units: number,
  people: number,
  year: number,
): Promise<DueMomentRun> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'dondoc-bench-due-'));
  try {
    const plan = await remindersPlanFile(dir, units, people);
    const rate = results.shared.get('unitsPerSecond') ?? 20;
    const leadMs = Math.max(20_000, (3 * units * 1000) / rate + 15_000);
    let instantMs = 0;
    stack.sink.reset();
    const started = await startCycle(stack, plan.file, year, (prepared) => {
      const first = prepared.schedule.items[0]!.events[0]!;
      instantMs = Date.now() + leadMs;
      return Date.parse(first.at) - instantMs;
    });
    if (Date.now() >= instantMs) {
      throw new Error(
        `${units} units took ${started.seconds.toFixed(0)} s to run, past the reminder instant ${leadMs} ms after the start`,
      );
    }
    console.error(
      `  ${units}×${people}: every unit runs; reminders due in ${((instantMs - Date.now()) / 1000).toFixed(0)} s`,
    );
    await stack.sink.waitFor(plan.addresses, (n) => console.error(`  ${n}/${plan.addresses} reminders arrived…`));
    const messages = stack.sink.messages.slice(0, plan.addresses);
    const lateness = messages.map((m) => m.receivedAt - instantMs).sort((a, b) => a - b);
    return { instantMs, messages, lateness };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
