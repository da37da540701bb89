import { createHash } from 'node:crypto';

const sha256 = (data: string | Buffer): string => createHash('sha256').update(data).digest('hex');

/**
 * The id of an inbound email: the same message delivered twice (IMAP re-poll, a relay's retry, two hosts) has the
 * same Message-ID; one without a Message-ID is identified by its bytes.
 */
export function inboundId(messageId: string | undefined, raw: Buffer): string {
  return messageId ? sha256(`message-id:${messageId.toLowerCase()}`) : sha256(raw);
}

/** The 40-hex part of a Message-ID dondoc made (channels/email/message-id.ts), or undefined for anyone else's. */
export function dondocMessageHash(messageId: string): string | undefined {
  return /^<([0-9a-f]{40})@/i.exec(messageId)?.[1]?.toLowerCase();
}

/** In-Reply-To first, then References from the newest: the message the person most likely answered comes first. */
export function candidateHashes(inReplyTo: readonly string[], references: readonly string[]): string[] {
  const hashes = [...inReplyTo, ...[...references].reverse()].flatMap((id) => dondocMessageHash(id) ?? []);
  return [...new Set(hashes)];
}
