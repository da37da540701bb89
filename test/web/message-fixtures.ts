import { momentMessageKey, type MessageChannel, type RecipientItem } from '../../domain/dispatch/message-items';
import type { ContactProblemRecord, MessageRecord } from '../../domain/dispatch/message-record';

/**
 * Rows of the notification centre as the dispatcher writes them, for cycle-small/2031 (units phong-noi-vu, xa-dong,
 * xa-tay; obligations ke-hoach due 17/03/2031 and bao-cao due 12/05/2031).
 */
export const CYCLE = { planId: 'cycle-small', year: 2031 } as const;

const UNITS = { 'xa-dong': 'UBND xã Đông', 'xa-tay': 'UBND xã Tây', 'phong-noi-vu': 'Phòng Nội vụ huyện' } as const;
const TITLES = { 'ke-hoach': 'Xây dựng kế hoạch triển khai', 'bao-cao': 'Báo cáo kết quả 6 tháng' } as const;

export function item(
  unitId: keyof typeof UNITS,
  obligationId: keyof typeof TITLES,
  options: { level: number; role: RecipientItem['role']; at: string; workingDays: number; catchUp?: boolean },
): RecipientItem {
  const dueDate = obligationId === 'ke-hoach' ? '2031-03-17' : '2031-05-12';
  return {
    unitId,
    obligationId,
    type: options.level > 0 ? 'escalation' : 'reminder',
    level: options.level,
    repeat: 0,
    at: options.at,
    audiences: [options.role],
    catchUp: options.catchUp ?? false,
    unit: { id: unitId, name: UNITS[unitId] },
    title: TITLES[obligationId],
    nominalDueDate: dueDate,
    dueDate,
    workingDays: options.workingDays,
    role: options.role,
  };
}

function message(
  scheduledAt: string,
  channel: MessageChannel,
  address: string,
  personName: string,
  rest: Omit<
    MessageRecord,
    'key' | 'planId' | 'year' | 'scheduledAt' | 'planDay' | 'channel' | 'address' | 'personName'
  >,
  cycle: { planId: string; year: number } = CYCLE,
): MessageRecord {
  return {
    key: momentMessageKey(cycle, scheduledAt, channel, address),
    ...cycle,
    scheduledAt,
    planDay: scheduledAt.slice(0, 10),
    channel,
    address,
    personName,
    ...rest,
  };
}

const LEADER = ['phochutich@thu-nghiem.example', 'Nguyễn Văn An'] as const;
const SUPERVISOR = ['noi-vu@thu-nghiem.example', 'Trưởng phòng Nội vụ'] as const;

/** What a rendered escalation summary looks like; its HTML tries a script and a remote image, which must not work. */
const SUPERVISOR_EMAIL_KEY = momentMessageKey(CYCLE, '2031-03-19T08:00:00+07:00', 'email', SUPERVISOR[0]);
export const SUPERVISOR_EMAIL = {
  subject: '[Đôn đốc cấp 1] 2 đơn vị chưa nộp Xây dựng kế hoạch triển khai (hạn 17/03/2031)',
  headers: {
    'X-Dondoc-Kind': 'escalation',
    'X-Dondoc-Cycle': 'cycle-small/2031',
    'X-Dondoc-Items': 'xa-dong/ke-hoach/1,xa-tay/ke-hoach/1',
    'X-Dondoc-Obligation': 'ke-hoach',
    'X-Dondoc-Level': '1',
    'X-Dondoc-Scheduled-At': '2031-03-19T08:00:00+07:00',
    'X-Dondoc-Key': SUPERVISOR_EMAIL_KEY,
  },
  text: 'Kính gửi Trưởng phòng Nội vụ,\n\n2 đơn vị chưa nộp «Xây dựng kế hoạch triển khai» (hạn 17/03/2031):\n- UBND xã Đông: quá hạn 2 ngày làm việc\n- UBND xã Tây: quá hạn 2 ngày làm việc\n',
  html:
    '<!DOCTYPE html><html><head><style>h1{color:#7f1d1d}</style></head><body>' +
    '<h1>Đôn đốc cấp 1</h1><p>2 đơn vị chưa nộp «Xây dựng kế hoạch triển khai» &amp; quá hạn.</p>' +
    '<script>document.body.insertAdjacentHTML("beforeend", "<p id=ran>SCRIPT RAN</p>")</script>' +
    '<img src="http://127.0.0.1:9/track.png" alt="">' +
    '</body></html>',
};

export const RECORDS = {
  /** Skipped at the start (`--catch-up none`), one row per unit and no channel: the oldest. */
  skipped: {
    key: 'dondoc/cycle-small/2031/skipped@2031-03-04T08:00:00+07:00/xa-dong',
    ...CYCLE,
    scheduledAt: '2031-03-04T08:00:00+07:00',
    planDay: '2031-03-04',
    channel: 'none',
    address: 'xa-dong',
    personName: 'UBND xã Đông',
    status: 'skipped',
    reason: 'Chu kỳ bắt đầu muộn với --catch-up none: các nhắc nhở, đôn đốc đã qua không được gửi',
    items: [item('xa-dong', 'ke-hoach', { level: 0, role: 'unit', at: '2031-03-04T08:00:00+07:00', workingDays: 9 })],
  },
  leaderFirst: message('2031-03-18T08:00:00+07:00', 'email', ...LEADER, {
    status: 'sent',
    via: 'email',
    sentAt: '2031-03-18T08:00:02+07:00',
    items: [
      item('xa-tay', 'ke-hoach', { level: 2, role: 'leadership', at: '2031-03-18T08:00:00+07:00', workingDays: -1 }),
    ],
  }),
  leaderMerged: message('2031-03-18T14:00:00+07:00', 'email', ...LEADER, {
    status: 'merged',
    reason: 'Đã đủ 1 tin trong ngày 18/03/2031 (giới hạn của lãnh đạo).',
    mergedInto: momentMessageKey(CYCLE, '2031-03-19T08:00:00+07:00', 'email', LEADER[0]),
    items: [
      item('xa-dong', 'ke-hoach', { level: 2, role: 'leadership', at: '2031-03-18T14:00:00+07:00', workingDays: -1 }),
    ],
  }),
  leaderSecond: message('2031-03-19T08:00:00+07:00', 'email', ...LEADER, {
    status: 'sent',
    via: 'email',
    sentAt: '2031-03-19T08:00:03+07:00',
    items: [
      item('xa-dong', 'ke-hoach', { level: 2, role: 'leadership', at: '2031-03-18T14:00:00+07:00', workingDays: -2 }),
      item('xa-tay', 'ke-hoach', { level: 2, role: 'leadership', at: '2031-03-19T08:00:00+07:00', workingDays: -2 }),
    ],
  }),
  supervisor: message('2031-03-19T08:00:00+07:00', 'email', ...SUPERVISOR, {
    status: 'sent',
    via: 'email',
    sentAt: '2031-03-19T08:00:01+07:00',
    items: [
      item('xa-dong', 'ke-hoach', { level: 1, role: 'supervisor', at: '2031-03-19T08:00:00+07:00', workingDays: -2 }),
      item('xa-tay', 'ke-hoach', { level: 1, role: 'supervisor', at: '2031-03-19T08:00:00+07:00', workingDays: -2 }),
    ],
    email: SUPERVISOR_EMAIL,
  }),
  unknown: message('2031-03-19T08:00:00+07:00', 'email', 'xa-tay@thu-nghiem.example', 'Chủ tịch UBND xã Tây', {
    status: 'unknown',
    via: 'email',
    reason: 'Máy gửi dừng giữa chừng: có thể thư đã đến hoặc chưa; hệ thống không tự gửi lại.',
    items: [item('xa-tay', 'ke-hoach', { level: 1, role: 'unit', at: '2031-03-19T08:00:00+07:00', workingDays: -2 })],
  }),
  failed: message('2031-03-19T08:00:00+07:00', 'zalo', '84905000111', 'Chủ tịch UBND xã Tây', {
    status: 'failed',
    via: 'zns',
    reason: 'Zalo ZNS: số điện thoại chưa có tài khoản Zalo (-124); người này không có Zalo OA, tin đã đến qua email.',
    items: [item('xa-tay', 'ke-hoach', { level: 1, role: 'unit', at: '2031-03-19T08:00:00+07:00', workingDays: -2 })],
  }),
  /** The newest: held by the leadership's cap until the next working day's reminder time. */
  leaderHeld: message('2031-03-19T14:00:00+07:00', 'email', ...LEADER, {
    status: 'held',
    reason: 'Đã đủ 1 tin trong ngày 19/03/2031 (giới hạn của lãnh đạo).',
    releaseAt: '2031-03-20T08:00:00+07:00',
    items: [
      item('xa-tay', 'bao-cao', { level: 0, role: 'leadership', at: '2031-03-19T14:00:00+07:00', workingDays: 38 }),
    ],
  }),
} satisfies Record<string, MessageRecord>;

/** A message of another cycle: never listed here, and not opened through this cycle's URL. */
export const OTHER_CYCLE = message(
  '2031-03-19T08:00:00+07:00',
  'email',
  ...SUPERVISOR,
  {
    status: 'sent',
    via: 'email',
    items: [
      item('xa-dong', 'ke-hoach', { level: 1, role: 'supervisor', at: '2031-03-19T08:00:00+07:00', workingDays: -2 }),
    ],
  },
  { planId: 'cycle-other', year: 2031 },
);

/** xa-tay's head: their mailbox does not exist. */
export const PROBLEM: ContactProblemRecord = {
  channel: 'email',
  address: 'xa-tay@thu-nghiem.example',
  contactHash: 'hash-of-xa-tay-head',
  name: 'Chủ tịch UBND xã Tây',
  code: 'EMAIL_RECIPIENT_REJECTED',
  reason: 'Máy chủ thư từ chối người nhận: 550 5.1.1 hộp thư không tồn tại',
  detectedAt: '2031-03-19T08:00:04+07:00',
};

/** Someone of another plan (the table holds every plan's problems): not this cycle's concern. */
export const OTHER_PLAN_PROBLEM: ContactProblemRecord = {
  channel: 'zns',
  address: '84900000000',
  contactHash: 'hash-of-someone-else',
  name: 'Người của kế hoạch khác',
  code: 'ZALO_RECIPIENT',
  reason: 'Số điện thoại chưa có tài khoản Zalo (-124).',
  detectedAt: '2031-03-20T08:00:04+07:00',
};
