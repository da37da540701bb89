import path from 'node:path';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';
import { emlFileName, writeEmlFile } from './eml-store';
import { type ReplyRule, ReplyRules } from './reply-rules';

export interface SmtpCaptureOptions {
  /** @defaultValue `127.0.0.1` */
  host?: string;
  /** 0 picks a free port. @defaultValue 0 */
  port?: number;
  /** Where `.eml` files go; `null` keeps messages in memory only. @defaultValue `data/mail` under the working directory */
  dir?: string | null;
  /** Waits this long before acknowledging each message, like a busy server (load tests). @defaultValue 0 */
  dataDelayMs?: number;
  /** How long `close()` lets open client connections finish before cutting them, in ms. @defaultValue 200 */
  closeTimeoutMs?: number;
  /**
   * Called with each message once stored, before the client gets its 250: a failure answers 451, so the client
   * delivers again later (dondoc's inbound mail, in embedded mode). The hook decides which messages are its own.
   */
  onMessage?: (message: CapturedMessage) => Promise<void>;
}

export interface CapturedMessage {
  messageId?: string;
  envelope: { mailFrom: string | undefined; rcptTo: string[] };
  /** The user name the client logged in with, if it did. */
  user?: string;
  raw: Buffer;
  parsed: ParsedMail;
  receivedAt: Date;
  /** The `.eml` file, when the capture writes files. */
  file?: string;
}

export interface SmtpCapture {
  /** `smtp://127.0.0.1:<port>`, for SMTP_URL. */
  url: string;
  host: string;
  port: number;
  messages(): CapturedMessage[];
  /** Resolves once `count` messages have arrived in all. */
  waitFor(count: number, timeoutMs?: number): Promise<CapturedMessage[]>;
  /** TCP connections accepted so far. */
  connectionCount(): number;
  /** Scripts a reply (reject a recipient with 550, defer with 451…). */
  reply(rule: ReplyRule): void;
  clearRules(): void;
  close(): Promise<void>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function readAll(stream: SMTPServerDataStream): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.once('end', () => resolve(Buffer.concat(chunks)));
    stream.once('error', reject);
  });
}

/**
 * A local SMTP server that accepts every message (no TLS, any or no credentials) and keeps it: the mail sink of
 * `dondoc simulate` and of the email tests. Not for untrusted networks.
 */
export async function startSmtpCapture(options: SmtpCaptureOptions = {}): Promise<SmtpCapture> {
  const host = options.host ?? '127.0.0.1';
  const dir = options.dir === undefined ? path.resolve('data', 'mail') : options.dir;
  const captured: CapturedMessage[] = [];
  const waiters = new Set<() => void>();
  const rules = new ReplyRules();
  let connections = 0;
  let sequence = 0;

  async function store(stream: SMTPServerDataStream, session: SMTPServerSession): Promise<void> {
    const raw = await readAll(stream);
    const receivedAt = new Date();
    const parsed = await simpleParser(raw);
    const message: CapturedMessage = {
      messageId: parsed.messageId,
      envelope: {
        mailFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : undefined,
        rcptTo: session.envelope.rcptTo.map((r) => r.address),
      },
      raw,
      parsed,
      receivedAt,
    };
    if (typeof session.user === 'string') message.user = session.user;
    if (dir) message.file = await writeEmlFile(dir, emlFileName(receivedAt, ++sequence, parsed.messageId), raw);
    captured.push(message);
    for (const wake of waiters) wake();
    await options.onMessage?.(message);
  }

  const server = new SMTPServer({
    authOptional: true,
    allowInsecureAuth: true,
    disabledCommands: ['STARTTLS'],
    disableReverseLookup: true,
    logger: false,
    closeTimeout: options.closeTimeoutMs ?? 200,
    onConnect: (_session, callback) => {
      connections++;
      callback();
    },
    onAuth: (auth, _session, callback) => callback(null, { user: auth.username }),
    onMailFrom: (address, _session, callback) => callback(rules.match('mail', address.address)),
    onRcptTo: (address, _session, callback) => callback(rules.match('rcpt', address.address)),
    onData: (stream, session, callback) => {
      const scripted = rules.match('data');
      if (scripted) {
        stream.resume();
        stream.once('end', () => callback(scripted));
        return;
      }
      // Acknowledged only once stored, so a client that got 250 can rely on messages() and the file.
      const stored = store(stream, session);
      const delayed = options.dataDelayMs ? stored.then(() => sleep(options.dataDelayMs ?? 0)) : stored;
      delayed.then(
        () => callback(null),
        (err: unknown) => callback(Object.assign(new Error(`Not stored: ${String(err)}`), { responseCode: 451 })),
      );
    },
  });

  const port = await new Promise<number>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      const address = server.server.address();
      resolve(typeof address === 'object' && address ? address.port : 0);
    });
  });
  // A client that drops its connection mid-session must not crash the capture.
  server.on('error', () => undefined);

  return {
    url: `smtp://${host}:${port}`,
    host,
    port,
    messages: () => [...captured],
    connectionCount: () => connections,
    reply: (rule) => rules.add(rule),
    clearRules: () => rules.clear(),
    waitFor(count, timeoutMs = 10_000) {
      return new Promise((resolve, reject) => {
        const check = (): void => {
          if (captured.length < count) return;
          cleanup();
          resolve([...captured]);
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(new Error(`SMTP capture: ${captured.length} of ${count} messages after ${timeoutMs} ms`));
        }, timeoutMs);
        const cleanup = (): void => {
          clearTimeout(timer);
          waiters.delete(check);
        };
        waiters.add(check);
        check();
      });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
