import { randomBytes } from 'node:crypto';
import { FAKE_ZALO_DEFAULTS, type FakeOutcome, type FakeTemplate, type FakeZaloOptions } from './fake-options';

export interface ReceivedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: Record<string, string>;
  /** Parsed JSON or form fields when the body is one, the raw text otherwise; undefined when empty. */
  body: unknown;
  at: string;
}

export type Settings = Required<Omit<FakeZaloOptions, 'host' | 'port' | 'scripts' | 'followers' | 'outsideWindow'>> & {
  followers: ReadonlySet<string>;
  outsideWindow: ReadonlySet<string>;
  templates: Readonly<Record<string, FakeTemplate>>;
};

export type OutcomeNow = Exclude<FakeOutcome, { kind: 'fail-times' }>;

/** Everything the fake remembers: tokens, quota, sent messages, scripts and every request it received. */
export class FakeZaloState {
  readonly settings: Settings;
  readonly received: ReceivedRequest[] = [];
  refreshToken = '';
  remainingQuota = 0;
  readonly messages = new Map<string, { phone: string; sentAt: number }>();
  private rotations = 0;
  private readonly accessTokens = new Map<string, number>();
  private readonly scripts = new Map<string, FakeOutcome>();

  private readonly initialScripts: Readonly<Record<string, FakeOutcome>>;

  constructor(options: FakeZaloOptions) {
    this.initialScripts = options.scripts ?? {};
    this.settings = {
      appId: options.appId ?? FAKE_ZALO_DEFAULTS.appId,
      secretKey: options.secretKey ?? FAKE_ZALO_DEFAULTS.secretKey,
      refreshToken: options.refreshToken ?? FAKE_ZALO_DEFAULTS.refreshToken,
      accessTokenTtlSeconds: options.accessTokenTtlSeconds ?? FAKE_ZALO_DEFAULTS.accessTokenTtlSeconds,
      dailyQuota: options.dailyQuota ?? FAKE_ZALO_DEFAULTS.dailyQuota,
      templates: options.templates ?? FAKE_ZALO_DEFAULTS.templates,
      followers: new Set(options.followers ?? FAKE_ZALO_DEFAULTS.followers),
      outsideWindow: new Set(options.outsideWindow ?? FAKE_ZALO_DEFAULTS.outsideWindow),
      now: options.now ?? Date.now,
    };
    this.reset();
  }

  reset(): void {
    this.received.length = 0;
    this.messages.clear();
    this.accessTokens.clear();
    this.scripts.clear();
    for (const [key, outcome] of Object.entries(this.initialScripts)) this.scripts.set(key, outcome);
    this.rotations = 0;
    this.refreshToken = this.settings.refreshToken;
    this.remainingQuota = this.settings.dailyQuota;
  }

  /** 0 when valid, -220 when it expired (or was expired by a test), -124 when missing or unknown. */
  checkAccessToken(token: string | undefined): 0 | -124 | -220 {
    const expiresAt = token ? this.accessTokens.get(token) : undefined;
    if (expiresAt === undefined) return -124;
    return expiresAt > this.settings.now() ? 0 : -220;
  }

  expireAccessTokens(): void {
    for (const token of this.accessTokens.keys()) this.accessTokens.set(token, 0);
  }

  /** Refresh tokens are single use: every success rotates, so any older token is rejected afterwards. */
  rotate(refreshToken: string): { access_token: string; refresh_token: string; expires_in: string } | undefined {
    if (refreshToken !== this.refreshToken) return undefined;
    this.rotations += 1;
    this.refreshToken = `${this.settings.refreshToken.replace(/-\d+$/, '')}-${this.rotations}`;
    const accessToken = `fake-access-${this.rotations}-${randomBytes(8).toString('hex')}`;
    this.accessTokens.set(accessToken, this.settings.now() + this.settings.accessTokenTtlSeconds * 1000);
    return {
      access_token: accessToken,
      refresh_token: this.refreshToken,
      expires_in: String(this.settings.accessTokenTtlSeconds),
    };
  }

  script(key: string, outcome: FakeOutcome | undefined): void {
    if (outcome) this.scripts.set(key, outcome);
    else this.scripts.delete(key);
  }

  /** The scripted outcome for this request, if any; counts down fail-times scripts. */
  takeOutcome(key: string | undefined): OutcomeNow | undefined {
    const outcome = key === undefined ? undefined : this.scripts.get(key);
    if (!outcome || key === undefined) return undefined;
    if (outcome.kind !== 'fail-times') return outcome;
    if (outcome.times <= 0) return undefined;
    this.scripts.set(key, { ...outcome, times: outcome.times - 1 });
    return outcome.outcome;
  }
}
