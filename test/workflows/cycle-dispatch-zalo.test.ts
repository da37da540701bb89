import path from 'node:path';
import type { MessageRecord } from '../../domain/dispatch/message-record';
import { startCycleHarness, type CycleHarness } from './cycle-harness';

const CYCLE_ZALO = path.resolve(__dirname, '..', 'fixtures', 'workflows', 'cycle-zalo.yaml');
const NOI_VU_PHONE = '84900000001';
/** Has a Zalo user id that follows the OA. */
const XA_DONG_PHONE = '84900000002';
const XA_DONG_ZALO = 'zalo-xa-dong';
/** Has no Zalo user id: once ZNS failed for good, only email reaches them. */
const XA_TAY_PHONE = '84900000003';
const at = (day: string): string => `2031-${day}T08:00:00+07:00`;

/**
 * cycle-zalo 2031 issued 01/05, ZNS and OA on: the ke-hoach reminder of 02/05 goes to all three units, the bao-cao
 * reminder of 05/05 to the two communes. Neither commune head's phone has a Zalo account (-118).
 */
describe('cycleWorkflow dispatcher: Zalo beside email', () => {
  let cycle: CycleHarness;

  beforeAll(async () => {
    cycle = await startCycleHarness({
      planFile: CYCLE_ZALO,
      year: 2031,
      issuedOn: '2031-05-01',
      planStart: '2031-05-01T10:00:00+07:00',
      channels: { zns: true, oa: true },
      zalo: {
        followers: [XA_DONG_ZALO],
        scripts: {
          [XA_DONG_PHONE]: { kind: 'error', error: -118, message: 'User not existed' },
          [XA_TAY_PHONE]: { kind: 'error', error: -118, message: 'User not existed' },
        },
      },
    });
  });

  afterAll(async () => {
    await cycle?.teardown();
  });

  const zaloRow = (rows: MessageRecord[], moment: string, address: string) =>
    rows.find((r) => r.channel === 'zalo' && r.scheduledAt === moment && r.address === address);
  const requests = (route: string, field: (body: Record<string, unknown>) => unknown, value: string) =>
    cycle.channels.zalo
      .received()
      .filter((r) => r.path.endsWith(route) && field(r.body as Record<string, unknown>) === value);
  const znsTo = (phone: string) => requests('/message/template', (b) => b.phone, phone);
  const oaTo = (userId: string) =>
    requests('/message/cs', (b) => (b.recipient as { user_id?: string } | undefined)?.user_id, userId);

  it('sends ZNS to a phone with Zalo, and falls back to OA when ZNS fails for good and the person follows the OA', async () => {
    await cycle.sleepUntil('2031-05-02T09:00:00+07:00');
    const rows = await cycle.messages();
    expect(zaloRow(rows, at('05-02'), NOI_VU_PHONE)).toMatchObject({ status: 'sent', via: 'zns' });
    const xaDong = zaloRow(rows, at('05-02'), XA_DONG_PHONE);
    expect(xaDong).toMatchObject({ status: 'sent', via: 'oa' });
    expect(xaDong?.reason).toMatch(/^ZNS không gửi được \(-118: .*\); đã gửi thay bằng tin nhắn OA$/);
    const xaTay = zaloRow(rows, at('05-02'), XA_TAY_PHONE);
    expect(xaTay).toMatchObject({ status: 'failed', via: 'zns' });
    expect(xaTay?.reason).toMatch(/người nhận vẫn nhận nội dung này qua email$/);
    expect(oaTo(XA_DONG_ZALO)).toHaveLength(1);
    // Email reached all three, whatever Zalo did.
    for (const unit of ['noi-vu', 'xa-dong', 'xa-tay']) {
      expect(cycle.deadlineEmailsTo(`${unit}@thu-nghiem.example`).map((e) => e.scheduledAt)).toEqual([at('05-02')]);
    }
    // Each failed phone is a contact problem, recorded once.
    const problems = await cycle.stores.contactProblems.list();
    expect(problems.map((p) => [p.channel, p.address, p.code]).sort()).toEqual([
      ['zns', XA_DONG_PHONE, '-118'],
      ['zns', XA_TAY_PHONE, '-118'],
    ]);
    expect(problems.every((p) => p.detectedAt.startsWith('2031-05-02T08:00'))).toBe(true);
  });

  it('does not try ZNS again for a phone with a contact problem: OA straight away, or email alone', async () => {
    await cycle.sleepUntil('2031-05-05T09:00:00+07:00');
    const rows = await cycle.messages();
    expect(zaloRow(rows, at('05-05'), XA_DONG_PHONE)).toMatchObject({ status: 'sent', via: 'oa' });
    expect(zaloRow(rows, at('05-05'), XA_DONG_PHONE)?.reason).toBeUndefined();
    // Nothing to try on Zalo for xa-tay: no row; its email went out.
    expect(zaloRow(rows, at('05-05'), XA_TAY_PHONE)).toBeUndefined();
    expect(cycle.deadlineEmailsTo('xa-tay@thu-nghiem.example').map((e) => e.scheduledAt)).toEqual([
      at('05-02'),
      at('05-05'),
    ]);
    expect(znsTo(XA_DONG_PHONE)).toHaveLength(1);
    expect(znsTo(XA_TAY_PHONE)).toHaveLength(1);
    expect(oaTo(XA_DONG_ZALO)).toHaveLength(2);
    expect(znsTo(NOI_VU_PHONE)).toHaveLength(1); // bao-cao is not Phòng Nội vụ's: nothing for it on 05/05
    expect(await cycle.stores.contactProblems.list()).toHaveLength(2);
  });
});

describe('cycleWorkflow dispatcher: a ZNS that Zalo defers (-133)', () => {
  let cycle: CycleHarness;

  beforeAll(async () => {
    cycle = await startCycleHarness({
      planFile: CYCLE_ZALO,
      year: 2031,
      issuedOn: '2031-05-01',
      planStart: '2031-05-01T10:00:00+07:00',
      channels: { zns: true, oa: false },
      // Zalo answers the 08:00 send with its night rule once, although it is 08:00 by our clock.
      zalo: { scripts: { [NOI_VU_PHONE]: { kind: 'fail-times', times: 1, outcome: { kind: 'error', error: -133 } } } },
    });
  });

  afterAll(async () => {
    await cycle?.teardown();
  });

  it('holds the message until sending hours open the next morning and sends it then, never dropping it', async () => {
    await cycle.sleepUntil('2031-05-02T09:00:00+07:00');
    const deferred = (await cycle.messages()).find((r) => r.channel === 'zalo' && r.address === NOI_VU_PHONE);
    expect(deferred).toMatchObject({ status: 'held', via: 'zns', scheduledAt: at('05-02') });
    expect(deferred?.releaseAt).toBe('2031-05-03T07:00:00+07:00');
    // Email is not Zalo's business: it went out at 08:00.
    expect(cycle.deadlineEmailsTo('noi-vu@thu-nghiem.example').map((e) => e.scheduledAt)).toEqual([at('05-02')]);

    await cycle.sleepUntil('2031-05-03T09:00:00+07:00');
    const rows = (await cycle.messages()).filter((r) => r.channel === 'zalo' && r.address === NOI_VU_PHONE);
    const sent = rows.find((r) => r.status === 'sent');
    expect(sent).toMatchObject({ via: 'zns', scheduledAt: '2031-05-03T07:00:00+07:00' });
    expect(sent?.items.map((i) => `${i.unitId}/${i.obligationId}`)).toEqual(['phong-noi-vu/ke-hoach']);
    expect(rows.find((r) => r.key === deferred!.key)).toMatchObject({ status: 'merged', mergedInto: sent!.key });
    const requests = cycle.channels.zalo
      .received()
      .filter((r) => r.path.endsWith('/message/template') && (r.body as { phone?: string }).phone === NOI_VU_PHONE);
    expect(requests).toHaveLength(2);
    expect(await cycle.stores.contactProblems.list()).toEqual([]);
  });
});
