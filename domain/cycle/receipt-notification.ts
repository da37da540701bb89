import { notificationKey } from '../notifications/idempotency-key';
import type { EmailThread, ReceiptNotification } from '../notifications/notification';
import type { SubmitReceipt } from './unit-commands';
import type { UnitWorkflowInput } from './unit-input';
import type { Submission } from './unit-state';

export function receiptNotification(
  input: UnitWorkflowInput,
  receipt: SubmitReceipt,
  submission: Submission,
  thread?: EmailThread,
): ReceiptNotification {
  const obligation = input.obligations.find((o) => o.id === receipt.obligationId);
  return {
    kind: 'receipt',
    key: notificationKey({
      planId: input.cycle.planId,
      year: input.cycle.year,
      unitId: input.unit.id,
      obligationIds: [receipt.obligationId],
      kind: 'receipt',
      ordinal: receipt.version,
      scheduledAt: receipt.submittedAt,
    }),
    scheduledAt: receipt.submittedAt,
    plan: input.plan,
    supervisorName: input.supervisorName,
    unit: input.unit,
    obligation: {
      id: receipt.obligationId,
      title: obligation?.title ?? receipt.obligationId,
      dueDate: receipt.dueDate,
    },
    submittedAt: receipt.submittedAt,
    timeliness: receipt.timeliness,
    version: receipt.version,
    ...(submission.submittedBy && { submittedBy: submission.submittedBy }),
    ...(submission.documentNumber && { documentNumber: submission.documentNumber }),
    ...(thread && { thread }),
  };
}
