import type { z } from 'zod';
import { ZALO_ERROR_TABLE, zaloError } from './error-table';
import type { HttpReply } from './http-transport';
import { EnvelopeSchema, OAuthErrorSchema, OAuthTokensSchema, type OAuthTokens } from './response-schemas';
import { ZaloApiError } from './zalo-errors';

/** The `data` of a `{error, message, data}` reply, whatever the HTTP status; `error !== 0` throws. */
export function unwrapEnvelope<T extends z.ZodType>(reply: HttpReply, schema: T, now: Date, what: string): z.output<T> {
  const envelope = EnvelopeSchema.safeParse(reply.json);
  // A 5xx with a code we do not know is an outage page that happens to be JSON, not an API answer.
  if (!envelope.success || (reply.status >= 500 && !(envelope.data.error in ZALO_ERROR_TABLE))) {
    throw noEnvelope(reply, what);
  }
  if (envelope.data.error !== 0) throw zaloError(envelope.data.error, envelope.data.message, now, reply.status);
  const data = schema.safeParse(envelope.data.data);
  if (!data.success) throw badResponse(reply, what, data.error.issues.map((issue) => issue.message).join('; '));
  return data.data;
}

/** OAuth v4 answers tokens without an envelope, and errors as `{error, error_name, error_description}`. */
export function unwrapOAuth(reply: HttpReply, now: Date): OAuthTokens {
  const failure = OAuthErrorSchema.safeParse(reply.json);
  if (failure.success) {
    const { error, error_name, error_description, message } = failure.data;
    const text = [error_name, error_description ?? message].filter(Boolean).join(': ');
    throw zaloError(error, text || undefined, now, reply.status);
  }
  const tokens = OAuthTokensSchema.safeParse(reply.json);
  if (tokens.success) return tokens.data;
  if (reply.json === undefined || reply.status >= 400) throw noEnvelope(reply, 'token refresh');
  throw badResponse(reply, 'token refresh', tokens.error.issues.map((issue) => issue.message).join('; '));
}

function noEnvelope(reply: HttpReply, what: string): ZaloApiError {
  const outage = reply.status >= 500 || reply.status === 429;
  if (!outage && reply.status < 400) return badResponse(reply, what, 'not a Zalo JSON body');
  return new ZaloApiError({
    code: 'HTTP_ERROR',
    message: `Zalo ${what}: HTTP ${reply.status}`,
    kind: outage ? 'transient' : 'config',
    retryable: outage,
    httpStatus: reply.status,
  });
}

// Not retryable: a send whose answer we cannot read may have gone out, and the contract has changed anyway.
function badResponse(reply: HttpReply, what: string, detail: string): ZaloApiError {
  return new ZaloApiError({
    code: 'BAD_RESPONSE',
    message: `Zalo ${what}: unexpected response (HTTP ${reply.status}): ${detail}`,
    kind: 'config',
    retryable: false,
    httpStatus: reply.status,
  });
}
