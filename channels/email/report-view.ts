import type { Audience, ReportNotification, ReportRow } from '../../domain/notifications/notification';
import { ACCENT, baseView, type EmailView } from './email-view';
import { dayWithWeekday, localInstant } from './vietnamese-format';

const STATUS_LABELS: Record<ReportRow['status'], string> = {
  'on-time': 'Đúng hạn',
  late: 'Trễ hạn',
  missing: 'Chưa nộp',
  waived: 'Được miễn',
};

/** `37,5` and `1.234`: Vietnamese decimal comma and thousands dot. */
const VIETNAMESE_NUMBER = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 });

export interface ReportView extends EmailView {
  title: string;
  dueDay: string;
  counts: { label: string; count: number }[];
  total: number;
  submitted: number;
  fields: { key: string; label: string }[];
  /** The DOCX draft is attached (the aggregation's email). */
  hasDraft: boolean;
  rows: { unitName: string; status: string; submittedAt: string; documentNumber: string; values: string[] }[];
}

function formatValue(value: string | number | boolean | undefined): string {
  if (value === undefined) return '';
  if (typeof value === 'boolean') return value ? 'Có' : 'Không';
  return typeof value === 'number' ? VIETNAMESE_NUMBER.format(value) : value;
}

export function reportView(notification: ReportNotification, audience: Audience, dashboardUrl?: string): ReportView {
  const { obligation, rows, fields } = notification;
  const statuses = Object.keys(STATUS_LABELS) as ReportRow['status'][];
  const count = (status: ReportRow['status']): number => rows.filter((row) => row.status === status).length;
  const submitted = count('on-time') + count('late');
  const dueDay = dayWithWeekday(obligation.dueDate);
  const subject = `[Tổng hợp báo cáo] ${obligation.title} — hạn ${dueDay}: ${submitted}/${rows.length} đơn vị đã nộp`;
  return {
    ...baseView(notification, audience, {
      subject,
      preheader: `${submitted}/${rows.length} đơn vị đã nộp, ${count('missing')} chưa nộp`,
      accent: ACCENT.info,
      dashboardUrl,
    }),
    title: obligation.title,
    dueDay,
    counts: statuses.map((status) => ({ label: STATUS_LABELS[status], count: count(status) })),
    total: rows.length,
    submitted,
    hasDraft: notification.attachments?.some((a) => a.filename.endsWith('.docx')) ?? false,
    fields,
    rows: rows.map((row) => ({
      unitName: row.unit.name,
      status: STATUS_LABELS[row.status],
      submittedAt: row.submittedAt ? localInstant(row.submittedAt).full : '',
      documentNumber: row.documentNumber ?? '',
      values: fields.map((field) => formatValue(row.values?.[field.key])),
    })),
  };
}
