import path from 'node:path';
import { buffer } from 'node:stream/consumers';
import { startCycleHarness, type CycleHarness } from './cycle-harness';

const CYCLE_SMALL = path.resolve(__dirname, '..', 'fixtures', 'plans', 'cycle-small.yaml');
const AGGREGATION = '2031-05-14T08:00:00+07:00';

describe('cycleWorkflow: an activity that exhausts its retries', () => {
  let cycle: CycleHarness;

  beforeAll(async () => {
    // Issued 01/05 so that only bao-cao (due Monday 12/05, aggregated 14/05 08:00) is late; started on 12/05 09:00.
    cycle = await startCycleHarness({
      planFile: CYCLE_SMALL,
      year: 2031,
      issuedOn: '2031-05-01',
      planStart: '2031-05-12T09:00:00+07:00',
    });
  });

  afterAll(async () => {
    await cycle?.teardown();
  });

  it('keeps the cycle running, shows the failure, and aggregates at its next wake once SMTP accepts again', async () => {
    // The digest of 12/05 08:00 goes out at the start, while SMTP still accepts everything.
    await cycle.waitForStatus((s) => s.started === s.units && s.digestsSent.length > 0);
    const supervisor = cycle.input.supervisor.contacts.flatMap((c) => (c.email ? [c.email] : []));
    for (const address of supervisor) cycle.channels.smtp.reply({ stage: 'rcpt', address, code: 451 });

    // 14/05 08:00: the report's email is deferred (451) through all 20 attempts of the activity (about 2 h 20).
    await cycle.sleepUntil('2031-05-14T11:00:00+07:00');
    expect((await cycle.handle.describe()).status.name).toBe('RUNNING');
    const failing = await cycle.status();
    expect(failing.aggregations).toEqual([]);
    expect(failing.failures).toEqual([
      expect.objectContaining({
        activity: 'aggregateObligation',
        subject: `bao-cao@${AGGREGATION}`,
        obligationId: 'bao-cao',
        attempt: 1,
      }),
    ]);
    const failure = failing.failures[0]!;
    expect(failure.message).not.toBe('');
    expect(failure.at > AGGREGATION && failure.at < '2031-05-14T11:00').toBe(true);
    expect(Date.parse(failure.retryAt) - Date.parse(failure.at)).toBe(60 * 60 * 1000);
    expect(cycle.channels.smtp.messages().filter((m) => m.parsed.headers.get('x-dondoc-kind') === 'report')).toEqual(
      [],
    );

    // SMTP accepts again: the next wake (the end of the back-off) aggregates, with the report of 08:00.
    cycle.channels.smtp.clearRules();
    await cycle.sleepUntil('2031-05-14T12:30:00+07:00');
    const recovered = await cycle.status();
    expect(recovered.failures).toEqual([]);
    expect(recovered.aggregations).toEqual([
      expect.objectContaining({ obligationId: 'bao-cao', at: AGGREGATION, final: false, total: 2, missing: 2 }),
    ]);
    const reports = cycle.channels.smtp.messages().filter((m) => m.parsed.headers.get('x-dondoc-kind') === 'report');
    expect(reports.map((m) => m.envelope.rcptTo)).toEqual([supervisor]);
    // Every attempt wrote the report into the blob store; recorded once, for any host's web to serve.
    const stored = await cycle.core.reports.list('cycle-small/2031');
    expect(stored.map((r) => [r.name, r.contentType]).sort()).toEqual([
      ['bao-cao-203105140800.csv', 'text/csv; charset=utf-8'],
      ['bao-cao-203105140800.json', 'application/json'],
    ]);
    const csv = await cycle.core.reports.open('cycle-small/2031', 'bao-cao-203105140800.csv');
    expect((await buffer(csv!.content)).toString('utf8').startsWith('\uFEFFMã đơn vị,Đơn vị,Tình trạng')).toBe(true);
  });
});
