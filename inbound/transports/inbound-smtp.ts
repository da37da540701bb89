import { SMTPServer, type SMTPServerDataStream } from 'smtp-server';
import { acceptsRecipient } from './inbound-address';
import type { InboundDelivery, TransportLogger } from './inbound-delivery';

export interface InboundSmtpOptions {
  /** @defaultValue `127.0.0.1` */
  host?: string;
  /** 0 picks a free port. */
  port: number;
  /** The one address mail is accepted for (and its `+tag` subaddresses); any other recipient gets 550. */
  address: string;
  /** Credentials the relay must log in with; unset: no AUTH. */
  auth?: { user: string; pass: string };
  /** Larger messages get 552 (the size is advertised in EHLO). */
  maxBytes: number;
  deliver: InboundDelivery;
  logger: TransportLogger;
}

export interface InboundSmtp {
  host: string;
  port: number;
  /** Stops listening; a session in the middle of its DATA is given a moment to finish. */
  close(): Promise<void>;
}

function readAll(stream: SMTPServerDataStream): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.once('end', () => resolve(Buffer.concat(chunks)));
    stream.once('error', reject);
  });
}

const smtpError = (code: number, message: string): Error => Object.assign(new Error(message), { responseCode: code });

/**
 * The inbound SMTP relay: the MX (or a forwarding rule) relays replies here. 250 is answered only once the handler
 * resolved (the message is stored); 451 when it threw, so that the relay keeps the message and tries again. No
 * STARTTLS: it listens on loopback or a private network behind the MX, which talks TLS to the world.
 */
export async function startInboundSmtp(options: InboundSmtpOptions): Promise<InboundSmtp> {
  const host = options.host ?? '127.0.0.1';
  const log = options.logger;
  const server = new SMTPServer({
    banner: 'dondoc inbound',
    size: options.maxBytes,
    authOptional: !options.auth,
    allowInsecureAuth: true,
    authMethods: ['PLAIN', 'LOGIN'],
    disabledCommands: options.auth ? ['STARTTLS'] : ['STARTTLS', 'AUTH'],
    disableReverseLookup: true,
    logger: false,
    closeTimeout: 5000,
    onAuth: (auth, _session, callback) => {
      const expected = options.auth;
      if (expected && auth.username === expected.user && auth.password === expected.pass) {
        callback(null, { user: auth.username });
        return;
      }
      callback(smtpError(535, '5.7.8 Authentication credentials invalid'));
    },
    onRcptTo: (address, _session, callback) => {
      if (acceptsRecipient(options.address, address.address)) {
        callback();
        return;
      }
      callback(smtpError(550, `5.1.1 <${address.address}>: no such mailbox here`));
    },
    onData: (stream, _session, callback) => {
      const receivedAt = new Date();
      readAll(stream)
        .then(async (raw) => {
          if (stream.sizeExceeded) throw smtpError(552, `5.3.4 Message larger than ${options.maxBytes} bytes`);
          try {
            await options.deliver(raw, { transport: 'smtp', receivedAt });
            log.info({ bytes: raw.length }, 'inbound SMTP: message handed over');
          } catch (err) {
            log.error({ err: err instanceof Error ? err.message : String(err) }, 'inbound SMTP: handler failed; 451');
            throw smtpError(451, '4.3.0 Not stored, try again later');
          }
        })
        .then(
          () => callback(null, 'Stored'),
          (err: Error) => callback(err),
        );
    },
  });
  // A client that drops its connection mid-session must not crash the service.
  server.on('error', (err: Error) => log.warn({ err: err.message }, 'inbound SMTP: connection error'));

  const port = await new Promise<number>((resolve, reject) => {
    const failed = (err: Error): void => reject(err);
    server.server.once('error', failed);
    server.listen(options.port, host, () => {
      server.server.off('error', failed);
      const address = server.server.address();
      resolve(typeof address === 'object' && address ? address.port : options.port);
    });
  });

  return { host, port, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
