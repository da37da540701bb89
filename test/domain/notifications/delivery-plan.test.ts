import { planDeliveries } from '../../../domain/notifications/delivery-plan';
import { notificationKey, parseSendKey, sendKey } from '../../../domain/notifications/idempotency-key';
import { audienceContacts, planDirectory } from '../../../domain/notifications/recipients';
import { seedPlan } from '../../helpers/plans';

const key = notificationKey({
  planId: 'dvcq-ia-pa',
  year: 2022,
  unitId: 'xa-ia-tul',
  obligationIds: ['bao-cao-nam'],
  kind: 'escalation',
  ordinal: 2,
  repeat: 0,
  scheduledAt: '2022-11-03T08:00:00+07:00',
});

describe('notification keys', () => {
  it('are deterministic and name the event', () => {
    expect(key).toBe('dondoc/dvcq-ia-pa/2022/xa-ia-tul/bao-cao-nam/escalation-2.0@2022-11-03T08:00:00+07:00');
  });

  it('do not depend on the order of the obligations one email covers', () => {
    const parts = { planId: 'p', year: 2022, unitId: 'u', kind: 'reminder' as const, ordinal: 5, scheduledAt: 'x' };
    expect(notificationKey({ ...parts, obligationIds: ['b', 'a'] })).toBe(
      notificationKey({ ...parts, obligationIds: ['a', 'b'] }),
    );
  });
});

describe('planDeliveries', () => {
  const directory = planDirectory(seedPlan());

  it('sends one email per audience to every address, and ZNS and OA per person when Zalo is on', () => {
    const unit = audienceContacts(directory, 'xa-ia-tul', 'unit');
    const supervisor = audienceContacts(directory, 'xa-ia-tul', 'supervisor');
    const sends = planDeliveries(
      key,
      [
        { audience: 'unit', contacts: unit },
        { audience: 'supervisor', contacts: supervisor },
      ],
      { zns: true, oa: true },
    );
    const email = sends.filter((s) => s.channel === 'email');
    expect(email.map((s) => s.audience)).toEqual(['unit', 'supervisor']);
    expect(email[0]?.to.map((c) => c.email)).toEqual(unit.filter((c) => c.email).map((c) => c.email));
    expect(sends.filter((s) => s.channel === 'zns' && s.audience === 'unit')).toHaveLength(
      unit.filter((c) => c.phone).length,
    );
    expect(sends.filter((s) => s.channel === 'oa').map((s) => s.to[0]?.zaloUserId)).toEqual(
      unit.filter((c) => c.zaloUserId).map((c) => c.zaloUserId),
    );
    expect(new Set(sends.map((s) => s.key)).size).toBe(sends.length);
  });

  it('uses email alone when Zalo is not configured', () => {
    const contacts = audienceContacts(directory, 'xa-ia-tul', 'unit');
    const sends = planDeliveries(key, [{ audience: 'unit', contacts }], { zns: false, oa: false });
    expect(sends.map((s) => s.channel)).toEqual(['email']);
    expect(sends[0]?.key).toBe(`${key}/unit/email`);
  });
});

describe('parseSendKey', () => {
  it('reads back every part of a send key', () => {
    expect(parseSendKey(sendKey(key, 'supervisor', 'zns', '84900000002'))).toEqual({
      planId: 'dvcq-ia-pa',
      year: 2022,
      unitId: 'xa-ia-tul',
      obligationIds: ['bao-cao-nam'],
      kind: 'escalation',
      level: 2,
      scheduledAt: '2022-11-03T08:00:00+07:00',
      audience: 'supervisor',
      channel: 'zns',
    });
  });
});
