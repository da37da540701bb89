import path from 'node:path';
import type { ParsedMail } from 'mailparser';
import nodemailer from 'nodemailer';
import { startSmtpCapture, type SmtpCapture } from '../../channels/smtp-capture';
import { createInboundStore, type InboundStore } from '../../db/stores/inbound-store';
import { createInboundMailHandler } from '../../inbound/create-inbound-mail-handler';
import type { InboundOutcome } from '../../inbound/inbound-mail-handler';
import { startCycleHarness, type CycleHarness } from '../workflows/cycle-harness';

export const CYCLE_SMALL = path.resolve(__dirname, '..', 'fixtures', 'plans', 'cycle-small.yaml');
export const DONDOC = 'dondoc@ia-pa.example';
export const XA_DONG = 'xa-dong@thu-nghiem.example';
export const XA_TAY = 'xa-tay@thu-nghiem.example';
export const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

/**
 * cycle-small 2031 issued 01/05 on the time-skipping server (ke-hoach reminded on 02/05, bao-cao on 05/05), and
 * dondoc's inbound address: an SMTP capture whose hook hands each message to the real inbound handler, as
 * `dondoc start` does in embedded mode. Answers and receipts arrive at the cycle's own capture.
 */
export interface InboundHarness {
  cycle: CycleHarness;
  inbox: SmtpCapture;
  store: InboundStore;
  outcomes: InboundOutcome[];
  /** Sends a reply over SMTP to dondoc's address; resolves once handled (the capture acknowledges after its hook). */
  reply(options: ReplyOptions): Promise<InboundOutcome>;
  /** The email dondoc sent to `address` of this kind (reminder, receipt, reply…), parsed, oldest first. */
  sent(kind: string, address: string): ParsedMail[];
  teardown(): Promise<void>;
}

export interface ReplyOptions {
  from: string;
  fromName?: string;
  /** The email answered. */
  to: ParsedMail;
  messageId: string;
  attachments?: { filename: string; content: Buffer }[];
  headers?: Record<string, string>;
}

export async function startInboundHarness(): Promise<InboundHarness> {
  const cycle = await startCycleHarness({
    planFile: CYCLE_SMALL,
    year: 2031,
    issuedOn: '2031-05-01',
    planStart: '2031-05-01T10:00:00+07:00',
  });
  const store = createInboundStore(cycle.db);
  const handler = createInboundMailHandler({
    core: cycle.core,
    store,
    notify: { ...cycle.channels.deps.notify, now: cycle.channels.deps.now },
  });
  const outcomes: InboundOutcome[] = [];
  const inbox = await startSmtpCapture({
    dir: null,
    onMessage: async (message) => {
      outcomes.push(await handler(message.raw, { transport: 'capture', receivedAt: message.receivedAt }));
    },
  });
  const transport = nodemailer.createTransport({ host: inbox.host, port: inbox.port, secure: false, ignoreTLS: true });
  return {
    cycle,
    inbox,
    store,
    outcomes,
    async reply(options) {
      const before = outcomes.length;
      const answered = options.to;
      await transport.sendMail({
        from: { name: options.fromName ?? '', address: options.from },
        to: DONDOC,
        subject: `Re: ${answered.subject ?? ''}`,
        text: 'Đơn vị gửi văn bản theo thư nhắc việc.',
        messageId: options.messageId,
        ...(answered.messageId && {
          inReplyTo: answered.messageId,
          references: [...referencesOf(answered), answered.messageId],
        }),
        ...(options.headers && { headers: options.headers }),
        attachments: options.attachments ?? [],
      });
      const outcome = outcomes[before];
      if (!outcome) throw new Error('the inbound handler did not run');
      return outcome;
    },
    sent(kind, address) {
      return cycle.channels.smtp
        .messages()
        .filter((m) => m.parsed.headers.get('x-dondoc-kind') === kind)
        .filter((m) => m.envelope.rcptTo.some((to) => to.toLowerCase() === address))
        .map((m) => m.parsed);
    },
    async teardown() {
      transport.close();
      await inbox.close();
      await cycle.teardown();
    },
  };
}

function referencesOf(mail: ParsedMail): string[] {
  const refs = mail.references;
  return Array.isArray(refs) ? refs : refs ? [refs] : [];
}
