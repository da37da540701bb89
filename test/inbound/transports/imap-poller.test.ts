import type { ImapFlow } from 'imapflow';
import { startImapPoller, type ImapPoller, type ImapPollerOptions } from '../../../inbound/transports/imap-poller';
import { freePort } from '../../../workers/port-check';
import { startDovecot, type Dovecot } from './dovecot';
import { trackHandles } from './open-handles';
import { capturedLogger, recordingHandler, replyEmail } from './recording';

let dovecot: Dovecot;
let imap: ImapFlow;

beforeAll(async () => {
  dovecot = await startDovecot();
  imap = await dovecot.client();
}, 120_000);

afterAll(async () => {
  try {
    await imap?.logout();
  } finally {
    await dovecot?.stop();
  }
});

/** Message-ID → \Seen, for every message of the mailbox. */
async function seenFlags(mailbox: string): Promise<Map<string, boolean>> {
  const flags = new Map<string, boolean>();
  const lock = await imap.getMailboxLock(mailbox);
  try {
    if (imap.mailbox && imap.mailbox.exists > 0) {
      for await (const message of imap.fetch('1:*', { envelope: true, flags: true })) {
        flags.set(message.envelope?.messageId ?? '', message.flags?.has('\\Seen') ?? false);
      }
    }
  } finally {
    lock.release();
  }
  return flags;
}

async function eventually(condition: () => Promise<boolean>, what: string): Promise<void> {
  for (let tries = 0; tries < 600; tries++) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`never: ${what}`);
}

function poller(
  mailbox: string,
  deliver: ImapPollerOptions['deliver'],
  logger: ImapPollerOptions['logger'],
  extra: Partial<ImapPollerOptions> = {},
): ImapPoller {
  return startImapPoller({
    host: dovecot.host,
    port: dovecot.port,
    secure: false,
    user: dovecot.user,
    password: dovecot.password,
    mailbox,
    pollMs: 500,
    deliver,
    logger,
    reconnect: { initialMs: 100, maxMs: 1000 },
    ...extra,
  });
}

const ids = (prefix: string, count: number) =>
  Array.from({ length: count }, (_, i) => `<${prefix}-${i + 1}@example.vn>`);

test('each unseen message reaches the handler once and ends \\Seen; a seen one is left alone; IDLE brings new mail', async () => {
  await imap.mailboxCreate('Once');
  const [first, second, third] = ids('once', 3);
  const old = '<already-read@example.vn>';
  await imap.append('Once', replyEmail(old), ['\\Seen']);
  await imap.append('Once', replyEmail(first!));
  await imap.append('Once', replyEmail(second!));
  const handler = recordingHandler();
  const { logger } = capturedLogger();
  // A poll far longer than the test may wait: the third message can only come through IDLE.
  const running = poller('Once', handler.deliver, logger, { pollMs: 3_600_000 });
  try {
    await handler.until(() => handler.delivered.length === 2);
    await imap.append('Once', replyEmail(third!));
    await handler.until(() => handler.delivered.length === 3);
  } finally {
    await running.stop();
  }
  expect(handler.delivered.map((d) => d.messageId).sort()).toEqual([first, second, third].sort());
  expect(handler.delivered.every((d) => d.source.transport === 'imap' && d.source.receivedAt instanceof Date)).toBe(
    true,
  );
  // The bytes are the message as appended (UTF-8 intact).
  const delivered = handler.delivered.find((d) => d.messageId === first);
  expect(delivered?.raw.toString('utf8')).toContain('Đã nộp báo cáo ngày 30/11/2026.');
  const flags = await seenFlags('Once');
  expect(Object.fromEntries(flags)).toEqual({ [old]: true, [first!]: true, [second!]: true, [third!]: true });
});

test('a handler failure is logged and leaves the message unseen; the next poll delivers it', async () => {
  await imap.mailboxCreate('Failing');
  const [id] = ids('failing', 1);
  await imap.append('Failing', replyEmail(id!));
  const handler = recordingHandler();
  const { logger, lines } = capturedLogger();
  handler.failNext(1);
  const held = handler.hold();
  const running = poller('Failing', handler.deliver, logger);
  try {
    await handler.until(() => handler.failures.length === 1);
    // The retry waits at the gate: the message is still unseen after the failure.
    expect((await seenFlags('Failing')).get(id!)).toBe(false);
    held.open();
    await handler.until(() => handler.delivered.length === 1);
    await eventually(async () => (await seenFlags('Failing')).get(id!) === true, 'the retried message is seen');
  } finally {
    held.open();
    await running.stop();
  }
  expect(handler.failures).toEqual([id]);
  expect(handler.delivered.map((d) => d.messageId)).toEqual([id]);
  const failure = lines.find((line) => line.msg.includes('handler failed'));
  expect(failure).toMatchObject({ level: 50, mailbox: 'Failing', err: 'database is down' });
});

test('a restarted poller does not deliver seen messages again; done mail moves to INBOUND_IMAP_DONE_MAILBOX', async () => {
  await imap.mailboxCreate('Restart');
  await imap.mailboxCreate('Restart-done');
  const [first, second, third] = ids('restart', 3);
  await imap.append('Restart', replyEmail(first!));
  await imap.append('Restart', replyEmail(second!));
  const handler = recordingHandler();
  const { logger } = capturedLogger();
  const options = { doneMailbox: 'Restart-done' };
  const before = poller('Restart', handler.deliver, logger, options);
  try {
    await handler.until(() => handler.delivered.length === 2);
  } finally {
    await before.stop();
  }
  await imap.append('Restart', replyEmail(third!));
  const after = poller('Restart', handler.deliver, logger, options);
  try {
    await handler.until(() => handler.delivered.length === 3);
  } finally {
    await after.stop();
  }
  expect(handler.delivered.map((d) => d.messageId)).toEqual([first, second, third]);
  expect(await seenFlags('Restart')).toEqual(new Map());
  const done = await seenFlags('Restart-done');
  expect(Object.fromEntries(done)).toEqual({ [first!]: true, [second!]: true, [third!]: true });
});

test('a dropped connection is re-opened (with backoff) and polling goes on', async () => {
  await imap.mailboxCreate('Dropped');
  const [first, second] = ids('dropped', 2);
  await imap.append('Dropped', replyEmail(first!));
  const handler = recordingHandler();
  const { logger, lines } = capturedLogger();
  const running = poller('Dropped', handler.deliver, logger);
  try {
    await handler.until(() => handler.delivered.length === 1);
    const connects = () => lines.filter((line) => line.msg === 'inbound IMAP: connected').length;
    expect(connects()).toBe(1);
    await dovecot.kick();
    // The kick drops every session of the user, the test's own too.
    imap.close();
    imap = await dovecot.client();
    await eventually(async () => connects() === 2, 'the poller reconnected');
    await imap.append('Dropped', replyEmail(second!));
    await handler.until(() => handler.delivered.length === 2);
  } finally {
    await running.stop();
  }
  expect(handler.delivered.map((d) => d.messageId)).toEqual([first, second]);
  expect(lines.some((line) => line.msg.includes('reconnecting'))).toBe(true);
});

test('stop() leaves no socket and no timer behind, also while it cannot connect', async () => {
  await imap.mailboxCreate('Stopping');
  await imap.append('Stopping', replyEmail('<stopping@example.vn>'));
  // The test's own client would start timers meanwhile: it is closed while the poller's handles are tracked.
  await imap.logout();
  const handler = recordingHandler();
  const { logger } = capturedLogger();
  const handles = trackHandles();
  try {
    const running = poller('Stopping', handler.deliver, logger);
    await handler.until(() => handler.delivered.length === 1);
    expect(handles.open()).toContain('TCPWRAP');
    await running.stop();
    expect(await handles.settle()).toEqual([]);

    // Nothing listens there: the poller is between two attempts (or in one) when it is stopped.
    const unreachable = startImapPoller({
      host: '127.0.0.1',
      port: await freePort(),
      secure: false,
      user: 'x',
      password: 'y',
      pollMs: 500,
      deliver: handler.deliver,
      logger,
      reconnect: { initialMs: 100, maxMs: 1000 },
    });
    await unreachable.stop();
    expect(await handles.settle()).toEqual([]);
  } finally {
    handles.dispose();
    imap = await dovecot.client();
  }
});
