import type { Audience, Channel } from './notification';

/** A person or address that a channel could not reach for good: shown to Phòng Nội vụ as a contact problem. */
export interface ContactProblem {
  channel: Channel;
  /** The person's name as the plan gives it. */
  name: string;
  /** The email address, phone (84…) or Zalo user id that failed. */
  address: string;
  /** The provider's code: an SMTP reply (550) or a Zalo error (-118). */
  code: string;
  reason: string;
  detectedAt: string;
}

/** What one send did; the workflow keeps these for `status` and the dashboard. */
export interface NotifyResult {
  channel: Channel;
  audience: Audience;
  key: string;
  /** Addresses, phones or user ids the send was for. */
  recipients: string[];
  /**
   * `unknown`: an earlier attempt claimed the send and its worker died mid-send, so the provider may or may not have
   * accepted it. It is not re-sent blindly; a person can resend (a resend has a key of its own).
   */
  outcome: 'accepted' | 'deferred' | 'failed' | 'unknown';
  /** Message-ID, ZNS msg_id or OA message_id. */
  providerId?: string;
  /** ISO 8601, plan time. */
  acceptedAt?: string;
  /** For `unknown`: when the sender that died claimed the send (ISO 8601, plan time). */
  claimedAt?: string;
  /** For `deferred`: the earliest instant to try again (ISO 8601, plan time). */
  notBefore?: string;
  error?: { code: string; message: string };
  contactProblems?: ContactProblem[];
  /**
   * For a failed Zalo send: whether the person is still reached by this notification's email (`email`)
   * or not at all (`none`).
   */
  fallback?: 'email' | 'none';
  /** True when the ledger showed the send had already been accepted by an earlier attempt. */
  alreadySent?: boolean;
}
