import type { Mailer } from '../../channels/email';
import type { ZaloMessenger } from '../../channels/zalo';
import type { DondocMetrics } from '../../observability/metrics';
import type { SendSlots } from './send-slots';
import type { SentLedger } from './sent-ledger';

/** What the notify activities need; the worker wires real channels, tests wire local servers. */
export interface NotifyDeps {
  mailer: Mailer;
  /** Absent when Zalo is not configured: the routing then plans no Zalo sends. */
  zalo?: ZaloMessenger;
  ledger: SentLedger;
  /** Sends of each channel under way at once in this process (see send-slots.ts); unlimited when absent. */
  slots?: { email: SendSlots; zalo: SendSlots };
  now: () => Date;
  /** Linked from emails to Phòng Nội vụ and leadership. */
  dashboardUrl?: string;
  /** The unit's inbox link at its current generation (receipts carry it); absent without signed links. */
  inboxUrlOf?: (unitId: string) => Promise<string | undefined>;
  /** dondoc_notifications_total and friends; absent in tests that do not look at them. */
  metrics?: DondocMetrics;
}
