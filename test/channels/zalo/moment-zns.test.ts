import { renderMomentEmail } from '../../../channels/email';
import { FAKE_ZALO_DEFAULTS, FAKE_ZALO_TEMPLATE_IDS } from '../../../channels/fake-zalo';
import {
  createMemoryTokenStore,
  createZaloMessenger,
  createZaloTokenManager,
  OA_TEXT_LIMIT,
  renderMomentOaText,
  renderMomentZns,
  renderZnsTemplate,
  ZNS_MAX_VALUE_LENGTH,
  ZNS_TEMPLATE_PARAMS,
  type ZaloMessenger,
} from '../../../channels/zalo';
import {
  CHU_RANG,
  DASHBOARD,
  item,
  LINK,
  moment,
  NOI_VU,
  NOI_VU_HEAD,
  PO_TO,
  selfCheck,
  SELF_CHECK,
  UNIT,
  UNIT_HEAD,
  YEARLY,
} from '../email/moment-messages';
import { reminder } from '../email/notifications';
import { DAYTIME, startZaloFixture, type ZaloFixture } from './zalo-fixture';

const THIRTY = Array.from({ length: 30 }, (_, i) => ({ id: `xa-so-${i + 1}`, name: `UBND xã Số ${i + 1}` }));

function expectWithinLimits(data: Record<string, string>, template: 'reminder' | 'escalation'): void {
  expect(Object.keys(data)).toEqual([...ZNS_TEMPLATE_PARAMS[template]]);
  for (const value of Object.values(data)) expect(value.length).toBeLessThanOrEqual(ZNS_MAX_VALUE_LENGTH);
}

describe('renderMomentZns', () => {
  it('a message about one obligation of the reader’s unit is today’s ZNS, with the submission link', () => {
    const message = moment(UNIT_HEAD, [item(UNIT, 0, 'unit')], { dashboardUrl: DASHBOARD });
    const zns = renderMomentZns(message);
    const link = `${LINK}.${UNIT.id}`;
    expect(zns).toEqual(
      renderZnsTemplate(reminder({ obligations: [{ ...YEARLY, workingDaysLeft: 10, submissionUrl: link }] })),
    );
    expect(zns.data).toEqual({
      ten_don_vi: 'UBND xã Ia Tul',
      ten_nhiem_vu: YEARLY.title,
      han_nop: '31/10/2022',
      so_ngay: '10',
      duong_dan: link,
    });
  });

  it('several units: counted and named, the earliest due date, the longest delay, the dashboard', () => {
    const items = [item(UNIT, 3, 'supervisor'), item(CHU_RANG, 2, 'supervisor'), item(PO_TO, 2, 'supervisor')];
    const zns = renderMomentZns(moment(NOI_VU_HEAD, items, { dashboardUrl: DASHBOARD }));
    expect(zns.template).toBe('escalation');
    expect(zns.data).toEqual({
      ten_don_vi: '3 đơn vị: UBND xã Ia Tul, UBND xã Chư Răng, UBND xã Pờ Tó',
      ten_nhiem_vu: YEARLY.title,
      han_nop: '31/10/2022',
      so_ngay: '7',
      duong_dan: DASHBOARD,
    });
    expectWithinLimits(zns.data, 'escalation');
  });

  it('thirty units stay within the limits, naming whole units only', () => {
    const zns = renderMomentZns(
      moment(
        NOI_VU_HEAD,
        THIRTY.map((u) => item(u, 2, 'supervisor')),
      ),
    );
    expectWithinLimits(zns.data, 'escalation');
    const named = zns.data.ten_don_vi!;
    expect(named).toMatch(/^30 đơn vị: UBND xã Số 1, UBND xã Số 2, .*, …$/);
    const listed = named
      .replace(/^30 đơn vị: /, '')
      .replace(/, …$/, '')
      .split(', ');
    expect(listed).toEqual(THIRTY.slice(0, listed.length).map((u) => u.name));
    expect(zns.data.duong_dan).toBe('');
  });

  it('the mixed message of the Phòng Nội vụ head quotes the delay, not its own days left, and both titles', () => {
    const items = [selfCheck(NOI_VU, 'unit', 10), item(UNIT, 2, 'supervisor'), item(CHU_RANG, 2, 'supervisor')];
    const zns = renderMomentZns(moment(NOI_VU_HEAD, items, { dashboardUrl: DASHBOARD }));
    expect(zns.template).toBe('escalation');
    expect(zns.data).toMatchObject({
      ten_don_vi: '3 đơn vị: Phòng Nội vụ huyện, UBND xã Ia Tul, UBND xã Chư Răng',
      han_nop: '31/10/2022',
      so_ngay: '3',
      duong_dan: DASHBOARD,
    });
    expect(zns.data.ten_nhiem_vu).toMatch(new RegExp(`^${SELF_CHECK.title}; Báo cáo kết quả`));
    expectWithinLimits(zns.data, 'escalation');
  });
});

describe('renderMomentOaText', () => {
  it('is the email’s plain text when it fits', () => {
    const message = moment(NOI_VU_HEAD, [item(UNIT, 2, 'supervisor'), item(PO_TO, 2, 'supervisor')]);
    const text = renderMomentOaText(message, DASHBOARD);
    expect(text).toBe(renderMomentEmail(message, { dashboardUrl: DASHBOARD }).text.trimEnd());
    expect(text).toContain(`Bảng theo dõi: ${DASHBOARD}`);
  });

  it('is cut on a line within the OA limit, pointing to the dashboard for the rest', () => {
    const message = moment(
      NOI_VU_HEAD,
      THIRTY.map((u) => item(u, 2, 'supervisor')),
    );
    expect(renderMomentEmail(message).text.length).toBeGreaterThan(OA_TEXT_LIMIT);
    const text = renderMomentOaText(message, DASHBOARD);
    expect(text.length).toBeLessThanOrEqual(OA_TEXT_LIMIT);
    expect(text).toMatch(/^Kính gửi: Trưởng phòng Nội vụ\.\n/);
    expect(text.endsWith(`\n…\nXem đầy đủ tại bảng theo dõi: ${DASHBOARD}`)).toBe(true);
    expect(renderMomentOaText(message).endsWith('\n…')).toBe(true);
  });
});

describe('moment messages through the fake Zalo', () => {
  let fixture: ZaloFixture;
  let messenger: ZaloMessenger;
  beforeEach(async () => {
    fixture = await startZaloFixture();
    const client = fixture.clientWith({ now: () => DAYTIME });
    messenger = createZaloMessenger({
      client,
      tokens: createZaloTokenManager({
        store: createMemoryTokenStore(),
        auth: client.auth,
        initialRefreshToken: FAKE_ZALO_DEFAULTS.refreshToken,
        now: () => DAYTIME,
      }),
      templates: FAKE_ZALO_TEMPLATE_IDS,
    });
  });
  afterEach(() => fixture.close());

  it('the ZNS and the OA text of a thirty-unit summary are accepted', async () => {
    const message = moment(
      NOI_VU_HEAD,
      THIRTY.map((u) => item(u, 2, 'supervisor')),
      { dashboardUrl: DASHBOARD },
    );
    const { template, data } = renderMomentZns(message);
    const phone = NOI_VU_HEAD.phone!;
    await expect(messenger.sendZns({ template, phone, data, idempotencyKey: message.key })).resolves.toMatchObject({
      phone,
    });
    const userId = FAKE_ZALO_DEFAULTS.followers[0] ?? '';
    const text = renderMomentOaText(message);
    await expect(messenger.sendOaText({ userId, text })).resolves.toHaveProperty('message_id');
    const sent = fixture.fake.received().find((r) => r.path === '/message/template');
    expect(sent?.body).toMatchObject({ template_id: FAKE_ZALO_TEMPLATE_IDS.escalation, template_data: data });
  });
});
