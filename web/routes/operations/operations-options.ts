import type { DondocMetrics } from '../../../observability/metrics';

/** What the operator's endpoints read; all optional, so a web app built for a test still serves /livez. */
export interface OperationsOptions {
  /** dondoc's series; without them `/metrics` answers 404. */
  metrics?: DondocMetrics;
  /** The SDK's Prometheus exporter on loopback (`http://127.0.0.1:<port>/metrics`), appended to `/metrics`. */
  sdkMetricsUrl?: string;
  /** METRICS_TOKEN: `/metrics` then wants `Authorization: Bearer <token>`. */
  metricsToken?: string;
  /** Resolves when dondoc's database answers (`/readyz`). */
  pingDatabase?: () => Promise<void>;
}
