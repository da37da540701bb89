import type { EmailThread } from '../../domain/notifications/notification';

/** `Re: <subject>`, without piling up prefixes ("Re: Re: …", "TL: …" from Vietnamese clients stay as written). */
export function replySubject(subject: string): string {
  const trimmed = subject.trim();
  return /^re\s*:/i.test(trimmed) ? trimmed : `Re: ${trimmed}`;
}

/** In-Reply-To and References (RFC 5322 §3.6.4) of an answer in the thread of `thread`. */
export function threadHeaders(thread: EmailThread): Record<string, string> {
  const references = [...thread.references.filter((id) => id !== thread.messageId), thread.messageId];
  return { 'In-Reply-To': thread.messageId, References: references.join(' ') };
}
