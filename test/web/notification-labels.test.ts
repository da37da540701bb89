import type { NotifyResult } from '../../domain/notifications/notify-result';
import { notificationNote, notificationTime, OUTCOME_LABELS } from '../../web/views/labels';

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
