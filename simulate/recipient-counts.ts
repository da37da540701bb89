import type { DeliveredNotification } from './notification-log';

/** How many messages one person got on one channel over the run, and on their busiest day. */
export interface RecipientCount {
  recipient: string;
  channel: DeliveredNotification['channel'];
  messages: number;
  maxPerDay: number;
  /** The plan day (YYYY-MM-DD) of that busiest day. */
  busiestDay: string;
}

/** Messages per recipient and channel, counted by key (a message covering several items is one message). */
export function recipientCounts(entries: readonly DeliveredNotification[]): RecipientCount[] {
  const keys = new Map<string, Map<string, Set<string>>>();
  for (const entry of entries) {
    for (const recipient of entry.recipients) {
      const id = `${entry.channel} ${recipient}`;
      const byDay = keys.get(id) ?? new Map<string, Set<string>>();
      keys.set(id, byDay);
      const day = entry.scheduledAt.slice(0, 10);
      byDay.set(day, (byDay.get(day) ?? new Set()).add(entry.key));
    }
  }
  const counts: RecipientCount[] = [];
  for (const [id, byDay] of keys) {
    const [channel, recipient] = id.split(' ') as [DeliveredNotification['channel'], string];
    let messages = 0;
    let busiest: [string, number] = ['', 0];
    for (const [day, dayKeys] of byDay) {
      messages += dayKeys.size;
      if (dayKeys.size > busiest[1]) busiest = [day, dayKeys.size];
    }
    counts.push({ recipient, channel, messages, maxPerDay: busiest[1], busiestDay: busiest[0] });
  }
  return counts.sort((a, b) => b.messages - a.messages || a.recipient.localeCompare(b.recipient));
}
