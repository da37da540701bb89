/** Where an inbound email came from: the embedded SMTP capture, the IMAP poller or the inbound SMTP relay. */
export interface InboundSource {
  transport: 'capture' | 'imap' | 'smtp';
  /** When the transport received it. @defaultValue now */
  receivedAt?: Date;
}

/** What became of one inbound email (the same outcome for every later delivery of the same message). */
export type InboundOutcomeKind =
  'submitted' | 'needs-values' | 'refused-sender' | 'unmatched' | 'closed' | 'rejected-attachments' | 'ignored';

export interface InboundOutcome {
  /** The inbound message's id: a hash of its Message-ID, or of its bytes when it has none. */
  id: string;
  outcome: InboundOutcomeKind;
  /** Why, in Vietnamese, for Phòng Nội vụ. */
  detail: string;
  /** True when this delivery was a repeat of a message already handled: nothing was done again. */
  duplicate: boolean;
}

/**
 * Handles one raw inbound email (RFC 5322 bytes) end to end: stores it, matches it to the reminder it answers,
 * submits what it carries and answers the sender. Safe to call again with the same message.
 */
export type InboundMailHandler = (raw: Buffer, source: InboundSource) => Promise<InboundOutcome>;
