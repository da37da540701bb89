import { trackingId } from '../../channels/zalo/tracking-id';
import { compileCycle } from '../helpers/cycle';
import { sameMinuteAs } from '../helpers/plan-time';
import { seedPlan } from '../helpers/plans';
import { createUnitHarness, type UnitHarness } from './unit-harness';

const at = (date: string): string => `${date}T08:00:00+07:00`;
const HEAD_PHONE = '84900000025';
const FOCAL_PHONE = '84900000030';

describe('unitWorkflow: Zalo ZNS beside email', () => {
  let harness: UnitHarness;
  const cycle = compileCycle(seedPlan(), 2022, '2022-04-20', { zns: true, oa: false });
  const input = cycle.unitWith('xa-ia-tul', 'bao-cao-6-thang');

  beforeAll(async () => {
    harness = await createUnitHarness();
  });

  afterAll(async () => {
    await harness?.teardown();
  });

  // Not zalo.reset(): that would also forget the rotated refresh token that the client holds.
  let seen = 0;
  let emailsSeen = 0;
  beforeEach(() => {
    seen = harness.channels.zalo.received().length;
    emailsSeen = harness.emails().length;
    for (const phone of [HEAD_PHONE, FOCAL_PHONE]) harness.channels.zalo.script(phone, undefined);
  });

  /** ZNS requests the fake received for `phone` during this test. */
  const znsTo = (phone: string) =>
    harness.channels.zalo
      .received()
      .slice(seen)
      .filter((r) => r.path === '/message/template' && bodyOf(r).phone === phone);
  const bodyOf = (r: { body: unknown }) => r.body as { phone: string; template_id: string; tracking_id: string };

  it("sends each reminder by ZNS to the head's phone; -118 becomes a contact problem, email still goes", async () => {
    expect(input.audiences.unit.map((c) => c.phone)).toEqual([HEAD_PHONE, FOCAL_PHONE]);
    harness.channels.zalo.script(FOCAL_PHONE, { kind: 'error', error: -118, message: 'User not existed' });
    const run = await harness.start(input, '2022-04-20T07:30:00+07:00');
    await run.sleepUntil('2022-05-10T09:00:00+07:00');
    const status = await run.stop();

    const reminders = ['2022-04-22', '2022-04-29', '2022-05-06', '2022-05-09', '2022-05-10'].map(at);
    const head = znsTo(HEAD_PHONE);
    expect(head.map((r) => bodyOf(r).template_id)).toEqual(reminders.map(() => '100001'));
    expect(head.map((r) => r.at.slice(0, 19))).toEqual(reminders.map((r) => new Date(r).toISOString().slice(0, 19)));
    const headRecords = status.obligations[0]!.notifications.filter(
      (n) => n.channel === 'zns' && n.recipients[0] === HEAD_PHONE,
    );
    expect(headRecords.map((n) => [n.outcome, n.acceptedAt])).toEqual(reminders.map((r) => ['accepted', r]));
    expect(head.map((r) => bodyOf(r).tracking_id)).toEqual(headRecords.map((n) => trackingId(n.key)));

    // The focal officer's phone has no Zalo account: one contact problem, and every email still reaches them.
    expect(znsTo(FOCAL_PHONE)).toHaveLength(reminders.length);
    expect(status.contactProblems).toEqual([
      expect.objectContaining({ channel: 'zns', address: FOCAL_PHONE, code: '-118', detectedAt: reminders[0] }),
    ]);
    const focalRecords = status.obligations[0]!.notifications.filter(
      (n) => n.channel === 'zns' && n.recipients[0] === FOCAL_PHONE,
    );
    expect(focalRecords.every((n) => n.outcome === 'failed' && n.fallback === 'email')).toBe(true);
    const emails = harness.emails('xa-ia-tul').filter((e) => e.kind === 'reminder');
    expect(emails.map((e) => e.scheduledAt)).toEqual(reminders);
    expect(emails.every((e) => e.to.includes(input.audiences.unit[1]!.email!))).toBe(true);
  });

  it('retries a ZNS deferred by -133 when sending hours open (07:00), to the same phone, and never drops it', async () => {
    // Both phones answer -133 (night rule) once; the reminder at 08:00 is fine by our clock, not by Zalo's.
    harness.channels.zalo.script(HEAD_PHONE, { kind: 'fail-times', times: 1, outcome: { kind: 'error', error: -133 } });
    harness.channels.zalo.script(FOCAL_PHONE, {
      kind: 'fail-times',
      times: 1,
      outcome: { kind: 'error', error: -133 },
    });
    const run = await harness.start(input, '2022-04-21T09:00:00+07:00');
    await run.sleepUntil('2022-04-22T12:00:00+07:00');
    const deferred = await run.status();
    for (const phone of [HEAD_PHONE, FOCAL_PHONE]) {
      const records = deferred.obligations[0]!.notifications.filter(
        (n) => n.channel === 'zns' && n.recipients[0] === phone,
      );
      expect(records).toEqual([
        expect.objectContaining({ outcome: 'deferred', notBefore: '2022-04-23T06:00:00+07:00' }),
      ]);
    }
    expect(deferred.obligations[0]!.nextEventAt).toBe(at('2022-04-29'));

    await run.sleepUntil('2022-04-23T12:00:00+07:00');
    const status = await run.stop();
    for (const phone of [HEAD_PHONE, FOCAL_PHONE]) {
      const records = status.obligations[0]!.notifications.filter(
        (n) => n.channel === 'zns' && n.recipients[0] === phone,
      );
      // One record per send key: deferred once, then accepted when sending hours opened (Zalo allows 06:00,
      // dondoc sends from 07:00).
      expect(records.map((n) => [n.outcome, n.acceptedAt, n.deferrals])).toEqual([
        ['accepted', sameMinuteAs('2022-04-23T07:00:00+07:00'), 1],
      ]);
      expect(records[0]?.key.endsWith(`/unit/zns/${phone}`)).toBe(true);
      const requests = znsTo(phone);
      expect(requests.map((r) => r.at.slice(0, 16))).toEqual(['2022-04-22T01:00', '2022-04-23T00:00']);
      expect(new Set(requests.map((r) => bodyOf(r).tracking_id))).toEqual(new Set([trackingId(records[0]!.key)]));
    }
    expect(status.contactProblems).toEqual([]);
    // Email was never deferred.
    expect(harness.emails().slice(emailsSeen)).toEqual([
      expect.objectContaining({ kind: 'reminder', scheduledAt: at('2022-04-22'), audience: 'unit' }),
    ]);
  });
});
