import { nextDayMorning, nextMorning } from './send-window';
import { ZaloApiError, ZaloDeferredError, type ZaloErrorKind } from './zalo-errors';

interface ErrorRule {
  kind: ZaloErrorKind;
  retryable: boolean;
  meaning: string;
  /** A deferral instead of a failure: until the next 06:00 local, or 06:00 of the next local day. */
  defer?: 'next-morning' | 'next-day';
}

const rule = (kind: ZaloErrorKind, retryable: boolean, meaning: string, defer?: ErrorRule['defer']): ErrorRule =>
  defer ? { kind, retryable, meaning, defer } : { kind, retryable, meaning };
const config = (meaning: string): ErrorRule => rule('config', false, meaning);
const recipient = (meaning: string): ErrorRule => rule('recipient', false, meaning);
const token = (meaning: string): ErrorRule => rule('token', true, meaning);

/**
 * Every error code of docs/reference zalo-api.md (ZNS §1.3, OA §2, OAuth §3). Token codes are retryable because
 * a refresh can cure them; the token manager refreshes and retries once before one reaches a caller.
 */
export const ZALO_ERROR_TABLE: Readonly<Record<number, ErrorRule>> = {
  [-32]: rule('transient', true, 'app reached its API-call rate limit'),
  // ZNS
  [-100]: rule('transient', true, 'unknown error, try again later'),
  [-101]: config('app id invalid'),
  [-102]: config('app does not exist'),
  [-103]: config('app not activated'),
  [-104]: config('app secret key invalid'),
  [-105]: config('app not linked to an OA'),
  [-106]: config('method unsupported'),
  [-107]: config('message id invalid'),
  [-108]: recipient('phone number invalid'),
  [-109]: config('template id invalid'),
  [-110]: recipient("user's Zalo version too old"),
  [-111]: config('template data empty'),
  [-112]: config('template data invalid'),
  [-113]: config('button invalid'),
  [-114]: recipient('user inactive, rejected the message, or internal error'),
  [-115]: rule('quota', false, 'ZNS account balance too low (top-up needed)'),
  [-116]: config('text invalid'),
  [-117]: config('OA/app has no permission for this template'),
  [-118]: recipient('Zalo account does not exist or is disabled'),
  [-119]: recipient('account cannot receive ZNS'),
  [-120]: config('OA lacks permission for the feature'),
  [-121]: config('template has no content'),
  [-122]: config('body is not valid JSON'),
  [-123]: config('RSA decode failed'),
  [-124]: token('access token invalid'),
  [-125]: config('OA id invalid'),
  [-126]: config('development-mode wallet empty'),
  [-127]: config('development-mode template can only go to admins'),
  [-128]: config('encoding key missing'),
  [-129]: rule('transient', true, 'cannot create RSA key'),
  [-130]: config('content exceeds the character limit'),
  [-131]: config('template not approved'),
  [-132]: config('parameter invalid'),
  [-133]: rule('quota', true, 'template may not be sent at night (22:00–06:00)', 'next-morning'),
  [-134]: recipient("user hasn't answered the OA's ZNS opt-in suggestion"),
  [-135]: config('OA not allowed to send ZNS'),
  [-136]: config('Zalo Cloud Account not connected'),
  [-137]: config('Zalo Cloud Account payment failed'),
  [-138]: config('app not allowed to send ZNS'),
  [-139]: recipient('user refused this ZNS type'),
  [-140]: recipient('no permission for after-sales ZNS to this user'),
  [-141]: recipient('user refused ZNS from this OA'),
  [-144]: rule('quota', true, 'OA exceeded its daily ZNS limit', 'next-day'),
  [-145]: config('content type not allowed'),
  [-146]: config('template disabled for low quality'),
  [-147]: rule('quota', true, 'template exceeded its daily limit', 'next-day'),
  [-148]: config('journey token missing'),
  [-149]: config('journey token invalid'),
  [-150]: config('journey token expired'),
  [-151]: config('not an E2EE template'),
  // OA v3
  [-201]: config('parameter invalid'),
  [-204]: config('OA deleted'),
  [-205]: config('OA does not exist'),
  [-209]: config('app not activated'),
  [-210]: config('parameter exceeds limit'),
  [-211]: rule('quota', true, 'out of quota for the feature'),
  [-212]: config('API not registered for the app'),
  [-213]: recipient('user has not followed the OA'),
  [-216]: token('access token invalid'),
  [-218]: rule('quota', true, 'sending limit to this user reached'),
  [-219]: config('app removed or disabled'),
  [-220]: token('access_token expired or removed'),
  [-221]: config('OA not verified'),
  [-223]: config('OA exceeded publishing quota, or has not authorised this API'),
  [-224]: config('OA has no paid tier'),
  [-227]: recipient('user banned or offline for more than 45 days'),
  [-230]: recipient('user has not interacted with the OA in the past 7 days'),
  [-232]: recipient('user has not interacted with the OA yet'),
  [-233]: config('message type invalid'),
  [-234]: rule('quota', true, 'broadcast not allowed 22:00–06:00', 'next-morning'),
  [-240]: config('v2 message API retired'),
  [-242]: config('invalid appsecret_proof'),
  [-244]: recipient('user restricted this message type from the OA'),
  [-320]: rule('quota', false, 'app needs a Zalo Cloud Account'),
  [-321]: rule('quota', false, 'Zalo Cloud Account out of money'),
  // OAuth v4 (-14xxx): only -14003 is attested; the rest of the range falls back to a token failure.
  [-14003]: config('OAuth parameter invalid'),
  [-14014]: rule('token', false, 'refresh token invalid, expired or already used'),
};

/** Codes that a refresh of the access token can cure. */
export const TOKEN_REFRESH_CODES: ReadonlySet<number> = new Set([-124, -216, -220]);

export function ruleFor(code: number): ErrorRule {
  const known = ZALO_ERROR_TABLE[code];
  if (known) return known;
  if (code <= -14000 && code > -15000) return rule('token', false, 'OAuth error');
  // An unlisted code is a contract we do not know: stop and let an operator look rather than hammer Zalo.
  return config('unlisted Zalo error');
}

/** The error to throw for a Zalo `error` body; deferrals become ZaloDeferredError. */
export function zaloError(
  code: number,
  message: string | undefined,
  now: Date,
  httpStatus?: number,
): ZaloApiError | ZaloDeferredError {
  const found = ruleFor(code);
  const text = `Zalo error ${code}: ${message || found.meaning}`;
  if (found.defer === 'next-morning') return new ZaloDeferredError(code, nextMorning(now), text);
  if (found.defer === 'next-day') return new ZaloDeferredError(code, nextDayMorning(now), text);
  return new ZaloApiError({ code, message: text, kind: found.kind, retryable: found.retryable, httpStatus });
}
