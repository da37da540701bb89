import { type AddressObject, type ParsedMail, simpleParser } from 'mailparser';

export interface InboundAttachment {
  filename: string;
  content: Buffer;
}

/** What the handler reads of an inbound email. */
export interface InboundMail {
  /** With angle brackets, as sent; absent when the message has none. */
  messageId?: string;
  /** The `From` address, lower case ('' when there is none). `Sender` and `Reply-To` are never trusted. */
  from: string;
  fromName: string;
  subject: string;
  inReplyTo: string[];
  /** Oldest first. */
  references: string[];
  /** Header names lower case; values as text. */
  headers: Map<string, string>;
  attachments: InboundAttachment[];
}

const MESSAGE_ID = /<[^<>\s]+>/g;

function ids(value: unknown): string[] {
  const text = Array.isArray(value) ? value.join(' ') : typeof value === 'string' ? value : '';
  return text.match(MESSAGE_ID) ?? [];
}

function firstAddress(from: AddressObject | AddressObject[] | undefined): { address: string; name: string } {
  const list = Array.isArray(from) ? from : from ? [from] : [];
  const first = list.flatMap((group) => group.value)[0];
  return { address: (first?.address ?? '').trim().toLowerCase(), name: (first?.name ?? '').normalize('NFC') };
}

function headerText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object' && 'value' in value) return String(value.value);
  return String(value);
}

export async function parseInbound(raw: Buffer): Promise<InboundMail> {
  const parsed: ParsedMail = await simpleParser(raw, { skipHtmlToText: true, skipTextToHtml: true });
  const from = firstAddress(parsed.from);
  const headers = new Map<string, string>();
  for (const [name, value] of parsed.headers) headers.set(name.toLowerCase(), headerText(value));
  return {
    ...(parsed.messageId && { messageId: ids(parsed.messageId)[0] ?? parsed.messageId }),
    from: from.address,
    fromName: from.name,
    subject: (parsed.subject ?? '').normalize('NFC'),
    inReplyTo: ids(parsed.inReplyTo),
    references: ids(parsed.references),
    headers,
    attachments: parsed.attachments
      .filter((a) => a.filename || a.contentDisposition === 'attachment')
      .map((a) => ({ filename: (a.filename ?? 'tep-dinh-kem').normalize('NFC'), content: a.content })),
  };
}
