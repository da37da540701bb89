import type { EmailHeaders } from './email-headers';
import { sorted } from './multisets';
import { obligationsOf, type NotificationLine } from './notification-items';

const ID = /^[a-z0-9-]+$/;

/**
 * What is wrong with one email's X-Dondoc-* headers (CONTRACTS §3), given the notifications.jsonl lines of its key:
 * a header missing or malformed for its kind, or one that disagrees with what the log says was sent.
 */
export function contractHeaderProblems(
  headers: EmailHeaders,
  lines: readonly NotificationLine[],
  cycle: string,
): string[] {
  const kind = headers['x-dondoc-kind'] ?? '';
  const perItem = ['reminder', 'escalation', 'receipt'].includes(kind);
  const wanted: [string, RegExp][] = [
    ['x-dondoc-kind', /^(reminder|escalation|digest|report|receipt)$/],
    ['x-dondoc-cycle', new RegExp(`^${cycle}$`)],
    ['x-dondoc-scheduled-at', /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+07:00$/],
    ['x-dondoc-key', /^dondoc\/\S+$/],
    ['message-id', /^<[^<>@\s]+@[^<>\s]+>$/],
  ];
  // X-Dondoc-Unit is absent when one email covers several units; X-Dondoc-Items then lists them.
  if (perItem && headers['x-dondoc-items'] === undefined) wanted.push(['x-dondoc-unit', ID]);
  if (perItem || kind === 'report') wanted.push(['x-dondoc-obligation', /^[a-z0-9-]+(,[a-z0-9-]+)*$/]);
  if (kind === 'escalation') wanted.push(['x-dondoc-level', /^[1-9]\d*$/]);
  const problems = wanted.filter(([name, pattern]) => !pattern.test(headers[name] ?? '')).map(([name]) => name);

  const unit = headers['x-dondoc-unit'];
  const obligations = headers['x-dondoc-obligation'];
  if (lines.length === 0) problems.push('no line in notifications.jsonl');
  // A message of a moment may mix reminder and escalation items: its kind is the most urgent of them.
  const lineKinds = new Set(lines.map((n) => n.kind));
  const messageKind = lineKinds.has('escalation') && lineKinds.has('reminder') ? 'escalation' : [...lineKinds][0];
  if (lineKinds.size > 2 || messageKind !== kind) problems.push('kind ≠ log');
  if (lines.some((n) => n.scheduledAt !== headers['x-dondoc-scheduled-at'])) problems.push('scheduled-at ≠ log');
  if (unit !== undefined && lines.some((n) => n.unit !== unit)) problems.push('unit ≠ log');
  if (
    obligations !== undefined &&
    sorted(obligations.split(',')).join() !== sorted([...new Set(lines.flatMap(obligationsOf))]).join()
  )
    problems.push('obligation ≠ log');
  // On a summary the level is the highest of its items.
  if (kind === 'escalation' && Number(headers['x-dondoc-level']) !== Math.max(...lines.map((n) => n.level ?? 0)))
    problems.push('level ≠ log');
  return problems.length > 0 ? [`${headers['x-dondoc-key'] ?? '(no key)'}: ${problems.join(', ')}`] : [];
}
