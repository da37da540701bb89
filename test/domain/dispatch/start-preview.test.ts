import type { CatchUpMode } from '../../../domain/dispatch/due-items';
import {
  leadershipMessages,
  previewStart,
  startMessages,
  workingDaysOn,
  type StartPreviewInput,
} from '../../../domain/dispatch/start-preview';
import { parseLocalDate } from '../../../domain/local-date';
import { planDirectory } from '../../../domain/notifications/recipients';
import { atPlanDate } from '../../../domain/plan-time';
import { compileSchedule } from '../../../domain/schedule/compile-schedule';
import { calendarOf, seedPlan } from '../../helpers/plans';

/** The seed plan's 2026 cycle, issued 20/04/2026 but started seven months late: 30/11/2026 10:00. */
describe('previewStart on the seed plan, 2026 started on 30/11/2026', () => {
  const plan = seedPlan();
  const calendar = calendarOf(plan);
  const schedule = compileSchedule(plan, { year: 2026, issuedOn: parseLocalDate('2026-04-20') ?? 0 }, calendar);
  const startMs = atPlanDate('2026-11-30', '10:00');
  const input = (catchUp: CatchUpMode, zalo = true): StartPreviewInput => ({
    schedule,
    directory: planDirectory(plan),
    channels: { zalo },
    catchUp,
    startMs,
    workingDaysAt: workingDaysOn(calendar),
    obligationTitles: Object.fromEntries(plan.obligations.map((o) => [o.id, o.title])),
  });
  const people = new Set([
    ...plan.leadership.map((p) => p.email),
    ...plan.units.flatMap((unit) => [unit.head, ...unit.contacts].map((p) => p.email)),
  ]);

  it('sends every person one catch-up message per channel, the leadership one email and one ZNS', () => {
    const { buckets } = startMessages(input('summary'));
    for (const channel of ['email', 'zalo'] as const) {
      const names = buckets.filter((b) => b.channel === channel).map((b) => `${b.person.name} ${b.person.email}`);
      expect(new Set(names).size).toBe(names.length);
    }
    const preview = previewStart(input('summary'));
    expect(preview).toEqual({
      at: '2026-11-30T10:00:00+07:00',
      sendsAt: '2026-11-30T10:00:00+07:00',
      catchUp: 'summary',
      messages: { unit: { email: 28, zalo: 28 }, supervisor: { email: 2, zalo: 2 }, leadership: { email: 1, zalo: 1 } },
      totalMessages: 62,
      people: people.size,
      items: 107,
      skipped: 0,
    });
    expect(preview.people).toBe(31);
    expect(leadershipMessages(preview)).toBe(2);
  });

  it('carries one catch-up item per open obligation whose ladder has begun: the highest level, not the ladder', () => {
    const { buckets, items } = startMessages(input('summary'));
    const begun = schedule.items.filter((item) =>
      item.events.some((e) => e.type === 'escalation' && Date.parse(e.at) <= startMs),
    );
    expect(items).toHaveLength(begun.length);
    expect(items.every((item) => item.catchUp && item.type === 'escalation')).toBe(true);
    const leadership = buckets.find((b) => b.channel === 'email' && b.person.name === plan.leadership[0]?.name);
    expect(leadership?.items).toHaveLength(items.filter((item) => item.audiences.includes('leadership')).length);
  });

  it('without Zalo counts email only', () => {
    const preview = previewStart(input('summary', false));
    expect(preview.messages).toEqual({
      unit: { email: 28, zalo: 0 },
      supervisor: { email: 2, zalo: 0 },
      leadership: { email: 1, zalo: 0 },
    });
    expect(preview.people).toBe(31);
  });

  it('--catch-up none sends nothing and counts every missed event as skipped', () => {
    const missed = schedule.items.flatMap((item) => item.events.filter((e) => Date.parse(e.at) < startMs));
    const preview = previewStart(input('none'));
    expect(preview).toMatchObject({ totalMessages: 0, people: 0, items: 0, skipped: missed.length });
    expect(preview.skipped).toBeGreaterThan(3000);
    expect(leadershipMessages(preview)).toBe(0);
  });

  it('outside the sending hours, the messages wait for 07:00', () => {
    const late = previewStart({ ...input('summary'), startMs: atPlanDate('2026-11-30', '22:15') });
    expect(late).toMatchObject({ at: '2026-11-30T22:15:00+07:00', sendsAt: '2026-12-01T07:00:00+07:00' });
  });

  it('before the first event of the cycle, nothing is due', () => {
    const early = previewStart({ ...input('summary'), startMs: atPlanDate('2026-04-20', '08:00') });
    expect(early).toMatchObject({ totalMessages: 0, people: 0, items: 0, skipped: 0 });
  });
});
