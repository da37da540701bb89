/** Everything the web app reads from the outside, built once by the service (see `webConfigFromEnv`). */
export interface WebConfig {
  /** The Temporal namespace: `/healthz` checks that a worker polls the core's task queue in it. */
  namespace: string;
  /** Mark cookies `Secure` (behind HTTPS). @defaultValue false */
  secureCookies?: boolean;
  /** Dashboard session lifetime, ms. @defaultValue 8 hours */
  sessionTtlMs?: number;
  /** Per uploaded file, bytes. @defaultValue 20 MiB */
  maxFileBytes?: number;
  /** Files per submission. @defaultValue 5 */
  maxFiles?: number;
  /** Login attempts per IP and user name per minute. @defaultValue 5 */
  loginAttemptsPerMinute?: number;
  /** Units per matrix page. @defaultValue 50 */
  pageSize?: number;
  /** How long a unit status read for the dashboard is reused, ms. @defaultValue 5000 */
  statusCacheMs?: number;
  /** Origins (the Temporal Web UI's) that may call `/codec` with the operator's cookie. @defaultValue none */
  codecOrigins?: readonly string[];
}

export const WEB_DEFAULTS = {
  secureCookies: false,
  sessionTtlMs: 8 * 3600_000,
  maxFileBytes: 20 * 1024 * 1024,
  maxFiles: 5,
  loginAttemptsPerMinute: 5,
  pageSize: 50,
  statusCacheMs: 5000,
  codecOrigins: [] as readonly string[],
} as const;

export type ResolvedWebConfig = WebConfig & typeof WEB_DEFAULTS;

export function resolveWebConfig(config: WebConfig): Readonly<ResolvedWebConfig> {
  const defined = Object.fromEntries(Object.entries(config).filter(([, value]) => value !== undefined));
  return Object.freeze({ ...WEB_DEFAULTS, ...defined } as ResolvedWebConfig);
}
