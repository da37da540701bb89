import { TOKEN_REFRESH_CODES } from './error-table';
import type { OAuthTokens } from './response-schemas';
import type { ZaloTokens, ZaloTokenStore } from './token-store';
import { ZaloApiError } from './zalo-errors';

export interface ZaloTokenManagerOptions {
  store: ZaloTokenStore;
  auth: { refreshOAAccessToken(refreshToken: string): Promise<OAuthTokens> };
  /** The refresh token from config, used only while the store is still empty. */
  initialRefreshToken?: string;
  /** Refresh proactively when the access token has less than this left. @defaultValue 60 */
  refreshBeforeMinutes?: number;
  now?: () => Date;
  /** Told of each pair Zalo granted (dondoc_zalo_token_refreshes_total). */
  onRefreshed?: () => void;
}

export interface ZaloTokenManager {
  /** A valid access token, refreshed first when it expires within `refreshBeforeMinutes`. */
  accessToken(): Promise<string>;
  /** Runs `call`; on -124/-216/-220 refreshes once and runs it once more with the new token. */
  withAccessToken<T>(call: (accessToken: string) => Promise<T>): Promise<T>;
  /** Refreshes unless someone already replaced `rejectedToken`; joins a refresh already in flight. */
  refresh(rejectedToken?: string): Promise<string>;
}

interface Known {
  tokens?: ZaloTokens;
  refreshToken?: string;
}

/**
 * Owns the OA token pair. Zalo's refresh token is single use, so refreshes are single-flight in this process and run
 * under the store's refresh lock across processes (two racing refreshes would burn the token of one of them), and the
 * new pair is saved before anyone may use it.
 */
export function createZaloTokenManager(options: ZaloTokenManagerOptions): ZaloTokenManager {
  const now = options.now ?? (() => new Date());
  const marginMs = (options.refreshBeforeMinutes ?? 60) * 60_000;
  let loading: Promise<void> | undefined;
  let latest: Known = {};
  let inFlight: Promise<ZaloTokens> | undefined;
  // A pair Zalo granted but the store failed to save: its refresh token is the only valid one left.
  let unsaved: ZaloTokens | undefined;

  // Callers read `latest` after this resolves, never a copy taken before an await: it may be stale by then.
  const loaded = (): Promise<void> =>
    (loading ??= options.store.load().then(
      (tokens) => {
        latest = tokens ? { tokens, refreshToken: tokens.refreshToken } : { refreshToken: options.initialRefreshToken };
      },
      (err: unknown) => {
        loading = undefined;
        throw err;
      },
    ));
  const fresh = (tokens: ZaloTokens | undefined): tokens is ZaloTokens =>
    tokens !== undefined && Date.parse(tokens.accessTokenExpiresAt) - now().getTime() > marginMs;

  /**
   * One refresh under the store's lock. Whoever held the lock before may have refreshed already (another host, with
   * the database's store): their pair is used instead of spending its refresh token a second time.
   */
  async function performRefresh(fallback: Known, rejectedToken: string | undefined): Promise<ZaloTokens> {
    let granted: ZaloTokens | undefined;
    try {
      const tokens = await options.store.withRefreshLock(async (current) => {
        if (unsaved) return unsaved;
        if (current && current.accessToken !== rejectedToken && fresh(current)) return current;
        // The store wins over memory: it holds the newest refresh token even if someone else rotated it.
        const refreshToken = current?.refreshToken ?? fallback.refreshToken;
        if (!refreshToken) {
          throw new ZaloApiError({
            code: 'NO_REFRESH_TOKEN',
            message: 'No Zalo refresh token: set the initial one in the configuration',
            kind: 'token',
            retryable: false,
          });
        }
        const answer = await options.auth.refreshOAAccessToken(refreshToken);
        const at = now();
        granted = {
          accessToken: answer.access_token,
          refreshToken: answer.refresh_token,
          accessTokenExpiresAt: new Date(at.getTime() + answer.expires_in * 1000).toISOString(),
          refreshedAt: at.toISOString(),
        };
        options.onRefreshed?.();
        return granted;
      });
      unsaved = undefined;
      latest = { tokens, refreshToken: tokens.refreshToken };
      return tokens;
    } catch (err) {
      // Zalo granted a pair the store did not keep: its refresh token is the only valid one left.
      if (granted) unsaved = granted;
      throw err;
    }
  }

  async function refresh(rejectedToken?: string): Promise<string> {
    await loaded();
    // No await between this check and setting inFlight: concurrent callers must see each other's refresh.
    if (!inFlight) {
      if (latest.tokens && latest.tokens.accessToken !== rejectedToken && fresh(latest.tokens)) {
        return latest.tokens.accessToken;
      }
      inFlight = performRefresh(latest, rejectedToken).finally(() => (inFlight = undefined));
    }
    return (await inFlight).accessToken;
  }

  async function accessToken(): Promise<string> {
    await loaded();
    if (!inFlight && fresh(latest.tokens)) return latest.tokens.accessToken;
    return refresh(latest.tokens?.accessToken);
  }

  return {
    accessToken,
    refresh,
    async withAccessToken(call) {
      const token = await accessToken();
      try {
        return await call(token);
      } catch (err) {
        if (!(err instanceof ZaloApiError) || typeof err.code !== 'number' || !TOKEN_REFRESH_CODES.has(err.code)) {
          throw err;
        }
        return call(await refresh(token));
      }
    },
  };
}
