/** One line of notifications.jsonl, with the fields CONTRACTS §5 names (read as data, not as simulate/'s type). */
export interface NotificationLine {
  kind: string;
  channel: string;
  unit: string;
  obligation: string;
  level: number | null;
  scheduledAt: string;
  key: string;
  recipients: string[];
}

/**
 * The obligations one line is about. CONTRACTS §5 asks for one line per item, but a message that covers several
 * obligations of a unit is logged today as one line with comma-separated obligations; both forms read the same here.
 */
export function obligationsOf(line: NotificationLine): string[] {
  return line.obligation.split(',').filter((o) => o !== '');
}
