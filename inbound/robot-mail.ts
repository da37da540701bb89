import type { InboundMail } from './parse-inbound';

const ROBOT_SENDERS = /^(mailer-daemon|postmaster|no-?reply|bounces?)([+@]|$)/i;

/**
 * Why an email must get no answer (our own messages looping back, auto-replies, bounces, lists), or undefined.
 * RFC 3834: an automatic answer is never sent to an automatic message.
 */
export function robotReason(mail: InboundMail): string | undefined {
  for (const name of mail.headers.keys()) {
    if (name.startsWith('x-dondoc-')) return 'Thư do chính hệ thống dondoc gửi (vòng lặp)';
  }
  const auto = mail.headers.get('auto-submitted')?.trim().toLowerCase();
  if (auto && auto !== 'no') return `Thư tự động (Auto-Submitted: ${auto})`;
  const precedence = mail.headers.get('precedence')?.trim().toLowerCase();
  if (precedence && ['bulk', 'auto_reply', 'junk', 'list'].includes(precedence))
    return `Thư tự động (Precedence: ${precedence})`;
  if (mail.headers.has('x-autoreply') || mail.headers.has('x-autorespond')) return 'Thư trả lời tự động';
  const contentType = mail.headers.get('content-type')?.toLowerCase() ?? '';
  if (contentType.includes('multipart/report')) return 'Thư báo lỗi gửi thư (bounce)';
  if (!mail.from) return 'Thư không có địa chỉ người gửi';
  if (ROBOT_SENDERS.test(mail.from)) return `Thư từ địa chỉ tự động ${mail.from}`;
  return undefined;
}
