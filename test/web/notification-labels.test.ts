import type { NotifyResult } from '../../domain/notifications/notify-result';
import {
  levelLabel,
  MESSAGE_STATUS_LABELS,
  MESSAGE_STATUSES,
  messageChannelLabel,
  notificationNote,
  notificationTime,
  OUTCOME_LABELS,
  workingDaysLabel,
} from '../../web/views/labels';

const unknownSend: NotifyResult = {
  channel: 'email',
  audience: 'unit',
  key: 'k-unknown',
  recipients: ['vanphong@ia-tul.example'],
  outcome: 'unknown',
  claimedAt: '2022-10-17T08:00:00+07:00',
};

describe('a notification row on the unit page', () => {
  it('reads on the unit page as “không rõ đã gửi chưa”, at the time the send was begun', () => {
    expect(OUTCOME_LABELS[unknownSend.outcome]).toBe('Không rõ đã gửi chưa');
    expect(notificationTime(unknownSend)).toBe('2022-10-17T08:00:00+07:00');
    expect(notificationNote(unknownSend)).toContain('không tự gửi lại');
    expect(notificationNote({ ...unknownSend, outcome: 'failed', error: { code: '550', message: 'no' } })).toBe(
      '550: no',
    );
  });
});

describe('a row of the notification centre', () => {
  it('names the channel that carried it, or the one it waits for', () => {
    expect(messageChannelLabel({ channel: 'zalo', via: 'oa' })).toBe('Zalo OA');
    expect(messageChannelLabel({ channel: 'zalo', via: 'zns' })).toBe('Zalo ZNS');
    expect(messageChannelLabel({ channel: 'zalo' })).toBe('Zalo');
    expect(messageChannelLabel({ channel: 'email' })).toBe('Email');
    expect(messageChannelLabel({ channel: 'none' })).toBe('—');
  });

  it('says the working days and the level as the message did', () => {
    expect(workingDaysLabel(3)).toBe('còn 3 ngày làm việc');
    expect(workingDaysLabel(0)).toBe('đến hạn hôm nay');
    expect(workingDaysLabel(-2)).toBe('quá hạn 2 ngày làm việc');
    expect(levelLabel({ type: 'reminder', level: 0 })).toBe('Nhắc hạn');
    expect(levelLabel({ type: 'escalation', level: 2 })).toBe('Đôn đốc cấp 2');
  });

  it('has a label for every status the store keeps', () => {
    expect(Object.keys(MESSAGE_STATUS_LABELS).sort()).toEqual([...MESSAGE_STATUSES].sort());
  });
});
