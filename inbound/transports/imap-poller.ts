import { ImapFlow } from 'imapflow';
import type { InboundDelivery, TransportLogger } from './inbound-delivery';
import { wakeableSleep, type WakeableSleep } from './wakeable-sleep';

export interface ImapPollerOptions {
  host: string;
  port: number;
  /** TLS from the first byte (imaps); otherwise STARTTLS when the server offers it. */
  secure: boolean;
  user: string;
  password: string;
  /** @defaultValue `INBOX` */
  mailbox?: string;
  /** Handled messages are moved here after being flagged \Seen. */
  doneMailbox?: string;
  /** The longest wait between two sweeps of the mailbox; IDLE wakes the poller sooner when the server has it. */
  pollMs: number;
  /** @defaultValue true */
  tlsRejectUnauthorized?: boolean;
  deliver: InboundDelivery;
  logger: TransportLogger;
  /** Reconnection backoff after a dropped or refused connection. @defaultValue 1 s, doubling up to 5 min */
  reconnect?: { initialMs: number; maxMs: number };
}

export interface ImapPoller {
  /** Ends the session: the message being handled is finished first, then LOGOUT; no socket or timer is left. */
  stop(): Promise<void>;
}

/**
 * Polls one mailbox: each unseen message is fetched (BODY.PEEK, so it stays unseen), handed to the handler, and
 * only once the handler resolved flagged \Seen (then moved, if asked). A handler error leaves the message unseen:
 * the next sweep offers it again. Several hosts may poll the same mailbox at once: two of them may hand the same
 * message to their handlers, which is harmless because the handler is idempotent (it keys on the message).
 */
export function startImapPoller(options: ImapPollerOptions): ImapPoller {
  const mailbox = options.mailbox ?? 'INBOX';
  const backoff = options.reconnect ?? { initialMs: 1000, maxMs: 300_000 };
  const log = options.logger;
  let stopped = false;
  let client: ImapFlow | undefined;
  let wait: WakeableSleep | undefined;

  function connectClient(): ImapFlow {
    const created = new ImapFlow({
      host: options.host,
      port: options.port,
      secure: options.secure,
      auth: { user: options.user, pass: options.password },
      tls: { rejectUnauthorized: options.tlsRejectUnauthorized ?? true },
      logger: false,
      // IDLE soon after a sweep, so that new mail wakes us well before the next poll.
      autoIdleDelay: 1000,
    });
    // Without a listener an 'error' event would throw; the session loop sees the closed connection anyway.
    created.on('error', (err: Error) => log.warn({ err: describe(err) }, 'inbound IMAP: connection error'));
    return created;
  }

  async function sweep(session: ImapFlow): Promise<void> {
    const uids = (await session.search({ seen: false }, { uid: true })) || [];
    for (const uid of uids) {
      if (stopped) return;
      const message = await session.fetchOne(String(uid), { source: true, internalDate: true }, { uid: true });
      if (!message || !message.source) continue;
      const receivedAt = message.internalDate ? new Date(message.internalDate) : new Date();
      try {
        await options.deliver(message.source, { transport: 'imap', receivedAt });
      } catch (err) {
        log.error({ err: describe(err), mailbox, uid }, 'inbound IMAP: handler failed; the message stays unseen');
        continue;
      }
      // A connection lost right here leaves a handled message unseen: it is handed over again, which the handler
      // answers as a duplicate.
      await session.messageFlagsAdd(String(uid), ['\\Seen'], { uid: true });
      if (options.doneMailbox) await session.messageMove(String(uid), options.doneMailbox, { uid: true });
      log.info({ mailbox, uid }, 'inbound IMAP: message handed over');
    }
  }

  /** One connection: sweep, then wait for news (EXISTS under IDLE), the poll interval, a drop or stop. */
  async function session(): Promise<void> {
    const current = connectClient();
    client = current;
    try {
      await current.connect();
      await current.mailboxOpen(mailbox);
      log.info({ mailbox }, 'inbound IMAP: connected');
      attempt = 0;
      // Mail that arrives during a sweep must not wait for the next poll: remember it, sweep again at once.
      let news = false;
      const wake = (): void => {
        news = true;
        wait?.wake();
      };
      current.on('exists', wake);
      current.on('close', wake);
      while (!stopped && current.usable) {
        news = false;
        await sweep(current);
        if (stopped || !current.usable || news) continue;
        wait = wakeableSleep(options.pollMs);
        await wait.done;
      }
    } finally {
      client = undefined;
      await closeQuietly(current);
    }
  }

  let attempt = 0;
  async function run(): Promise<void> {
    while (!stopped) {
      try {
        await session();
        if (!stopped) log.warn({ mailbox }, 'inbound IMAP: connection closed; reconnecting');
      } catch (err) {
        if (stopped) break;
        log.warn({ err: describe(err), mailbox }, 'inbound IMAP: session failed; reconnecting');
      }
      if (stopped) break;
      const delay = Math.min(backoff.maxMs, backoff.initialMs * 2 ** attempt);
      attempt++;
      wait = wakeableSleep(delay);
      await wait.done;
    }
  }

  const running = run();
  return {
    async stop() {
      stopped = true;
      wait?.wake();
      // A connection still being opened is cut; an open one logs out once the current message is handled.
      if (client && !client.usable) client.close();
      await running;
    },
  };
}

async function closeQuietly(session: ImapFlow): Promise<void> {
  if (session.usable) {
    try {
      await session.logout();
    } catch {
      // The server went away while we said goodbye: the socket is closed below all the same.
    }
  }
  session.close();
  // close() destroys the socket synchronously; libuv releases its handle one turn of the event loop later.
  await new Promise((resolve) => setImmediate(resolve));
}

function describe(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
