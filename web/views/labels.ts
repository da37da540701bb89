import type { ObligationStateName } from '../../domain/cycle/unit-status';
import type { MessageItem } from '../../domain/dispatch/message-items';
import type { MessageRecord, MessageStatus } from '../../domain/dispatch/message-record';
import type { Audience } from '../../domain/notifications/notification';
import type { NotifyResult } from '../../domain/notifications/notify-result';

export const OBLIGATION_STATES = ['pending', 'submitted-on-time', 'submitted-late', 'overdue', 'waived'] as const;

export const STATE_LABELS: Record<ObligationStateName, string> = {
  pending: 'Chưa đến hạn',
  'submitted-on-time': 'Đã nộp đúng hạn',
  'submitted-late': 'Nộp trễ hạn',
  overdue: 'Quá hạn',
  waived: 'Được miễn',
};

export function stateLabel(state: ObligationStateName): string {
  return STATE_LABELS[state];
}

export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1).replace('.', ',')} MB`;
}

export const CHANNEL_LABELS: Record<string, string> = {
  web: 'Liên kết nộp',
  api: 'API',
  cli: 'Dòng lệnh',
  paper: 'Bản giấy',
  email: 'Email',
  zns: 'Zalo ZNS',
  oa: 'Zalo OA',
};

export const OUTCOME_LABELS: Record<NotifyResult['outcome'], string> = {
  accepted: 'Đã gửi',
  deferred: 'Hoãn gửi',
  failed: 'Thất bại',
  unknown: 'Không rõ đã gửi chưa',
};

/** The note of a notification's row: the provider's error, or what an `unknown` send means for the reader. */
export function notificationNote(n: NotifyResult): string {
  if (n.outcome === 'unknown') {
    return 'Máy gửi dừng giữa chừng, có thể thư đã đến hoặc chưa; hệ thống không tự gửi lại. Hỏi người nhận, cần thì gửi lại.';
  }
  return n.error ? `${n.error.code}: ${n.error.message}` : '';
}

/** When it was accepted, is due to be tried again, or (unknown) was begun. */
export function notificationTime(n: NotifyResult): string | undefined {
  return n.acceptedAt ?? n.notBefore ?? n.claimedAt;
}

/** What the cycle was doing when it failed, for Phòng Nội vụ. */
export const CYCLE_ACTIVITY_LABELS: Record<string, string> = {
  startUnitWorkflows: 'Khởi tạo đơn vị',
  aggregateObligation: 'Tổng hợp báo cáo',
  sendDigest: 'Gửi bản tổng hợp tuần',
  closeUnitWorkflows: 'Đóng chu kỳ',
};

/** The notification centre's statuses, in the order its filter lists them. */
export const MESSAGE_STATUSES = ['sent', 'held', 'merged', 'skipped', 'failed', 'unknown'] as const;

export const MESSAGE_STATUS_LABELS: Record<MessageStatus, string> = {
  sent: 'Đã gửi',
  held: 'Đang giữ (giờ gửi / giới hạn trong ngày)',
  merged: 'Đã gộp vào tin sau',
  skipped: 'Bỏ qua khi bắt đầu',
  failed: 'Không gửi được',
  unknown: 'Không rõ đã gửi chưa',
};

/** What carried a message (`via`), or the channel it waits for while held; `—` for what was skipped at start. */
export function messageChannelLabel(message: Pick<MessageRecord, 'channel' | 'via'>): string {
  if (message.via) return CHANNEL_LABELS[message.via] ?? message.via;
  if (message.channel === 'none') return '—';
  return message.channel === 'zalo' ? 'Zalo' : 'Email';
}

/** Why a person gets an item of a message. */
export const ROLE_LABELS: Record<Audience, string> = {
  unit: 'Đơn vị của mình',
  supervisor: 'Cơ quan theo dõi',
  leadership: 'Lãnh đạo',
};

/** Working days at the message's moment, as the message said them. */
export function workingDaysLabel(workingDays: number): string {
  if (workingDays > 0) return `còn ${workingDays} ngày làm việc`;
  if (workingDays === 0) return 'đến hạn hôm nay';
  return `quá hạn ${-workingDays} ngày làm việc`;
}

export function levelLabel(item: Pick<MessageItem, 'type' | 'level'>): string {
  return item.type === 'escalation' ? `Đôn đốc cấp ${item.level}` : 'Nhắc hạn';
}
