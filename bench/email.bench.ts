import { performance } from 'node:perf_hooks';
import nodemailer from 'nodemailer';
import { SMTPServer } from 'smtp-server';
import { createMailer } from '../channels/email/mailer';
import { messageIdForKey } from '../channels/email/message-id';
import { renderEmail, type RenderedEmail } from '../channels/email/render-email';
import type { DeadlineNotification } from '../domain/notifications/notification';
import { printColumns } from './measure';

const EMAILS = 5_000;
/**
 * The baseline pays a new connection per email, which smtp-server (like real MTAs) greets only after a 100 ms
 * early-talker pause: its rate is flat in the count, so a tenth of the emails measures it and keeps the run short.
 */
const BASELINE_EMAILS = 500;
/** Sends in flight at once, as a worker running many activities would have. */
const CONCURRENCY = 20;
const POOL_SIZE = 5;
const FROM = '"Hệ thống đôn đốc" <dondoc@ia-pa.example>';
const TO = [{ name: 'Chủ tịch UBND xã Ia Tul', email: 'chu-tich@ia-tul.example' }];

interface Row {
  name: string;
  emails: number;
  ms: number;
  note?: string;
  /** Not a transport: shown for scale, without a ratio. */
  standalone?: boolean;
}

function notification(i: number): DeadlineNotification {
  const scheduledAt = '2022-11-03T08:00:00+07:00';
  return {
    kind: 'escalation',
    key: `bench/${i}`,
    scheduledAt,
    plan: {
      id: 'dvcq-ia-pa',
      title: 'Kế hoạch triển khai thực hiện công tác Dân vận chính quyền',
      issuer: 'Ủy ban nhân dân huyện Ia Pa',
      year: 2022,
    },
    supervisorName: 'Phòng Nội vụ huyện',
    unit: { id: `xa-${i}`, name: `UBND xã số ${i}` },
    level: 2,
    obligations: [
      {
        id: 'bao-cao-nam',
        title: 'Báo cáo kết quả thực hiện công tác Dân vận chính quyền năm 2022',
        nominalDueDate: '2022-10-30',
        dueDate: '2022-10-31',
        workingDaysLeft: -3,
        submissionUrl: `https://dondoc.example/s/${i}`,
      },
    ],
    nextEscalation: { level: 3, at: '2022-11-09T08:00:00+07:00', audiences: ['unit', 'supervisor', 'leadership'] },
  };
}

/** An SMTP server that accepts and discards: the bench measures our side, not a mailbox. */
async function startSink(): Promise<{ url: string; connections: () => number; close: () => Promise<void> }> {
  let connections = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    disableReverseLookup: true,
    logger: false,
    closeTimeout: 100,
    onConnect: (_session, callback) => {
      connections++;
      callback();
    },
    onData: (stream, _session, callback) => {
      stream.on('end', () => callback());
      stream.resume();
    },
  });
  const port = await new Promise<number>((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const address = server.server.address();
      resolve(typeof address === 'object' && address ? address.port : 0);
    }),
  );
  return {
    url: `smtp://127.0.0.1:${port}`,
    connections: () => connections,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

async function runConcurrently(count: number, send: (i: number) => Promise<unknown>): Promise<number> {
  let next = 0;
  const start = performance.now();
  const lane = async (): Promise<void> => {
    while (next < count) await send(next++);
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, lane));
  return performance.now() - start;
}

function printRows(title: string, rows: readonly Row[], baseline: Row): void {
  const rate = (row: Row): number => (row.emails * 1000) / row.ms;
  const lines = rows.map((row) => [
    row.name,
    String(row.emails),
    row.ms.toFixed(0),
    rate(row).toFixed(0),
    row === baseline ? 'baseline' : row.standalone ? '' : `${(rate(row) / rate(baseline)).toFixed(1)}× the rate`,
    row.note ?? '',
  ]);
  printColumns(title, ['case', 'emails', 'total ms', 'emails/s', 'vs baseline', 'note'], lines);
}

export async function benchEmail(): Promise<void> {
  const renderStart = performance.now();
  const emails: RenderedEmail[] = Array.from({ length: EMAILS }, (_, i) => renderEmail(notification(i), 'unit'));
  const renderMs = performance.now() - renderStart;
  const render: Row = {
    name: 'renderEmail alone (HTML + text + .ics)',
    emails: EMAILS,
    ms: renderMs,
    standalone: true,
  };

  const sink = await startSink();
  try {
    const plainMs = await runConcurrently(BASELINE_EMAILS, async (i) => {
      const email = emails[i]!;
      const transport = nodemailer.createTransport({ url: sink.url, pool: false });
      try {
        await transport.sendMail({
          from: FROM,
          to: TO.map((c) => ({ name: c.name, address: c.email })),
          ...email,
          messageId: messageIdForKey(email.headers['X-Dondoc-Key']!, 'ia-pa.example'),
        });
      } finally {
        transport.close();
      }
    });
    const plainConnections = sink.connections();
    const plain: Row = { name: 'nodemailer, new transport per email', emails: BASELINE_EMAILS, ms: plainMs };
    plain.note = `${plainConnections} SMTP connections`;

    const mailer = createMailer({ smtpUrl: sink.url, from: FROM, poolSize: POOL_SIZE });
    const pooledMs = await runConcurrently(EMAILS, (i) => mailer.send({ to: TO, ...emails[i]! }));
    mailer.close();
    const pooled: Row = { name: `createMailer, pooled (${POOL_SIZE} connections)`, emails: EMAILS, ms: pooledMs };
    pooled.note = `${sink.connections() - plainConnections} SMTP connections`;

    printRows(
      `Email: ${EMAILS} rendered emails to a local SMTP sink, ${CONCURRENCY} in flight`,
      [plain, pooled, render],
      plain,
    );
  } finally {
    await sink.close();
  }
}

if (require.main === module) {
  benchEmail().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
