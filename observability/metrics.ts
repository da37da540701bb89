import { Counter, Gauge, Registry } from 'prom-client';

/** `channel`: email, zns or oa (the last two reach the Zalo API). `outcome`: what the provider answered. */
export type NotificationOutcome = 'accepted' | 'deferred' | 'failed' | 'unknown' | 'error';

/**
 * dondoc's own series, on a registry of this process (never prom-client's global one: tests build many workers in one
 * process). Counters count what this process did since it started; Prometheus sums the processes.
 */
export interface DondocMetrics {
  readonly registry: Registry;
  /** One per provider answer: accepted, refused (failed), deferred, unknown (a sender died mid-send), error (thrown, retried). */
  readonly notifications: Counter<'kind' | 'channel' | 'outcome'>;
  /** A person's message held for later (the day's cap, a provider's deferral). */
  readonly messagesHeld: Counter;
  /** Held messages merged into a later message of the same person. */
  readonly messagesMerged: Counter;
  /** Obligations by state, per cycle, as the last dispatch moment of that cycle in this process saw them. */
  readonly obligations: Gauge<'cycle' | 'state'>;
  readonly submissions: Counter<'timeliness'>;
  readonly aggregations: Counter<'outcome'>;
  readonly zaloTokenRefreshes: Counter;
}

export function createDondocMetrics(): DondocMetrics {
  const registry = new Registry();
  const registers = [registry];
  return {
    registry,
    notifications: new Counter({
      name: 'dondoc_notifications_total',
      help: 'Notifications handed to a provider, by kind, channel and outcome.',
      labelNames: ['kind', 'channel', 'outcome'] as const,
      registers,
    }),
    messagesHeld: new Counter({
      name: 'dondoc_messages_held_total',
      help: "Messages held for a later moment (the day's cap, a provider's deferral).",
      registers,
    }),
    messagesMerged: new Counter({
      name: 'dondoc_messages_merged_total',
      help: 'Held messages merged into a later message to the same person.',
      registers,
    }),
    obligations: new Gauge({
      name: 'dondoc_obligations',
      help: "Obligations by state, per cycle, as of that cycle's last dispatch moment on this process.",
      labelNames: ['cycle', 'state'] as const,
      registers,
    }),
    submissions: new Counter({
      name: 'dondoc_submissions_total',
      help: 'Submissions recorded, on time or late (counted from the first submission of the obligation).',
      labelNames: ['timeliness'] as const,
      registers,
    }),
    aggregations: new Counter({
      name: 'dondoc_aggregations_total',
      help: 'Consolidated report runs, by outcome.',
      labelNames: ['outcome'] as const,
      registers,
    }),
    zaloTokenRefreshes: new Counter({
      name: 'dondoc_zalo_token_refreshes_total',
      help: 'Zalo access token refreshes made by this process.',
      registers,
    }),
  };
}
