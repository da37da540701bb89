/** Everything the web app reads from the outside, built once by the service (see `webConfigFromEnv`). */
export interface WebConfig {
  /** The Temporal namespace: `/healthz` checks that a worker polls the core's task queue in it. */
  namespace: string;
  /**
   * Mark cookies `Secure` and give them `__Host-` names on every request (PUBLIC_BASE_URL is https). Requests over
   * https and to a loopback host get them anyway. @defaultValue false
   */
  secureCookies?: boolean;
  /**
   * Whose `X-Forwarded-For`/`-Proto` to believe (Fastify's `trustProxy`): the reverse proxy's addresses or CIDRs
   * comma-separated, or `true`. It decides `request.ip` (the per-IP limits) and `request.protocol` (HSTS, Secure cookies).
   * @defaultValue false
   */
  trustProxy?: boolean | string;
  /** Dashboard session lifetime, ms. @defaultValue 8 hours */
  sessionTtlMs?: number;
  /** Per uploaded file, bytes. @defaultValue 20 MiB */
  maxFileBytes?: number;
  /** Files per submission. @defaultValue 5 */
  maxFiles?: number;
  /** Login attempts per IP and user name per minute. @defaultValue 5 */
  loginAttemptsPerMinute?: number;
  /** Login attempts per IP per minute, whatever the user name. @defaultValue 30 */
  loginAttemptsPerIpPerMinute?: number;
  /** POSTs to one submission link per minute. @defaultValue 10 */
  submissionPostsPerLinkPerMinute?: number;
  /**
   * Longest silence on a connection, ms (Fastify `connectionTimeout`): longer than the longest wait of a page for
   * Temporal (a live report, 60 s), since a socket is silent while its answer is computed. @defaultValue 2 minutes
   */
  connectionTimeoutMs?: number;
  /**
   * Longest time to receive a whole request, upload body included, ms (Fastify `requestTimeout`; answered 408).
   * 10 minutes receive the largest submission (5 × 20 MiB) at about 1.5 Mbit/s. @defaultValue 10 minutes
   */
  requestTimeoutMs?: number;
  /** Units per matrix page. @defaultValue 50 */
  pageSize?: number;
  /** How long a unit status read for the dashboard is reused, ms. @defaultValue 5000 */
  statusCacheMs?: number;
  /** Origins (the Temporal Web UI's) that may call `/codec` with the operator's cookie. @defaultValue none */
  codecOrigins?: readonly string[];
  /** PUBLIC_BASE_URL: the address of the links the dashboard shows; without it, the request's own origin. */
  publicBaseUrl?: string;
  /** GETs of one unit's inbox (page or calendar feed) per minute. @defaultValue 60 */
  inboxReadsPerLinkPerMinute?: number;
}

export const WEB_DEFAULTS = {
  secureCookies: false,
  trustProxy: false as boolean | string,
  sessionTtlMs: 8 * 3600_000,
  maxFileBytes: 20 * 1024 * 1024,
  maxFiles: 5,
  loginAttemptsPerMinute: 5,
  loginAttemptsPerIpPerMinute: 30,
  submissionPostsPerLinkPerMinute: 10,
  connectionTimeoutMs: 120_000,
  requestTimeoutMs: 600_000,
  pageSize: 50,
  statusCacheMs: 5000,
  codecOrigins: [] as readonly string[],
  inboxReadsPerLinkPerMinute: 60,
} as const;

export type ResolvedWebConfig = WebConfig & typeof WEB_DEFAULTS;

export function resolveWebConfig(config: WebConfig): Readonly<ResolvedWebConfig> {
  const defined = Object.fromEntries(Object.entries(config).filter(([, value]) => value !== undefined));
  return Object.freeze({ ...WEB_DEFAULTS, ...defined } as ResolvedWebConfig);
}
