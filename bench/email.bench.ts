import { performance } from 'node:perf_hooks';
import { simpleParser } from 'mailparser';
import nodemailer from 'nodemailer';
import type { BenchContext } from './bench-context';
import { POOL_SIZE } from './bench-stack';
import { runDueMoment } from './due-moment';

/**
 * Due reminders delivered through the worker (cycle moment → status reads → render → ledger claim → pooled SMTP →
 * notification centre row) to the local sink, against bare pooled nodemailer sending the very same pre-rendered
 * messages (subject, text, HTML, headers and attachments parsed back from what the sink received, so that nodemailer
 * composes the MIME as it does for the worker) to the same sink over as many connections, all queued at once.
 */
export async function benchEmail(context: BenchContext): Promise<void> {
  const { stack, results, sizes } = context;
  const run = await runDueMoment(context, sizes.emailUnits, sizes.emailPeoplePerUnit, 2032);
  const count = run.messages.length;
  const workerSeconds = run.lateness[run.lateness.length - 1]! / 1000;
  const workerRate = count / workerSeconds;

  const rendered = await Promise.all(
    run.messages.map(async (message) => {
      const parsed = await simpleParser(message.raw!);
      const headers: Record<string, string> = {};
      for (const [name, value] of parsed.headers)
        if (name.startsWith('x-') && typeof value === 'string') headers[name] = value;
      return {
        from: parsed.from?.text ?? 'dondoc@ia-pa.example',
        to: message.rcptTo,
        subject: parsed.subject ?? '',
        text: parsed.text ?? '',
        html: parsed.html || undefined,
        headers,
        attachments: parsed.attachments.map((a) => ({
          filename: a.filename,
          content: a.content,
          contentType: a.contentType,
        })),
      };
    }),
  );
  stack.sink.reset();
  const transport = nodemailer.createTransport({ url: stack.sink.url, pool: true, maxConnections: POOL_SIZE });
  const started = performance.now();
  try {
    await Promise.all(rendered.map((message) => transport.sendMail(message)));
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
    baseline: {
      figure: baselineRate,
      what: `bare pooled nodemailer (${POOL_SIZE} connections), same messages pre-rendered`,
    },
    ratio: workerRate / baselineRate,
    aim: { ratioAtLeast: 0.9 },
    note: `${sizes.emailUnits} units × ${sizes.emailPeoplePerUnit} people; last one ${workerSeconds.toFixed(1)} s after the instant`,
  });
}
