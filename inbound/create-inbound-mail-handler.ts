import { Readable } from 'node:stream';
import type { NotifyDeps } from '../activities/notify/notify-deps';
import type { CycleCore } from '../cycles';
import type { InboundStore } from '../db/stores/inbound-store';
import { AppError } from '../domain/errors';
import type { StoredFile } from '../storage/file-store';
import { decideReply, type Decision } from './decide-reply';
import { inboundId } from './inbound-id';
import type { InboundMailHandler } from './inbound-mail-handler';
import { parseInbound } from './parse-inbound';
import { sendAnswer } from './send-answer';

export interface InboundMailDeps {
  core: CycleCore;
  store: InboundStore;
  /** The mailer and sent-ledger the answers go through (the worker's own). */
  notify: NotifyDeps;
  /** Per attachment, like the upload form. @defaultValue 20 MB */
  maxFileBytes?: number;
  now?: () => Date;
}

/**
 * Submit by replying: an inbound email is stored first (nothing a unit sent is lost), claimed once by its id, then
 * matched to the reminder it answers, checked, submitted, and answered. Every later delivery of the same email gets
 * the first outcome back and causes nothing.
 */
export function createInboundMailHandler(deps: InboundMailDeps): InboundMailHandler {
  const now = deps.now ?? (() => new Date());
  const maxFileBytes = deps.maxFileBytes ?? 20 * 1024 * 1024;
  return async (raw, source) => {
    const mail = await parseInbound(raw);
    const id = inboundId(mail.messageId, raw);
    const stored: StoredFile = await deps.core.files.storeStream(
      () => Readable.from([raw]),
      `${id}.eml`,
      () => 'message/rfc822',
    );
    const { record, created } = await deps.store.claim({
      id,
      receivedAt: source.receivedAt ?? now(),
      transport: source.transport,
      ...(mail.messageId && { messageId: mail.messageId }),
      fromAddress: mail.from,
      subject: mail.subject,
      obligationIds: [],
      rawSha256: stored.ref.sha256,
    });
    // `pending` is a delivery that died half-way: everything below is idempotent, so it is simply done again.
    if (!created && record.outcome !== 'pending') {
      return { id, outcome: record.outcome, detail: record.detail, duplicate: true };
    }
    let decision: Decision;
    try {
      decision = await decideReply({ core: deps.core, store: deps.store, maxFileBytes }, id, mail);
    } catch (err) {
      if (!(err instanceof AppError && err.code === 'CYCLE_CLOSED')) throw err;
      decision = { outcome: 'closed', detail: err.userMessage ?? err.message, fields: {} };
    }
    if (decision.answer) await sendAnswer(deps.notify, id, mail, decision.answer);
    await deps.store.finish(id, { outcome: decision.outcome, detail: decision.detail, ...decision.fields });
    return { id, outcome: decision.outcome, detail: decision.detail, duplicate: false };
  };
}
