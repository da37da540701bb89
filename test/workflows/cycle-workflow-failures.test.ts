import path from 'node:path';
import { buffer } from 'node:stream/consumers';
import { REPORT_FILE_FORMATS } from '../../reports/report-formats';
import { startCycleHarness, type CycleHarness } from './cycle-harness';

const CYCLE_SMALL = path.resolve(__dirname, '..', 'fixtures', 'plans', 'cycle-small.yaml');
const AGGREGATION = '2031-05-14T08:00:00+07:00';
/** The ke-hoach reminder of 14/05 08:00 goes to every unit head, Phòng Nội vụ's included. */
const MOMENT = AGGREGATION;
const NOI_VU = 'noi-vu@thu-nghiem.example';
const COMMUNES = ['xa-dong@thu-nghiem.example', 'xa-tay@thu-nghiem.example'];

describe('cycleWorkflow: activities that exhaust their retries', () => {
  let cycle: CycleHarness;

  beforeAll(async () => {
    // Issued 01/05 so that only bao-cao (due Monday 12/05, aggregated 14/05 08:00) is late; started on 12/05 15:00.
    cycle = await startCycleHarness({
      planFile: CYCLE_SMALL,
      year: 2031,
      issuedOn: '2031-05-01',
      planStart: '2031-05-12T15:00:00+07:00',
    });
  });

  afterAll(async () => {
    await cycle?.teardown();
  });

  const reports = () =>
    cycle.channels.smtp.messages().filter((m) => m.parsed.headers.get('x-dondoc-kind') === 'report');

  it('keep the cycle running and show their failures while Phòng Nội vụ’s mailbox defers everything', async () => {
    // The digest of 12/05 14:00 was due before the start: it is marked done without an email.
    await cycle.waitForStatus((s) => s.started === s.units && s.digestsSent.length > 0);
    const supervisor = cycle.input.supervisor.contacts.flatMap((c) => (c.email ? [c.email] : []));
    expect(supervisor).toEqual([NOI_VU]);
    cycle.channels.smtp.reply({ stage: 'rcpt', address: NOI_VU, code: 451 });

    // 14/05 08:00: the moment's message to Phòng Nội vụ is deferred (451): it is held for a retry of its own and the
    // moment succeeds for the communes. The report's email is deferred through all the attempts of its activity.
    await cycle.sleepUntil('2031-05-14T14:00:00+07:00');
    expect((await cycle.handle.describe()).status.name).toBe('RUNNING');
    const failing = await cycle.status();
    expect(failing.aggregations).toEqual([]);
    expect(failing.failures.map((f) => [f.activity, f.subject])).toEqual([
      ['aggregateObligation', `bao-cao@${AGGREGATION}`],
    ]);
    const held = (await cycle.messages()).filter((m) => m.address === NOI_VU && m.status === 'held');
    expect(held.length).toBeGreaterThan(0);
    for (const row of held) expect(row.reason).toContain('EMAIL_SMTP_DEFERRED');
    for (const failure of failing.failures) {
      expect(failure.message).not.toBe('');
      expect(failure.at > AGGREGATION).toBe(true);
      expect(Date.parse(failure.retryAt) - Date.parse(failure.at)).toBe(60 * 60 * 1000);
    }
    expect(reports()).toEqual([]);
    expect(cycle.deadlineEmailsTo(NOI_VU)).toEqual([]);
    // Failure messages may quote what a server said of a person: in the history they are encrypted like the payloads,
    // and the cycle's status (read through the codec) still shows them.
    const history = JSON.stringify(await cycle.handle.fetchHistory());
    expect(history).toContain('activityTaskFailedEventAttributes');
    expect(history).toContain('Encoded failure');
    const message = failing.failures[0]?.message ?? '';
    expect(message).toContain('451 Try again later');
    expect(history).not.toContain(message.slice(0, 40));
    // The communes' messages of the moment went out.
    for (const commune of COMMUNES) expect(cycle.deadlineEmailsTo(commune).map((e) => e.scheduledAt)).toContain(MOMENT);
  });

  it('dispatch and aggregate at their next wake once SMTP accepts again', async () => {
    cycle.channels.smtp.clearRules();
    await cycle.sleepUntil('2031-05-14T20:00:00+07:00');
    const recovered = await cycle.status();
    expect(recovered.failures).toEqual([]);
    expect(recovered.aggregations).toEqual([
      expect.objectContaining({ obligationId: 'bao-cao', at: AGGREGATION, final: false, total: 2, missing: 2 }),
    ]);
    expect(reports().map((m) => m.envelope.rcptTo)).toEqual([[NOI_VU]]);
    const [noiVu] = cycle.deadlineEmailsTo(NOI_VU);
    expect(noiVu).toMatchObject({ kind: 'reminder', unit: 'phong-noi-vu', obligations: ['ke-hoach'] });
    // Every attempt wrote the report into the blob store; recorded once, for any host's web to serve.
    const stored = await cycle.core.reports.list('cycle-small/2031');
    expect(stored.map((r) => r.name).sort()).toEqual(
      REPORT_FILE_FORMATS.map((format) => `bao-cao-203105140800.${format}`).sort(),
    );
    const csv = await cycle.core.reports.open('cycle-small/2031', 'bao-cao-203105140800.csv');
    expect((await buffer(csv!.content)).toString('utf8').startsWith('\uFEFFMã đơn vị,Đơn vị,Tình trạng')).toBe(true);
  });

  // A person's deferral holds only their message; and a moment that does fail is dispatched again as the same moment
  // (same instant, same keys), so the sent-ledger answers for what the failed round had sent. Either way the communes
  // are not told twice.
  it('tells each commune of the 14/05 reminder once, although the moment was dispatched again later', () => {
    for (const commune of COMMUNES) {
      const received = cycle.deadlineEmailsTo(commune).filter((e) => e.obligations.includes('ke-hoach'));
      expect(received.filter((e) => e.scheduledAt >= MOMENT && e.scheduledAt < '2031-05-15')).toHaveLength(1);
    }
  });
});
