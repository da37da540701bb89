import { performance } from 'node:perf_hooks';
import nodemailer from 'nodemailer';
import type { BenchContext } from './bench-context';
import { POOL_SIZE } from './bench-stack';
import { runDueMoment } from './due-moment';

/**
 * Due reminders delivered through the worker (cycle moment → status reads → render → ledger claim → pooled SMTP →
 * notification centre row) to the local sink, against bare pooled nodemailer sending the very same messages (their
 * raw text, as the sink received them) to the same sink over as many connections.
 */
export async function benchEmail(context: BenchContext): Promise<void> {
  const { stack, results, sizes } = context;
  const run = await runDueMoment(context, sizes.emailUnits, sizes.emailPeoplePerUnit, 2032);
  const count = run.messages.length;
  const workerSeconds = run.lateness[run.lateness.length - 1]! / 1000;
  const workerRate = count / workerSeconds;

  stack.sink.reset();
  const transport = nodemailer.createTransport({ url: stack.sink.url, pool: true, maxConnections: POOL_SIZE });
  const started = performance.now();
  try {
    await Promise.all(
      run.messages.map((message) =>
        transport.sendMail({
          envelope: { from: 'dondoc@ia-pa.example', to: message.rcptTo },
          raw: message.raw!,
        }),
      ),
    );
  } finally {
    transport.close();
  }
  const baselineRate = count / ((performance.now() - started) / 1000);
  stack.sink.reset();
  results.add({
    bench: 'email',
    measurement: `${count} due reminders through the worker to an SMTP sink`,
    figure: workerRate,
    unit: 'msg/s',
    baseline: { figure: baselineRate, what: `bare pooled nodemailer (${POOL_SIZE} connections), same messages` },
    ratio: workerRate / baselineRate,
    aim: { ratioAtLeast: 0.9 },
    note: `${sizes.emailUnits} units × ${sizes.emailPeoplePerUnit} people; last one ${workerSeconds.toFixed(1)} s after the instant`,
  });
}
