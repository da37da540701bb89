import type { UnitStatus } from '../../domain/cycle/unit-status';
import { runDondoc } from '../helpers/cli';
import { CYCLE_SMALL } from '../helpers/stack';
import { duplicates, report, waitFor } from './reliability-helpers';
import { startServiceUnderTest, type ServiceUnderTest } from './service-under-test';

/**
 * The Temporal dev server (on its SQLite file) stopped and started again in the middle of a cycle, under a running
 * `dondoc start`: the units' state is intact, the reminder asked for just before the stop goes out once, and the
 * cycle takes submissions again.
 */
jest.setTimeout(20 * 60_000);

const CYCLE = { planId: 'cycle-small', year: 2031 } as const;
const UNITS = ['phong-noi-vu', 'xa-dong', 'xa-tay'];

/** What must survive: per unit and obligation, its state and its submissions' versions and document numbers. */
function essence(statuses: Map<string, UnitStatus>) {
  return [...statuses.values()]
    .sort((a, b) => a.unit.id.localeCompare(b.unit.id))
    .map((status) => ({
      unit: status.unit.id,
      closed: status.closed,
      obligations: status.obligations.map((o) => ({
        id: o.id,
        state: o.state,
        submissions: o.submissions.map((s) => [s.version, s.documentNumber ?? null]),
      })),
    }));
}

describe('Temporal stopped and restarted mid-cycle', () => {
  let service: ServiceUnderTest;

  beforeAll(async () => {
    service = await startServiceUnderTest({ taskQueue: 'reliability-temporal-restart' });
  });

  afterAll(async () => {
    await service?.teardown();
  });

  it('keeps every unit state, sends what was asked once, and goes on', async () => {
    const started = await runDondoc(['cycle', 'start', CYCLE_SMALL, '--year', String(CYCLE.year)], service.host.env);
    expect(started).toMatchObject({ code: 0, stderr: '' });
    const { core, sink, temporal } = service;
    await waitFor('the units', async () => (await core.unitStatuses(CYCLE, UNITS)).size === UNITS.length);
    await core.submit(
      { ...CYCLE, unitId: 'xa-dong', obligationId: 'ke-hoach' },
      { channel: 'paper', documentNumber: '12/KH-UBND', submittedBy: 'Văn thư' },
    );
    await waitFor('the receipt', () => sink.messages().length >= 1);
    const before = essence(await core.unitStatuses(CYCLE, UNITS));

    // A reminder asked for, and Temporal gone at once: its send may be scheduled, running or done.
    await core.resend({ ...CYCLE, unitId: 'xa-tay', obligationId: 'ke-hoach' }, { by: 'pnv' });
    await temporal.stop();
    const healthWhileDown = await fetch(`${service.host.url}/healthz`).then(
      (response) => response.status,
      () => 0,
    );
    await new Promise((resolve) => setTimeout(resolve, 5_000)); // the worker's polls fail meanwhile
    await temporal.start();

    await waitFor('the reminder to xa-tay', () =>
      sink.messages().some((m) => m.envelope.rcptTo.includes('xa-tay@thu-nghiem.example')),
    );
    const after = essence(await core.unitStatuses(CYCLE, UNITS));
    expect(after).toEqual(before);

    // The cycle goes on: a new submission is recorded and its receipt mailed.
    const receipt = await core.submit(
      { ...CYCLE, unitId: 'xa-tay', obligationId: 'ke-hoach' },
      { channel: 'paper', documentNumber: '7/KH-UBND', submittedBy: 'Văn thư' },
    );
    expect(receipt.result.version).toBe(1);
    await waitFor(
      'the second receipt',
      () => sink.messages().filter((m) => /xa-tay/.test(m.envelope.rcptTo.join())).length >= 2,
    );
    const keys = sink.messages().map((m) => {
      const key = m.parsed.headers.get('x-dondoc-key');
      return typeof key === 'string' ? key : '';
    });
    expect(duplicates(keys)).toEqual([]);
    // The service never exited: its health check answers 200 again once it reaches Temporal.
    await waitFor('/healthz 200', async () => (await fetch(`${service.host.url}/healthz`)).status === 200);
    report(
      'temporal-restart',
      `${UNITS.length} units intact, ${sink.messages().length} emails, ${duplicates(keys).length} duplicates, ` +
        `/healthz ${healthWhileDown} while Temporal was down, service kept running`,
    );
  });
});
