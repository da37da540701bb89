import type { ContactProblemRecord } from '../../../domain/dispatch/message-record';
import { planContactProblems } from '../../../domain/dispatch/plan-contact-problems';
import type { Plan } from '../../../domain/plan/plan-schema';

const problem = (channel: ContactProblemRecord['channel'], address: string): ContactProblemRecord => ({
  channel,
  address,
  contactHash: 'h',
  name: address,
  code: 'X',
  reason: 'r',
  detectedAt: '2031-03-19T08:00:00+07:00',
});

const plan = {
  units: [
    {
      head: { name: 'Chủ tịch xã Đông', email: 'Xa-Dong@Thu-Nghiem.example' },
      contacts: [{ name: 'Văn thư', phone: '84905000111', zaloUserId: 'z-van-thu' }],
    },
  ],
  leadership: [{ name: 'Phó Chủ tịch', zaloUserId: 'z-pct' }],
} as unknown as Pick<Plan, 'units' | 'leadership'>;

describe('the contact problems a cycle page shows', () => {
  it("keeps the plan's people (heads, contacts, leadership) by email, phone or Zalo id, and drops everyone else", () => {
    const kept = planContactProblems(plan, [
      problem('email', 'xa-dong@thu-nghiem.example'),
      problem('zns', '84905000111'),
      problem('oa', 'z-van-thu'),
      problem('oa', 'oa:z-pct'),
      problem('zns', '84900000000'),
      problem('email', 'someone@else.example'),
    ]);
    expect(kept.map((p) => p.address)).toEqual(['xa-dong@thu-nghiem.example', '84905000111', 'z-van-thu', 'oa:z-pct']);
  });
});
