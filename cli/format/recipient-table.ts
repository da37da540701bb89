import type { RecipientCount } from '../../simulate/recipient-counts';
import { renderTable } from './text-table';

const CHANNEL_LABEL = { email: 'email', zns: 'ZNS', oa: 'OA' } as const;

/** The messages each person got over a simulated year, busiest first: one line per person and channel. */
export function formatRecipientTable(counts: readonly RecipientCount[]): string {
  const rows = counts.map((c) => [
    c.recipient,
    CHANNEL_LABEL[c.channel],
    String(c.messages),
    `${c.maxPerDay} (${c.busiestDay})`,
  ]);
  return `${renderTable(['recipient', 'channel', 'messages', 'most in a day'], rows, '  ')}\n`;
}
