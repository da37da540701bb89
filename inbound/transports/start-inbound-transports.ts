import { readFile } from 'node:fs/promises';
import type { Env } from '../../config/env';
import { AppError } from '../../domain/errors';
import { startImapPoller, type ImapPoller } from './imap-poller';
import { inboundAddress } from './inbound-address';
import type { InboundDelivery, TransportLogger } from './inbound-delivery';
import { startInboundSmtp, type InboundSmtp } from './inbound-smtp';

export type InboundTransportEnv = Pick<
  Env,
  | 'SMTP_FROM'
  | 'INBOUND_ADDRESS'
  | 'INBOUND_IMAP_URL'
  | 'INBOUND_IMAP_PASSWORD_FILE'
  | 'INBOUND_IMAP_MAILBOX'
  | 'INBOUND_IMAP_DONE_MAILBOX'
  | 'INBOUND_POLL_SECONDS'
  | 'INBOUND_IMAP_TLS_REJECT_UNAUTHORIZED'
  | 'INBOUND_SMTP_PORT'
  | 'INBOUND_SMTP_HOST'
  | 'INBOUND_SMTP_AUTH'
  | 'INBOUND_MAX_BYTES'
>;

export interface InboundTransports {
  /** Banner lines, one per transport started (no password in them). */
  describe: string[];
  /** Stops whatever was started; each one finishes the message it is handling. */
  close(): Promise<void>;
}

/** True when the environment asks for an inbound transport (so a handler is needed). */
export function wantsInboundTransports(env: Pick<Env, 'INBOUND_IMAP_URL' | 'INBOUND_SMTP_PORT'>): boolean {
  return env.INBOUND_IMAP_URL !== undefined || env.INBOUND_SMTP_PORT !== undefined;
}

/** Starts the IMAP poller when INBOUND_IMAP_URL is set and the SMTP relay when INBOUND_SMTP_PORT is. */
export async function startInboundTransports(deps: {
  env: InboundTransportEnv;
  deliver: InboundDelivery;
  logger: TransportLogger;
}): Promise<InboundTransports> {
  const { env, deliver, logger } = deps;
  const describe: string[] = [];
  let poller: ImapPoller | undefined;
  let relay: InboundSmtp | undefined;

  if (env.INBOUND_IMAP_URL) {
    const imap = await imapSettings(env.INBOUND_IMAP_URL, env.INBOUND_IMAP_PASSWORD_FILE);
    poller = startImapPoller({
      ...imap,
      mailbox: env.INBOUND_IMAP_MAILBOX,
      ...(env.INBOUND_IMAP_DONE_MAILBOX && { doneMailbox: env.INBOUND_IMAP_DONE_MAILBOX }),
      pollMs: env.INBOUND_POLL_SECONDS * 1000,
      tlsRejectUnauthorized: env.INBOUND_IMAP_TLS_REJECT_UNAUTHORIZED,
      deliver,
      logger,
    });
    const scheme = imap.secure ? 'imaps' : 'imap';
    describe.push(
      `Inbound IMAP         ${scheme}://${imap.user}@${imap.host}:${imap.port}/${env.INBOUND_IMAP_MAILBOX}` +
        `  (every ${env.INBOUND_POLL_SECONDS} s, IDLE when offered)`,
    );
  }
  if (env.INBOUND_SMTP_PORT !== undefined) {
    const address = inboundAddress(env);
    try {
      relay = await startInboundSmtp({
        host: env.INBOUND_SMTP_HOST,
        port: env.INBOUND_SMTP_PORT,
        address,
        ...(env.INBOUND_SMTP_AUTH && { auth: splitCredentials(env.INBOUND_SMTP_AUTH) }),
        maxBytes: env.INBOUND_MAX_BYTES,
        deliver,
        logger,
      });
    } catch (err) {
      await poller?.stop();
      if ((err as NodeJS.ErrnoException).code === 'EADDRINUSE') {
        throw new AppError(
          'PORT_IN_USE',
          `Port ${env.INBOUND_SMTP_PORT} on ${env.INBOUND_SMTP_HOST} (inbound SMTP relay) is already in use. ` +
            'Set INBOUND_SMTP_PORT to another port.',
        );
      }
      throw err;
    }
    describe.push(`Inbound SMTP relay   smtp://${relay.host}:${relay.port}  (for ${address})`);
  }

  return {
    describe,
    async close() {
      await Promise.all([poller?.stop(), relay?.close()]);
    },
  };
}

interface ImapSettings {
  host: string;
  port: number;
  secure: boolean;
  user: string;
  password: string;
}

async function imapSettings(url: string, passwordFile: string | undefined): Promise<ImapSettings> {
  const parsed = new URL(url);
  const secure = parsed.protocol === 'imaps:';
  const user = decodeURIComponent(parsed.username);
  if (!user) throw new AppError('CONFIG_INVALID', 'INBOUND_IMAP_URL must name the user (imaps://user:pass@host)');
  let password = decodeURIComponent(parsed.password);
  if (passwordFile) {
    try {
      password = (await readFile(passwordFile, 'utf8')).replace(/\r?\n$/, '');
    } catch {
      throw new AppError('CONFIG_INVALID', `INBOUND_IMAP_PASSWORD_FILE cannot be read: ${passwordFile}`);
    }
  }
  if (!password) {
    throw new AppError('CONFIG_INVALID', 'INBOUND_IMAP_URL has no password and INBOUND_IMAP_PASSWORD_FILE is unset');
  }
  const port = parsed.port ? Number(parsed.port) : secure ? 993 : 143;
  return { host: parsed.hostname, port, secure, user, password };
}

function splitCredentials(value: string): { user: string; pass: string } {
  const colon = value.indexOf(':');
  return { user: value.slice(0, colon), pass: value.slice(colon + 1) };
}
