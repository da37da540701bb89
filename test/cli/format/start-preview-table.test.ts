import { renderStartPreview } from '../../../cli/format/start-preview-table';
import type { StartPreview } from '../../../domain/dispatch/start-preview';

const preview: StartPreview = {
  at: '2026-11-30T10:00:00+07:00',
  sendsAt: '2026-11-30T10:00:00+07:00',
  catchUp: 'summary',
  messages: { unit: { email: 28, zalo: 28 }, supervisor: { email: 2, zalo: 2 }, leadership: { email: 1, zalo: 1 } },
  totalMessages: 62,
  people: 31,
  items: 107,
  skipped: 0,
};

describe('renderStartPreview', () => {
  it('counts the messages by recipient and channel, with totals', () => {
    const text = renderStartPreview(preview, 'Phòng Nội vụ huyện');
    expect(text).toContain('Tin gửi ngay khi khởi tạo (30/11/2026 10:00). Nhắc bù: mỗi người một tin tóm tắt');
    expect(text).toMatch(/Đơn vị\s+28\s+28\s+56\n/);
    expect(text).toMatch(/Cơ quan theo dõi \(Phòng Nội vụ huyện\)\s+2\s+2\s+4\n/);
    expect(text).toMatch(/Lãnh đạo\s+1\s+1\s+2\n/);
    expect(text).toMatch(/Cộng\s+31\s+31\s+62\n/);
    expect(text).toContain('62 tin cho 31 người, về 107 lượt việc của các đơn vị.');
    expect(text).not.toContain('Bỏ qua');
  });

  it('says when messages wait for the sending hours', () => {
    const text = renderStartPreview(
      { ...preview, at: '2026-11-30T22:15:00+07:00', sendsAt: '2026-12-01T07:00:00+07:00' },
      'X',
    );
    expect(text).toContain('Tin gửi lúc 01/12/2026 07:00 (khởi tạo lúc 30/11/2026 22:15, ngoài giờ gửi 07:00–21:00).');
  });

  it('a quiet start: no message, the skipped events counted', () => {
    const none = { unit: { email: 0, zalo: 0 }, supervisor: { email: 0, zalo: 0 }, leadership: { email: 0, zalo: 0 } };
    const text = renderStartPreview(
      { ...preview, catchUp: 'none', messages: none, totalMessages: 0, people: 0, items: 0, skipped: 3013 },
      'X',
    );
    expect(text).toBe(
      '  Không có tin nào gửi đi khi khởi tạo. Nhắc bù: không (--catch-up none), chỉ theo dõi từ lúc khởi tạo.\n' +
        '  Bỏ qua 3013 lượt nhắc, đôn đốc đã qua: không gửi, ghi lại để xem trên trang theo dõi.\n',
    );
  });
});
