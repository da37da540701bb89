import type { ServerResponse } from 'node:http';
import { z } from 'zod';
import { sendJson, type FakeRequest } from './fake-http';
import type { FakeOutcome } from './fake-options';
import type { FakeZaloState } from './fake-state';

/** The test-only control API lives under this prefix; its requests are not recorded. */
export const ADMIN_PREFIX = '/__fake/';

const OutcomeNowSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('error'), error: z.number().int(), message: z.string().optional() }),
  z.object({ kind: z.literal('http'), status: z.number().int().min(100).max(599) }),
  z.object({ kind: z.literal('hang') }),
]);
const OutcomeSchema: z.ZodType<FakeOutcome> = z.union([
  OutcomeNowSchema,
  z.object({ kind: z.literal('fail-times'), times: z.number().int().min(0), outcome: OutcomeNowSchema }),
]);
const ScriptSchema = z.object({ key: z.string().min(1), outcome: OutcomeSchema.nullable() });

/** POST /__fake/script {key, outcome|null}, GET /__fake/messages, POST /__fake/reset, POST /__fake/expire-tokens. */
export function handleAdmin(state: FakeZaloState, req: FakeRequest, res: ServerResponse): void {
  const route = `${req.method} ${req.path.slice(ADMIN_PREFIX.length)}`;
  switch (route) {
    case 'POST script': {
      const parsed = ScriptSchema.safeParse(req.body);
      if (!parsed.success) return sendJson(res, 400, { error: z.prettifyError(parsed.error) });
      state.script(parsed.data.key, parsed.data.outcome ?? undefined);
      return sendJson(res, 200, { ok: true });
    }
    case 'GET messages':
      return sendJson(res, 200, { received: state.received });
    case 'GET state':
      return sendJson(res, 200, { refreshToken: state.refreshToken, remainingQuota: state.remainingQuota });
    case 'POST reset':
      state.reset();
      return sendJson(res, 200, { ok: true });
    case 'POST expire-tokens':
      state.expireAccessTokens();
      return sendJson(res, 200, { ok: true });
    default:
      return sendJson(res, 404, { error: `unknown admin route ${route}` });
  }
}
