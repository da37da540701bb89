import { FAKE_ZALO_DEFAULTS, FAKE_ZALO_TEMPLATE_IDS } from '../../../channels/fake-zalo';
import {
  createMemoryTokenStore,
  createZaloMessenger,
  createZaloTokenManager,
  renderZnsTemplate,
  trackingId,
  ZaloDeferredError,
  type ZaloMessenger,
} from '../../../channels/zalo';
import type { DeadlineNotification } from '../../../domain/notifications/notification';
import { DAYTIME, startZaloFixture, type ZaloFixture } from './zalo-fixture';

const notification: DeadlineNotification = {
  kind: 'reminder',
  key: 'dondoc/test-plan/2022/xa-a/bao-cao/reminder-3@2022-10-12T08:00:00+07:00',
  scheduledAt: '2022-10-12T08:00:00+07:00',
  plan: { id: 'test-plan', title: 'Kế hoạch', issuer: 'UBND huyện', year: 2022 },
  supervisorName: 'Phòng Nội vụ',
  unit: { id: 'xa-a', name: 'UBND xã A' },
  obligations: [
    {
      id: 'bao-cao',
      title: 'Báo cáo năm',
      nominalDueDate: '2022-10-17',
      dueDate: '2022-10-17',
      workingDaysLeft: 3,
      submissionUrl: 'https://dondoc.example/s/abc',
    },
  ],
};

let fixture: ZaloFixture;
let messenger: ZaloMessenger;

function messengerAt(now: () => Date): ZaloMessenger {
  const client = fixture.clientWith({ now });
  return createZaloMessenger({
    client,
    tokens: createZaloTokenManager({
      store: createMemoryTokenStore(),
      auth: client.auth,
      initialRefreshToken: FAKE_ZALO_DEFAULTS.refreshToken,
      now,
    }),
    templates: FAKE_ZALO_TEMPLATE_IDS,
  });
}

beforeEach(async () => {
  fixture = await startZaloFixture();
  messenger = messengerAt(() => DAYTIME);
});
afterEach(() => fixture.close());

describe('createZaloMessenger', () => {
  it('renders, normalises the phone, adds the tracking id and sends through the fake', async () => {
    const { template, data } = renderZnsTemplate(notification);
    expect(data).toEqual({
      ten_don_vi: 'UBND xã A',
      ten_nhiem_vu: 'Báo cáo năm',
      han_nop: '17/10/2022',
      so_ngay: '3',
      duong_dan: 'https://dondoc.example/s/abc',
    });
    const key = `${notification.key}/unit/zns/84905123456`;
    const sent = await messenger.sendZns({ template, phone: '0905 123 456', data, idempotencyKey: key });
    expect(sent).toMatchObject({
      phone: '84905123456',
      tracking_id: trackingId(key),
      msg_id: expect.any(String) as string,
    });
    const request = fixture.fake.received().find((r) => r.path === '/message/template');
    expect(request?.body).toEqual({
      phone: '84905123456',
      template_id: FAKE_ZALO_TEMPLATE_IDS.reminder,
      template_data: data,
      tracking_id: trackingId(key),
    });
    await expect(messenger.getZnsStatus(sent.msg_id, sent.phone)).resolves.toMatchObject({ status: 1 });
    await expect(messenger.getZnsQuota()).resolves.toMatchObject({ remainingQuota: '499' });
  });

  it('rejects a phone that is not Vietnamese without calling Zalo', async () => {
    await expect(
      messenger.sendZns({ template: 'reminder', phone: '+1 415 555 0100', data: {}, idempotencyKey: 'k' }),
    ).rejects.toMatchObject({ code: -108, kind: 'recipient', retryable: false });
    expect(fixture.fake.received()).toEqual([]);
  });

  it('defers a send at 23:00 local to 06:00 the next morning', async () => {
    const late = messengerAt(() => new Date('2022-10-17T16:00:00Z'));
    const { template, data } = renderZnsTemplate(notification);
    const sending = late.sendZns({ template, phone: '0905123456', data, idempotencyKey: 'k' });
    await expect(sending).rejects.toBeInstanceOf(ZaloDeferredError);
    await expect(sending).rejects.toMatchObject({ notBefore: '2022-10-18T06:00:00+07:00' });
    expect(fixture.fake.received().filter((r) => r.path === '/message/template')).toEqual([]);
  });

  it('sends an OA text to a follower', async () => {
    const userId = FAKE_ZALO_DEFAULTS.followers[0] ?? '';
    await expect(messenger.sendOaText({ userId, text: 'Nhắc hạn' })).resolves.toHaveProperty('message_id');
  });
});
