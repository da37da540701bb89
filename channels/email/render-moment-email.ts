// PROVISIONAL: replaced by the `render` branch (templates). Only here so the dispatcher can be built meanwhile.
import { messageSummary, type MomentMessage } from '../../domain/dispatch/message-items';
import { vnDate } from '../../domain/plan-time';
import type { RenderedEmail } from './render-email';

export function renderMomentEmail(
  message: MomentMessage,
  options: { sendKey?: string; dashboardUrl?: string; templateDir?: string } = {},
): RenderedEmail {
  const summary = messageSummary(message.items);
  const headers: Record<string, string> = {
    'X-Dondoc-Kind': summary.kind,
    'X-Dondoc-Cycle': `${message.plan.id}/${message.plan.year}`,
  };
  if (summary.unitIds.length === 1) headers['X-Dondoc-Unit'] = summary.unitIds[0]!;
  else headers['X-Dondoc-Items'] = message.items.map((i) => `${i.unitId}/${i.obligationId}/${i.level}`).join(',');
  headers['X-Dondoc-Obligation'] = summary.obligationIds.join(',');
  if (summary.level !== undefined) headers['X-Dondoc-Level'] = String(summary.level);
  headers['X-Dondoc-Scheduled-At'] = message.scheduledAt;
  headers['X-Dondoc-Key'] = options.sendKey ?? message.key;
  const lines = message.items.map((i) => `- ${i.unit.name}: ${i.title} (hạn ${vnDate(i.dueDate)}, ${i.workingDays})`);
  const text = `Kính gửi ${message.recipient.name},\n\n${lines.join('\n')}\n`;
  return { subject: `[Đôn đốc] ${message.plan.title}`, text, html: `<pre>${text}</pre>`, headers };
}
