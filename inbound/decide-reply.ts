import { Readable } from 'node:stream';
import type { CycleCore } from '../cycles';
import type { InboundFileRecord, InboundRecord, InboundStore } from '../db/stores/inbound-store';
import type { ObligationStatus, UnitStatus } from '../domain/cycle/unit-status';
import { AppError } from '../domain/errors';
import { validateFormValues, type FormValues } from '../domain/forms/validate-form-values';
import type { Contact } from '../domain/notifications/notification';
import { planDirectory } from '../domain/notifications/recipients';
import type { StoredFile } from '../storage/file-store';
import { checkAttachments } from './check-attachments';
import { candidateHashes } from './inbound-id';
import type { InboundOutcomeKind } from './inbound-mail-handler';
import type { InboundMail } from './parse-inbound';
import { readTemplateValues } from './read-values';
import { robotReason } from './robot-mail';
import type { AnswerContent } from './send-answer';

/** What to record of an inbound email, and what to answer (nothing when the receipts answer, or for robots). */
export interface Decision {
  outcome: InboundOutcomeKind;
  detail: string;
  fields: Partial<Pick<InboundRecord, 'planId' | 'year' | 'matchedKey' | 'unitId' | 'obligationIds'>>;
  answer?: AnswerContent;
}

interface DecideDeps {
  core: CycleCore;
  store: InboundStore;
  maxFileBytes: number;
}

const isOpen = (o: ObligationStatus) => !o.waiver;

function closedAnswer(label: string, base: Partial<AnswerContent>, addressee: string): AnswerContent {
  return {
    ...base,
    addressee,
    tone: 'warning',
    paragraphs: [
      `Chu kỳ ${label} đã kết thúc: hệ thống không nhận thêm văn bản qua thư trả lời, và chưa ghi nhận văn bản trong thư này.`,
      'Nếu đơn vị cần nộp bổ sung, xin liên hệ trực tiếp Phòng Nội vụ.',
    ],
  };
}

/** Matches, checks and submits; throws only what should make the delivery be tried again (store, Temporal down). */
export async function decideReply(deps: DecideDeps, id: string, mail: InboundMail): Promise<Decision> {
  const robot = robotReason(mail);
  if (robot) return { outcome: 'ignored', detail: robot, fields: {} };
  const sender = mail.fromName ? `${mail.fromName} <${mail.from}>` : mail.from;

  let matched: Awaited<ReturnType<InboundStore['messageByHash']>>;
  for (const hash of candidateHashes(mail.inReplyTo, mail.references)) {
    matched = await deps.store.messageByHash(hash);
    if (matched) break;
  }
  if (!matched) {
    return {
      outcome: 'unmatched',
      detail: 'Thư không trả lời một thư nhắc việc nào của hệ thống',
      fields: {},
      answer: {
        addressee: mail.fromName || mail.from,
        tone: 'warning',
        paragraphs: [
          'Hệ thống đôn đốc đã nhận thư của Quý vị nhưng không xác định được thư này trả lời thư nhắc việc nào, nên chưa ghi nhận văn bản.',
          'Để nộp qua thư, xin bấm «Trả lời» ngay trên thư nhắc việc hoặc thư đôn đốc đã nhận, đính kèm văn bản, rồi gửi; hoặc dùng liên kết nộp trong thư nhắc việc.',
        ],
      },
    };
  }
  const cycle = { planId: matched.planId, year: matched.year };
  const label = `${cycle.planId}/${cycle.year}`;
  const cycleStatus = await deps.core.cycleStatus(cycle);
  const plan = await deps.core.plan(cycleStatus.planSnapshot);
  const directory = planDirectory(plan);
  const base: Partial<AnswerContent> = {
    cycle: label,
    issuer: plan.issuer,
    supervisorName: directory.supervisor.name,
  };
  const unitIds = [...new Set(matched.items.map((item) => item.unitId))];
  const fields: Decision['fields'] = {
    planId: cycle.planId,
    year: cycle.year,
    matchedKey: matched.key,
    obligationIds: [...new Set(matched.items.map((item) => item.obligationId))],
  };
  const sameAddress = (person: Contact) => person.email?.trim().toLowerCase() === mail.from;
  const unitId = unitIds.find((u) => (directory.units[u]?.people ?? []).some(sameAddress));
  if (!unitId) {
    const names = unitIds.map((u) => directory.units[u]?.name ?? u).join(', ');
    return {
      outcome: 'refused-sender',
      detail: `${sender} không phải người liên hệ của ${names}`,
      fields: { ...fields, ...(unitIds.length === 1 && { unitId: unitIds[0] }) },
      answer: {
        ...base,
        addressee: mail.fromName || mail.from,
        tone: 'warning',
        paragraphs: [
          `Hệ thống đôn đốc chỉ nhận văn bản qua thư trả lời từ những người liên hệ mà kế hoạch đã ghi cho đơn vị (${names}). ` +
            `Địa chỉ ${mail.from} không có trong danh sách đó, nên văn bản trong thư này chưa được ghi nhận.`,
          `Nếu Quý vị nộp thay đơn vị, xin nhờ người liên hệ của đơn vị gửi, hoặc đề nghị ${directory.supervisor.name} cập nhật danh sách liên hệ.`,
        ],
      },
    };
  }
  const person = directory.units[unitId]?.people.find(sameAddress);
  const unitName = directory.units[unitId]?.name ?? unitId;
  const submittedBy = `${person?.name || mail.fromName || mail.from} <${mail.from}>`;
  const addressee = unitName;
  const obligationIds = [...new Set(matched.items.filter((i) => i.unitId === unitId).map((i) => i.obligationId))];
  Object.assign(fields, { unitId, obligationIds });

  const unit: UnitStatus = await deps.core.unitStatus(cycle, unitId);
  if (unit.closed || cycleStatus.closed) {
    return {
      outcome: 'closed',
      detail: `Chu kỳ ${label} đã kết thúc`,
      fields,
      answer: closedAnswer(label, base, addressee),
    };
  }

  const checked = checkAttachments(mail.attachments, deps.maxFileBytes);
  if (checked.refused.length > 0) {
    return {
      outcome: 'rejected-attachments',
      detail: checked.refused.map((r) => `${r.filename}: ${r.reason}`).join('; '),
      fields,
      answer: {
        ...base,
        addressee,
        tone: 'warning',
        paragraphs: [
          'Hệ thống chưa ghi nhận văn bản trong thư trả lời của đơn vị vì có tệp đính kèm không được chấp nhận:',
        ],
        items: checked.refused.map((r) => `«${r.filename}»: ${r.reason}`),
      },
    };
  }

  const obligations = obligationIds
    .map((oid) => unit.obligations.find((o) => o.id === oid))
    .filter((o): o is ObligationStatus => o !== undefined && isOpen(o));
  if (obligations.length === 0) {
    return {
      outcome: 'ignored',
      detail: 'Các nhiệm vụ trong thư nhắc việc đã được miễn',
      fields,
      answer: {
        ...base,
        addressee,
        tone: 'info',
        paragraphs: ['Các nhiệm vụ mà thư nhắc việc nêu đã được miễn: đơn vị không cần nộp.'],
      },
    };
  }
  if (checked.documents.length === 0 && checked.forms.length === 0) {
    return {
      outcome: 'rejected-attachments',
      detail: 'Thư trả lời không kèm tệp nào',
      fields,
      answer: {
        ...base,
        addressee,
        tone: 'warning',
        paragraphs: [
          'Thư trả lời của đơn vị không kèm tệp văn bản nào, nên hệ thống chưa ghi nhận. Xin trả lời lại thư nhắc việc, đính kèm văn bản (PDF, Word, Excel hoặc ảnh).',
        ],
      },
    };
  }

  const files: StoredFile[] = [];
  for (const document of checked.documents) {
    files.push(
      await deps.core.files.storeStream(
        () => Readable.from([document.content]),
        document.filename,
        () => document.contentType,
      ),
    );
  }
  const thread = mail.messageId
    ? { messageId: mail.messageId, references: mail.references, subject: mail.subject }
    : undefined;
  const submitted: string[] = [];
  const missing: { obligation: ObligationStatus; problems: string[] }[] = [];
  for (const obligation of obligations) {
    let values: FormValues | undefined;
    if (obligation.form) {
      const read = await readTemplateValues(obligation.id, obligation.form, checked.forms);
      const validated = read ? validateFormValues(obligation.form, read) : undefined;
      if (!validated || !validated.ok) {
        missing.push({
          obligation,
          problems:
            validated && !validated.ok ? validated.errors.map((e) => e.message) : ['chưa có số liệu của biểu mẫu'],
        });
        continue;
      }
      values = validated.values;
    }
    try {
      await deps.core.submit(
        { ...cycle, unitId, obligationId: obligation.id },
        { channel: 'email', submittedBy, ...(values && { values }), ...(thread && { thread }) },
        { requestId: `inbound:${id}`, files },
      );
      submitted.push(obligation.title);
    } catch (err) {
      if (err instanceof AppError && err.code === 'CYCLE_CLOSED') {
        return {
          outcome: 'closed',
          detail: `Chu kỳ ${label} đã kết thúc`,
          fields,
          answer: closedAnswer(label, base, addressee),
        };
      }
      if (err instanceof AppError && err.code === 'UPDATE_REJECTED') {
        missing.push({ obligation, problems: [err.userMessage ?? err.message] });
        continue;
      }
      throw err;
    }
  }
  if (missing.length === 0) {
    return { outcome: 'submitted', detail: `Đã ghi nhận: ${submitted.join('; ')}`, fields };
  }

  // Kept as a draft: the unit completes the values on its submission page, where these files are listed.
  const drafts: InboundFileRecord[] = missing.flatMap(({ obligation }) =>
    [...files.map((f) => f.ref)].map((ref) => ({
      inboundId: id,
      sha256: ref.sha256,
      filename: ref.filename,
      contentType: ref.contentType,
      size: ref.size,
      ...cycle,
      unitId,
      obligationId: obligation.id,
    })),
  );
  await deps.store.addFiles(drafts);
  const links = missing.flatMap(({ obligation }) => (obligation.submissionUrl ? [obligation.submissionUrl] : []));
  return {
    outcome: 'needs-values',
    detail: missing.map((m) => `${m.obligation.title}: ${m.problems.join('; ')}`).join(' | '),
    fields,
    answer: {
      ...base,
      addressee,
      tone: 'warning',
      paragraphs: [
        ...(submitted.length > 0 ? [`Hệ thống đã ghi nhận: ${submitted.join('; ')} (biên nhận gửi riêng).`] : []),
        'Hệ thống đã nhận các tệp của đơn vị nhưng chưa ghi nhận báo cáo dưới đây vì thiếu hoặc sai số liệu của biểu mẫu:',
      ],
      items: missing.map((m) => `${m.obligation.title}: ${m.problems.join('; ')}`),
      ...(links[0] && { link: links[0] }),
    },
  };
}
