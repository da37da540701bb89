/** How long `/metrics` waits for the SDK's exporter: a scrape must answer even if the runtime is stuck. */
const SDK_SCRAPE_DEADLINE_MS = 2000;

/**
 * The Temporal SDK's own series (worker slots, polls, latencies), read from its Prometheus exporter on loopback, so
 * that `/metrics` is one scrape target. A failed read gives a comment line instead of failing the scrape.
 */
export async function fetchSdkMetrics(url: string): Promise<string> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(SDK_SCRAPE_DEADLINE_MS) });
    if (!response.ok) return `# Temporal SDK metrics unavailable: HTTP ${response.status}\n`;
    return await response.text();
  } catch (err) {
    return `# Temporal SDK metrics unavailable: ${err instanceof Error ? err.message : String(err)}\n`;
  }
}
