import type { FastifyInstance } from 'fastify';
import type { ObligationStatus, UnitStatus } from '../../domain/cycle/unit-status';
import type { FormFieldRule } from '../../domain/forms/validate-form-values';
import type { Plan } from '../../domain/plan/plan-schema';
import { verifySubmissionToken, type SubmissionClaims } from '../../links/submission-token';
import { HttpError } from '../http-error';

/** Everything a submission page shows, resolved from a verified link. */
export interface LinkContext {
  claims: SubmissionClaims;
  plan: Plan;
  unit: UnitStatus;
  obligation: ObligationStatus;
  fields: (FormFieldRule & { help?: string | undefined })[];
  /** The obligation expects a document (files required) rather than a report (values, files optional). */
  needsFiles: boolean;
}

const TOKEN_FAILURES = {
  malformed: [
    400,
    'Liên kết không hợp lệ',
    'Liên kết nộp văn bản không đúng dạng. Vui lòng mở lại đúng liên kết trong tin nhắn hoặc email đã nhận.',
  ],
  'bad-signature': [
    403,
    'Liên kết không hợp lệ',
    'Liên kết này đã bị thay đổi hoặc không do hệ thống cấp. Vui lòng dùng đúng liên kết đã nhận.',
  ],
  expired: [
    410,
    'Liên kết đã hết hạn',
    'Liên kết nộp này đã hết hạn. Vui lòng liên hệ Phòng Nội vụ để được hướng dẫn nộp văn bản.',
  ],
} as const;

/** Checks the token before anything else is read; a bad one changes nothing and reads no workflow. */
export function verifyLink(app: FastifyInstance, token: string): SubmissionClaims {
  const checked = verifySubmissionToken(app.keys.link.verifying, token, app.clock().getTime());
  if (checked.ok) return checked.claims;
  const [status, title, message] = TOKEN_FAILURES[checked.reason];
  throw new HttpError(status, message, { title });
}

export async function loadLinkContext(app: FastifyInstance, claims: SubmissionClaims): Promise<LinkContext> {
  const ref = { planId: claims.planId, year: claims.year };
  const unit = await app.cycles.unit(ref, claims.unitId);
  const { plan } = await app.cycles.cycle(ref);
  const obligation = unit.obligations.find((o) => o.id === claims.obligationId);
  if (!obligation) {
    throw new HttpError(404, 'Đơn vị không còn nhiệm vụ này trong kế hoạch. Vui lòng liên hệ Phòng Nội vụ.');
  }
  // The form is the one the unit's workflow validates (its own input, kept when a cycle is amended); the cycle's
  // current plan only lends the help texts.
  const planObligation = plan.obligations.find((o) => o.id === claims.obligationId);
  const planForm = planObligation?.form ? plan.forms[planObligation.form] : undefined;
  const help = new Map((planForm?.fields ?? []).map((field) => [field.key, field.help]));
  return {
    claims,
    plan,
    unit,
    obligation,
    fields: (obligation.form ?? []).map((rule) => ({ ...rule, help: help.get(rule.key) })),
    needsFiles: obligation.deliverable === 'document',
  };
}
