import { startImapPoller, type ImapPollerOptions } from '../../../inbound/transports/imap-poller';
import { startDovecot, type Dovecot } from './dovecot';
import { capturedLogger, recordingHandler, replyEmail } from './recording';

let dovecot: Dovecot;

beforeAll(async () => {
  dovecot = await startDovecot({ tls: true });
  const client = await dovecot.client();
  await client.append('INBOX', replyEmail('<over-tls@example.vn>'));
  await client.logout();
}, 120_000);

afterAll(async () => {
  await dovecot?.stop();
});

function poll(extra: Pick<ImapPollerOptions, 'port' | 'secure' | 'tlsRejectUnauthorized'>) {
  const handler = recordingHandler();
  const { logger, lines } = capturedLogger();
  const poller = startImapPoller({
    host: dovecot.host,
    user: dovecot.user,
    password: dovecot.password,
    pollMs: 500,
    deliver: handler.deliver,
    logger,
    reconnect: { initialMs: 100, maxMs: 1000 },
    ...extra,
  });
  return { handler, lines, poller };
}

async function until(condition: () => boolean, what: string): Promise<void> {
  for (let tries = 0; tries < 600 && !condition(); tries++) await new Promise((resolve) => setTimeout(resolve, 100));
  if (!condition()) throw new Error(`never: ${what}`);
}

test.each([
  ['imaps', true],
  ['imap with STARTTLS', false],
])('%s: a certificate that cannot be verified is refused (INBOUND_IMAP_TLS_REJECT_UNAUTHORIZED)', async (_, secure) => {
  const port = secure ? (dovecot.tlsPort ?? 0) : dovecot.port;
  const { handler, lines, poller } = poll({ port, secure, tlsRejectUnauthorized: true });
  try {
    await until(() => lines.some((line) => line.msg.includes('session failed')), 'the refused session is logged');
  } finally {
    await poller.stop();
  }
  expect(handler.calls()).toBe(0);
  expect(JSON.stringify(lines)).toMatch(/self[- ]signed certificate/i);
});

test('imaps with verification off (a self-signed server): the mail is handed over', async () => {
  const { handler, poller } = poll({ port: dovecot.tlsPort ?? 0, secure: true, tlsRejectUnauthorized: false });
  try {
    await handler.until(() => handler.delivered.length === 1);
  } finally {
    await poller.stop();
  }
  expect(handler.delivered.map((d) => d.messageId)).toEqual(['<over-tls@example.vn>']);
});
