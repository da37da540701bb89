import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import nodemailer from 'nodemailer';
import { EnvSchema, loadConfig } from '../../../config/env';
import { AppError } from '../../../domain/errors';
import { inboundAddress } from '../../../inbound/transports/inbound-address';
import { startInboundTransports, wantsInboundTransports } from '../../../inbound/transports/start-inbound-transports';
import { freePort } from '../../../workers/port-check';
import { startDovecot, type Dovecot } from './dovecot';
import { trackHandles } from './open-handles';
import { capturedLogger, recordingHandler, replyEmail } from './recording';

let dovecot: Dovecot;
let dir: string;

beforeAll(async () => {
  dovecot = await startDovecot();
  dir = await mkdtemp(path.join(os.tmpdir(), 'dondoc-inbound-'));
}, 120_000);

afterAll(async () => {
  await dovecot?.stop();
  await rm(dir, { recursive: true, force: true });
});

test('the settings: INBOUND_ADDRESS defaults to the address in SMTP_FROM; bad values name their variable', () => {
  const env = EnvSchema.parse({});
  expect(inboundAddress(env)).toBe('dondoc@localhost');
  expect(wantsInboundTransports(env)).toBe(false);
  expect(env).toMatchObject({
    INBOUND_IMAP_MAILBOX: 'INBOX',
    INBOUND_POLL_SECONDS: 60,
    INBOUND_IMAP_TLS_REJECT_UNAUTHORIZED: true,
    INBOUND_SMTP_HOST: '127.0.0.1',
    INBOUND_MAX_BYTES: 25 * 1024 * 1024,
  });
  expect(inboundAddress(EnvSchema.parse({ SMTP_FROM: '"Hệ thống đôn đốc" <dondoc@ubnd.gov.vn>' }))).toBe(
    'dondoc@ubnd.gov.vn',
  );
  expect(inboundAddress(EnvSchema.parse({ INBOUND_ADDRESS: 'tra-loi@ubnd.gov.vn' }))).toBe('tra-loi@ubnd.gov.vn');
  for (const [name, value] of [
    ['INBOUND_IMAP_URL', 'https://mail.example.org'],
    ['INBOUND_ADDRESS', 'not an address'],
    ['INBOUND_SMTP_AUTH', 'no-colon'],
    ['INBOUND_POLL_SECONDS', '0'],
    ['INBOUND_SMTP_PORT', '70000'],
  ] as const) {
    let refused: unknown;
    try {
      loadConfig({ [name]: value });
    } catch (err) {
      refused = err;
    }
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).code).toBe('CONFIG_INVALID');
    expect((refused as AppError).message).toMatch(new RegExp(`^${name} `));
  }
});

test('from the environment: the poller (password from a file) and the relay both hand mail over; close() ends both', async () => {
  const passwordFile = path.join(dir, 'imap-password');
  await writeFile(passwordFile, `${dovecot.password}\n`);
  const client = await dovecot.client();
  await client.mailboxCreate('FromEnv');
  await client.append('FromEnv', replyEmail('<by-imap@example.vn>'));
  await client.logout();
  const relayPort = await freePort();
  const env = EnvSchema.parse({
    SMTP_FROM: '"Hệ thống đôn đốc" <dondoc@ubnd.gov.vn>',
    INBOUND_IMAP_URL: `imap://${dovecot.user}:wrong-password@${dovecot.host}:${dovecot.port}`,
    INBOUND_IMAP_PASSWORD_FILE: passwordFile,
    INBOUND_IMAP_MAILBOX: 'FromEnv',
    INBOUND_POLL_SECONDS: '1',
    INBOUND_SMTP_PORT: String(relayPort),
  });
  const handler = recordingHandler();
  const { logger, lines } = capturedLogger();
  const handles = trackHandles();
  try {
    const transports = await startInboundTransports({ env, deliver: handler.deliver, logger });
    expect(transports.describe).toEqual([
      `Inbound IMAP         imap://${dovecot.user}@${dovecot.host}:${dovecot.port}/FromEnv  (every 1 s, IDLE when offered)`,
      `Inbound SMTP relay   smtp://127.0.0.1:${relayPort}  (for dondoc@ubnd.gov.vn)`,
    ]);
    expect(transports.describe.join('\n')).not.toContain(dovecot.password);
    await handler.until(() => handler.delivered.length === 1);
    const transport = nodemailer.createTransport({ host: '127.0.0.1', port: relayPort, ignoreTLS: true });
    await transport.sendMail({
      envelope: { from: 'tuphap@example.vn', to: 'dondoc@ubnd.gov.vn' },
      raw: replyEmail('<by-smtp@example.vn>', 'dondoc@ubnd.gov.vn'),
    });
    transport.close();
    await transports.close();
    expect(await handles.settle()).toEqual([]);
  } finally {
    handles.dispose();
  }
  expect(handler.delivered.map((d) => [d.messageId, d.source.transport])).toEqual([
    ['<by-imap@example.vn>', 'imap'],
    ['<by-smtp@example.vn>', 'smtp'],
  ]);
  expect(lines.filter((line) => line.level >= 40)).toEqual([]);
});

test('an unreadable password file and a taken relay port are refused with their variable named', async () => {
  const handler = recordingHandler();
  const { logger } = capturedLogger();
  const missingFile = EnvSchema.parse({
    INBOUND_IMAP_URL: 'imaps://replies@imap.example.org',
    INBOUND_IMAP_PASSWORD_FILE: path.join(dir, 'missing'),
  });
  const refused = startInboundTransports({ env: missingFile, deliver: handler.deliver, logger });
  await expect(refused).rejects.toBeInstanceOf(AppError);
  await expect(refused).rejects.toMatchObject({ code: 'CONFIG_INVALID', message: /INBOUND_IMAP_PASSWORD_FILE/ });

  const taken = net.createServer();
  const port = await freePort();
  await new Promise<void>((resolve) => taken.listen(port, '127.0.0.1', resolve));
  try {
    const busy = EnvSchema.parse({ INBOUND_SMTP_PORT: String(port) });
    await expect(startInboundTransports({ env: busy, deliver: handler.deliver, logger })).rejects.toMatchObject({
      code: 'PORT_IN_USE',
      message: /INBOUND_SMTP_PORT/,
    });
  } finally {
    await new Promise((resolve) => taken.close(resolve));
  }
});
