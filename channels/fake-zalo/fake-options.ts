import { ZNS_TEMPLATE_PARAMS } from '../zalo/zns-templates';

/** What the fake answers instead of the normal behaviour, for one phone number, OA user id or `oauth`. */
export type FakeOutcome =
  | { kind: 'error'; error: number; message?: string }
  | { kind: 'http'; status: number }
  /** Accepts the request and never answers (until the server closes). */
  | { kind: 'hang' }
  /** `outcome` for the next `times` requests, then normal behaviour. */
  | { kind: 'fail-times'; times: number; outcome: Exclude<FakeOutcome, { kind: 'fail-times' }> };

export interface FakeTemplate {
  /** Parameter names that template_data must contain. */
  params: readonly string[];
  /** @defaultValue true */
  approved?: boolean;
}

export interface FakeZaloOptions {
  /** @defaultValue `127.0.0.1` */
  host?: string;
  /** 0 picks a free port. @defaultValue 0 */
  port?: number;
  appId?: string;
  secretKey?: string;
  /** The refresh token accepted before the first rotation. */
  refreshToken?: string;
  /** Lifetime of issued access tokens, also reported as `expires_in`. @defaultValue 90000 (25 h) */
  accessTokenTtlSeconds?: number;
  /** template_id → template; defaults to FAKE_ZALO_DEFAULTS.templates. */
  templates?: Readonly<Record<string, FakeTemplate>>;
  /** OA user ids that follow the OA and interacted within the last 7 days. */
  followers?: readonly string[];
  /** OA user ids that follow the OA but are outside the interaction window (-230). */
  outsideWindow?: readonly string[];
  /** @defaultValue 500 */
  dailyQuota?: number;
  /** Scripted outcomes keyed by phone (ZNS), user id (OA) or `oauth` (token endpoint). */
  scripts?: Readonly<Record<string, FakeOutcome>>;
  /** Epoch milliseconds; token expiry is judged against it. @defaultValue `Date.now` */
  now?: () => number;
}

export const FAKE_ZALO_TEMPLATE_IDS = { reminder: '100001', escalation: '100002' } as const;
/** A registered template still awaiting Zalo's approval (-131). */
export const FAKE_ZALO_UNAPPROVED_TEMPLATE_ID = '100009';

/** What `dondoc fake-zalo` accepts when nothing is configured. */
export const FAKE_ZALO_DEFAULTS = {
  appId: 'dondoc-fake-app',
  secretKey: 'dondoc-fake-secret',
  refreshToken: 'dondoc-fake-refresh-0',
  accessTokenTtlSeconds: 90_000,
  dailyQuota: 500,
  followers: ['1000000000000000001'],
  outsideWindow: ['1000000000000000002'],
  templates: {
    [FAKE_ZALO_TEMPLATE_IDS.reminder]: { params: ZNS_TEMPLATE_PARAMS.reminder },
    [FAKE_ZALO_TEMPLATE_IDS.escalation]: { params: ZNS_TEMPLATE_PARAMS.escalation },
    [FAKE_ZALO_UNAPPROVED_TEMPLATE_ID]: { params: ['ten_don_vi'], approved: false },
  } as Readonly<Record<string, FakeTemplate>>,
};
