import nodemailer from 'nodemailer';
import type { Contact } from '../../domain/notifications/notification';
import { toPlanIso } from '../../domain/plan-time';
import { classifySmtpError, EmailSendError } from './email-send-error';
import { domainOfAddress, messageIdForKey } from './message-id';
import type { EmailAttachment } from './render-email';

export interface MailerConfig {
  /** `smtp://user:pass@host:587` or `smtps://…:465`; credentials URL-encoded. */
  smtpUrl: string;
  /** `"Hệ thống đôn đốc" <dondoc@ia-pa.gov.vn>`; its domain also names the Message-IDs. */
  from: string;
  /** Where replies go when not to `from` (INBOUND_ADDRESS, the mailbox dondoc reads replies from). */
  replyTo?: string;
  /** Open SMTP connections at most. @defaultValue 5 */
  poolSize?: number;
  /** Messages per connection before it is recycled. @defaultValue 100 */
  maxMessagesPerConnection?: number;
  /** Refuse servers with invalid certificates. @defaultValue true */
  tlsRejectUnauthorized?: boolean;
  /** Connect, greeting and socket-idle timeouts, in ms. @defaultValue 30000 */
  timeoutMs?: number;
  /** For `acceptedAt`. @defaultValue `() => new Date()` */
  clock?: () => Date;
}

export type Recipient = Contact | string;

export interface SendEmailInput {
  to: readonly Recipient[];
  cc?: readonly Recipient[];
  subject: string;
  html: string;
  text: string;
  /** Contract headers (render-email's `headers`). */
  headers: Record<string, string>;
  /** Explicit Message-ID; otherwise derived from `headers['X-Dondoc-Key']`. */
  messageId?: string;
  attachments?: readonly EmailAttachment[];
}

export interface SendEmailResult {
  messageId: string;
  accepted: string[];
  rejected: string[];
  /** The server's final reply, e.g. `250 OK: queued`. */
  response: string;
  /** ISO 8601 in plan time. */
  acceptedAt: string;
}

export interface Mailer {
  send(input: SendEmailInput): Promise<SendEmailResult>;
  /** Resolves once the server greets and accepts the credentials. */
  verify(): Promise<void>;
  /** Closes the pooled connections; sends after this fail. */
  close(): void;
}

function addresses(recipients: readonly Recipient[] = []): { name: string; address: string }[] {
  return recipients.flatMap((r) => {
    if (typeof r === 'string') return [{ name: '', address: r }];
    return r.email ? [{ name: r.name, address: r.email }] : [];
  });
}

function addressList(values: unknown): string[] {
  if (!Array.isArray(values)) return [];
  return values.map((v: unknown) => (typeof v === 'string' ? v : String((v as { address?: unknown }).address)));
}

/**
 * One pooled SMTP transport for the life of the worker: connections are reused across sends instead of paying a
 * TCP+TLS handshake and AUTH per email, and at most `poolSize` are open against the provider.
 */
export function createMailer(config: MailerConfig): Mailer {
  const timeout = config.timeoutMs ?? 30_000;
  const transport = nodemailer.createTransport({
    pool: true,
    url: config.smtpUrl,
    maxConnections: config.poolSize ?? 5,
    maxMessages: config.maxMessagesPerConnection ?? 100,
    tls: { rejectUnauthorized: config.tlsRejectUnauthorized ?? true },
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    socketTimeout: timeout,
    // Message parts come only from our own strings, never from paths or URLs a plan file could name.
    disableFileAccess: true,
    disableUrlAccess: true,
    logger: false,
  });
  const domain = domainOfAddress(config.from);
  const clock = config.clock ?? (() => new Date());

  async function send(input: SendEmailInput): Promise<SendEmailResult> {
    const to = addresses(input.to);
    const cc = addresses(input.cc);
    if (to.length === 0 && cc.length === 0) {
      throw new EmailSendError('EMAIL_INVALID', `No email address among the recipients of "${input.subject}"`, {
        retryable: false,
      });
    }
    const key = input.headers['X-Dondoc-Key'];
    const messageId = input.messageId ?? (key ? messageIdForKey(key, domain) : undefined);
    try {
      const info = await transport.sendMail({
        from: config.from,
        ...(config.replyTo && { replyTo: config.replyTo }),
        to,
        cc,
        subject: input.subject,
        text: input.text,
        html: input.html,
        headers: input.headers,
        messageId,
        attachments: input.attachments?.map((a) => ({ ...a })),
      });
      return {
        messageId: info.messageId,
        accepted: addressList(info.accepted),
        rejected: addressList(info.rejected),
        response: info.response,
        acceptedAt: toPlanIso(clock().getTime(), 'milliseconds'),
      };
    } catch (err) {
      throw classifySmtpError(err);
    }
  }

  return {
    send,
    async verify() {
      try {
        await transport.verify();
      } catch (err) {
        throw classifySmtpError(err);
      }
    },
    close: () => transport.close(),
  };
}
