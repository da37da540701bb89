import type { AggregationSummary } from '../../domain/cycle/cycle-input';
import type { ObligationStatus, UnitStatus } from '../../domain/cycle/unit-status';
import { vnDate, vnDateTime } from '../../domain/plan-time';
import type { CycleStatus } from '../../workflows/cycle-messages';
import { renderTable } from './text-table';

/** The order of the totals line. */
const STATE_ORDER = ['Chưa đến hạn', 'Đã nộp đúng hạn', 'Nộp trễ', 'Quá hạn', 'Được miễn'];

/** One unit of the cycle: its status, or none while its workflow has not been started yet. */
export interface UnitRow {
  id: string;
  status?: UnitStatus;
}

function obligationStateLabel(obligation: ObligationStatus): string {
  switch (obligation.state) {
    case 'pending':
      return 'Chưa đến hạn';
    case 'submitted-on-time':
      return 'Đã nộp đúng hạn';
    case 'submitted-late':
      return 'Nộp trễ';
    case 'overdue':
      return obligation.level > 0 ? `Quá hạn — đôn đốc cấp ${obligation.level}` : 'Quá hạn';
    case 'waived':
      return 'Được miễn';
  }
}

/** The dispatcher's messages so far, and its next moment (the notification centre has every one). */
function dispatchLines(cycle: CycleStatus): string[] {
  const d = cycle.dispatch;
  const parts = [
    `${d.sent} đã gửi`,
    ...(d.held > 0 ? [`${d.held} đang giữ (giới hạn trong ngày, giờ gửi)`] : []),
    ...(d.failed > 0 ? [`${d.failed} không gửi được`] : []),
    ...(d.skipped > 0 ? [`${d.skipped} mốc bỏ qua khi bắt đầu`] : []),
  ];
  const next = d.nextMomentAt ? `; lần gửi tới: ${vnDateTime(d.nextMomentAt)}` : '';
  return [`Nhắc hạn, đôn đốc: ${parts.join(', ')}${next}`];
}

/** What Phòng Nội vụ reads: one row per unit × obligation, the totals, then the aggregations done. */
export function renderCycleStatusTable(cycle: CycleStatus, units: readonly UnitRow[]): string {
  const rows: string[][] = [];
  const counts = new Map<string, number>(STATE_ORDER.map((name) => [name, 0]));
  for (const unit of units) {
    if (!unit.status) {
      rows.push([unit.id, '—', '—', 'Chưa khởi tạo', '']);
      continue;
    }
    for (const obligation of unit.status.obligations) {
      const label = obligationStateLabel(obligation);
      const stateName = obligation.state === 'overdue' ? 'Quá hạn' : label;
      counts.set(stateName, (counts.get(stateName) ?? 0) + 1);
      rows.push([
        unit.status.unit.name,
        obligation.title,
        vnDate(obligation.dueDate) + (obligation.extensions.length > 0 ? ' (gia hạn)' : ''),
        label,
        submittedAt(obligation),
      ]);
    }
  }
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  const problems = units.reduce((n, unit) => n + (unit.status?.contactProblems.length ?? 0), 0);
  const unknownSends = units.reduce((n, unit) => n + unknownSendsOf(unit.status), 0) + cycle.dispatch.unknown;
  return [
    `Chu kỳ ${cycle.planId}/${cycle.year} — ${cycle.units} đơn vị (đã khởi tạo ${cycle.started}) — ` +
      (cycle.closed ? 'đã đóng' : 'đang theo dõi'),
    '',
    renderTable(['Đơn vị', 'Nhiệm vụ', 'Hạn', 'Trạng thái', 'Nộp lúc'], rows),
    '',
    `Tổng: ${total} nhiệm vụ` +
      (total > 0
        ? ` — ${[...counts]
            .filter(([, n]) => n > 0)
            .map(([name, n]) => `${n} ${name.toLowerCase()}`)
            .join(', ')}`
        : ''),
    ...dispatchLines(cycle),
    ...(problems > 0 ? [`Liên hệ không gửi được: ${problems} (xem --format json)`] : []),
    ...(unknownSends > 0
      ? [
          `Thông báo không rõ đã gửi chưa: ${unknownSends} (máy gửi dừng giữa chừng; không tự gửi lại — ` +
            'hỏi người nhận, cần thì gửi lại từ trang đơn vị)',
        ]
      : []),
    ...cycle.failures.map(
      (f) =>
        `Chưa thực hiện được ${f.activity} ${f.subject} (lần ${f.attempt}, ${vnDateTime(f.at)}): ${f.message}; ` +
        `thử lại lúc ${vnDateTime(f.retryAt)}`,
    ),
    '',
    renderAggregations(cycle.aggregations),
    '',
  ].join('\n');
}

/** Sends whose worker died mid-send (outcome `unknown`), counted once each. */
function unknownSendsOf(status: UnitStatus | undefined): number {
  const keys = new Set(
    (status?.obligations ?? []).flatMap((o) =>
      o.notifications.filter((n) => n.outcome === 'unknown').map((n) => n.key),
    ),
  );
  return keys.size;
}

function submittedAt(obligation: ObligationStatus): string {
  const first = obligation.submissions[0];
  if (!first) return obligation.waiver ? `(miễn ${vnDateTime(obligation.waiver.at)})` : '';
  const paper = first.channel === 'paper' ? ' (bản giấy)' : '';
  const more = obligation.submissions.length > 1 ? ` (+${obligation.submissions.length - 1} lần nộp lại)` : '';
  return `${vnDateTime(first.submittedAt)}${paper}${more}`;
}

function renderAggregations(aggregations: readonly AggregationSummary[]): string {
  if (aggregations.length === 0) return 'Tổng hợp báo cáo: chưa có lần nào.';
  const rows = aggregations.map((a) => [
    a.obligationId,
    vnDateTime(a.at),
    String(a.onTime),
    String(a.late),
    String(a.missing),
    String(a.waived),
    a.final ? 'bổ sung' : 'theo lịch',
  ]);
  return [
    'Tổng hợp báo cáo đã thực hiện:',
    renderTable(['Nhiệm vụ', 'Lúc', 'Đúng hạn', 'Trễ', 'Chưa nộp', 'Miễn', 'Lần'], rows, '  '),
  ].join('\n');
}
