import {
  bucketByRecipient,
  messageSummary,
  momentMessageKey,
  type AudienceDirectory,
  type MessageItem,
} from '../../../domain/dispatch/message-items';
import type { Audience, Contact } from '../../../domain/notifications/notification';

const AT = '2031-05-14T08:00:00+07:00';

const head = (unit: string, extra: Partial<Contact> = {}): Contact => ({
  name: `Chủ tịch UBND ${unit}`,
  email: `${unit}@thu-nghiem.example`,
  ...extra,
});
/** The head of Phòng Nội vụ is also the supervisor; one leader; two communes. */
const NOI_VU: Contact = { name: 'Trưởng phòng Nội vụ', email: 'Noi-Vu@thu-nghiem.example', phone: '84900000001' };
const LEADER: Contact = { name: 'Nguyễn Văn An', email: 'phochutich@thu-nghiem.example', zaloUserId: 'z-an' };
const PEOPLE: Record<string, Contact[]> = {
  'phong-noi-vu': [NOI_VU],
  'xa-dong': [head('xa-dong', { phone: '84900000002' })],
  // The commune's head and focal officer share one mailbox.
  'xa-tay': [head('xa-tay'), { name: 'Cán bộ đầu mối', email: 'XA-TAY@thu-nghiem.example ' }],
};
const directory: AudienceDirectory = {
  people(unitId: string, audience: Audience) {
    if (audience === 'unit') return PEOPLE[unitId] ?? [];
    return audience === 'supervisor' ? [NOI_VU] : [LEADER];
  },
};

function item(unitId: string, obligationId: string, level: number, audiences: Audience[]): MessageItem {
  return {
    unitId,
    obligationId,
    type: level > 0 ? 'escalation' : 'reminder',
    level,
    repeat: 0,
    at: AT,
    audiences,
    catchUp: false,
    unit: {
      id: unitId,
      name: unitId === 'xa-dong' ? 'UBND xã Đông' : unitId === 'xa-tay' ? 'UBND xã Tây' : 'Phòng Nội vụ huyện',
    },
    title: obligationId,
    nominalDueDate: '2031-05-12',
    dueDate: '2031-05-12',
    workingDays: level > 0 ? -2 : 1,
  };
}

const ALL: Audience[] = ['unit', 'supervisor', 'leadership'];
const ITEMS = [
  item('xa-dong', 'bao-cao', 3, ALL),
  item('xa-tay', 'bao-cao', 1, ['unit', 'supervisor']),
  item('xa-tay', 'ke-hoach', 0, ['unit']),
  item('phong-noi-vu', 'ke-hoach', 2, ['unit', 'supervisor']),
];

describe('bucketByRecipient', () => {
  const buckets = bucketByRecipient(ITEMS, directory, { zalo: true });
  const of = (channel: string, address: string) => buckets.find((b) => b.channel === channel && b.address === address);
  const lines = (channel: string, address: string) =>
    of(channel, address)?.items.map((i) => [i.unitId, i.obligationId, i.role]);

  it('makes one bucket per person and channel, keyed by the lower-cased email, the phone or the OA follower id', () => {
    expect(buckets.map((b) => `${b.channel} ${b.address}`).sort()).toEqual([
      'email noi-vu@thu-nghiem.example',
      'email phochutich@thu-nghiem.example',
      'email xa-dong@thu-nghiem.example',
      'email xa-tay@thu-nghiem.example',
      'zalo 84900000001',
      'zalo 84900000002',
      'zalo oa:z-an',
    ]);
  });

  it('gives a shared mailbox each item once', () => {
    expect(lines('email', 'xa-tay@thu-nghiem.example')).toEqual([
      ['xa-tay', 'bao-cao', 'unit'],
      ['xa-tay', 'ke-hoach', 'unit'],
    ]);
  });

  it('lists an item reached through two audiences once, as the person’s own (the unit role wins)', () => {
    // Phòng Nội vụ's head is both its unit's person and the supervisor: its own item is its own, first.
    expect(lines('email', 'noi-vu@thu-nghiem.example')).toEqual([
      ['phong-noi-vu', 'ke-hoach', 'unit'],
      ['xa-dong', 'bao-cao', 'supervisor'],
      ['xa-tay', 'bao-cao', 'supervisor'],
    ]);
    expect(lines('zalo', '84900000001')).toEqual(lines('email', 'noi-vu@thu-nghiem.example'));
  });

  it('gives the leadership only what was escalated to it, highest level first', () => {
    expect(lines('email', 'phochutich@thu-nghiem.example')).toEqual([['xa-dong', 'bao-cao', 'leadership']]);
    expect(lines('zalo', 'oa:z-an')).toEqual([['xa-dong', 'bao-cao', 'leadership']]);
  });

  it('makes no Zalo bucket when Zalo is off', () => {
    expect(bucketByRecipient(ITEMS, directory, { zalo: false }).every((b) => b.channel === 'email')).toBe(true);
  });
});

describe('messageSummary and momentMessageKey', () => {
  it('summarises a message by its highest level, its units and obligations', () => {
    const noiVu = bucketByRecipient(ITEMS, directory, { zalo: false }).find((b) => b.address.startsWith('noi-vu'))!;
    expect(messageSummary(noiVu.items)).toEqual({
      kind: 'escalation',
      level: 3,
      unitIds: ['phong-noi-vu', 'xa-dong', 'xa-tay'],
      obligationIds: ['ke-hoach', 'bao-cao'],
    });
    const reminder = { ...ITEMS[2]!, role: 'unit' as const };
    expect(messageSummary([reminder])).toEqual({ kind: 'reminder', unitIds: ['xa-tay'], obligationIds: ['ke-hoach'] });
  });

  it('keys a message by cycle, moment, channel and address', () => {
    expect(momentMessageKey({ planId: 'cycle-small', year: 2031 }, AT, 'zalo', '84900000001')).toBe(
      `dondoc/cycle-small/2031/message@${AT}/zalo/84900000001`,
    );
  });
});
