import { renderCycleStatusTable } from '../../../cli/format/cycle-status-table';
import type { UnitStatus } from '../../../domain/cycle/unit-status';
import type { NotifyResult } from '../../../domain/notifications/notify-result';
import type { CycleStatus } from '../../../workflows/cycle-messages';

const unknownSend: NotifyResult = {
  channel: 'email',
  audience: 'unit',
  key: 'k-unknown',
  recipients: ['vanphong@ia-tul.example'],
  outcome: 'unknown',
  claimedAt: '2022-10-17T08:00:00+07:00',
};

const cycle = {
  planId: 'bao-cao',
  year: 2022,
  units: 1,
  unitIds: ['ia-tul'],
  planSnapshot: 'x',
  started: 1,
  aggregations: [],
  digestsSent: [],
  failures: [],
  dispatch: { moments: 3, sent: 12, held: 0, failed: 0, unknown: 0, skipped: 0 },
  closed: false,
} as unknown as CycleStatus;

const obligation = (title: string, notifications: NotifyResult[]) => ({
  id: title,
  title,
  state: 'pending',
  level: 0,
  dueDate: '2022-10-20',
  extensions: [],
  submissions: [],
  notifications,
});

describe('cycle status and sends whose worker died mid-send (outcome unknown)', () => {
  it('is counted once per send in `cycle status`, with what to do about it', () => {
    const status = {
      unit: { id: 'ia-tul', name: 'UBND xã Ia Tul' },
      // One notification covering two obligations shows under both: it is still one send.
      obligations: [obligation('A', [unknownSend]), obligation('B', [unknownSend])],
      contactProblems: [],
      closed: false,
    } as unknown as UnitStatus;
    const table = renderCycleStatusTable(cycle, [{ id: 'ia-tul', status }]);
    expect(table).toContain('Thông báo không rõ đã gửi chưa: 1 (máy gửi dừng giữa chừng; không tự gửi lại');
  });

  it('says nothing about unknown sends when there are none', () => {
    const status = {
      unit: { id: 'ia-tul', name: 'UBND xã Ia Tul' },
      obligations: [obligation('A', [{ ...unknownSend, outcome: 'accepted' }])],
      contactProblems: [],
      closed: false,
    } as unknown as UnitStatus;
    expect(renderCycleStatusTable(cycle, [{ id: 'ia-tul', status }])).not.toContain('không rõ');
  });

  it('adds the dispatcher’s unknown messages, and says what the dispatcher sent, holds and plans next', () => {
    const dispatched = {
      ...cycle,
      dispatch: {
        moments: 5,
        sent: 40,
        held: 2,
        failed: 1,
        unknown: 2,
        skipped: 0,
        nextMomentAt: '2022-10-18T08:00:00+07:00',
      },
    } as CycleStatus;
    const status = {
      unit: { id: 'ia-tul', name: 'UBND xã Ia Tul' },
      obligations: [obligation('A', [unknownSend])],
      contactProblems: [],
      closed: false,
    } as unknown as UnitStatus;
    const table = renderCycleStatusTable(dispatched, [{ id: 'ia-tul', status }]);
    expect(table).toContain('Thông báo không rõ đã gửi chưa: 3');
    expect(table).toContain(
      'Nhắc hạn, đôn đốc: 40 đã gửi, 2 đang giữ (giới hạn trong ngày, giờ gửi), 1 không gửi được; lần gửi tới: ',
    );
    expect(table).toContain('18/10/2022');
  });
});
