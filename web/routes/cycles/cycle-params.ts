import { z } from 'zod';
import { UNIT_KINDS } from '../../../domain/plan/plan-schema';
import { HttpError } from '../../http-error';
import { MESSAGE_STATUSES, OBLIGATION_STATES } from '../../views/labels';

const Id = z.string().regex(/^[a-z0-9-]+$/);

export const CycleParams = z.object({ planId: Id, year: z.coerce.number().int().min(2000).max(2200) });
export const UnitParams = CycleParams.extend({ unitId: Id });
export const ObligationParams = UnitParams.extend({ obligationId: Id });

/** A message's key as the URL carries it (encoded, one path segment); the store is the judge of whether it exists. */
export const MessageParams = CycleParams.extend({ key: z.string().min(1).max(1000) });

export const MessagesQuery = z.object({
  status: z.enum(MESSAGE_STATUSES).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(1000).catch(1).default(1),
});

export const MatrixQuery = z.object({
  kind: z.enum(UNIT_KINDS).optional().catch(undefined),
  state: z.enum(OBLIGATION_STATES).optional().catch(undefined),
  page: z.coerce.number().int().min(1).catch(1).default(1),
});

/** Parses route params at the edge: a malformed id is a 404, like an unknown one. */
export function parseParams<T>(schema: z.ZodType<T>, params: unknown): T {
  const parsed = schema.safeParse(params);
  if (!parsed.success) throw new HttpError(404, 'Không tìm thấy chu kỳ, đơn vị hoặc nhiệm vụ này.');
  return parsed.data;
}
