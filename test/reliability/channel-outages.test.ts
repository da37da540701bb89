import path from 'node:path';
import { unitWorkflowId } from '../../domain/cycle/cycle-input';
import { startCycleHarness, type CycleHarness } from '../workflows/cycle-harness';
import { duplicates, report } from './reliability-helpers';

/**
 * A whole day of plan time without SMTP, then without Zalo (HTTP 500, requests that hang, expired access tokens),
 * on the time-skipping server: what was due in the outage goes out after it, once, and no workflow fails.
 * SMTP "down" is a server answering 421 to every MAIL FROM (what a mail server says when it is out of service).
 */
jest.setTimeout(20 * 60_000);

const FIXTURES = path.resolve(__dirname, '..', 'fixtures');
const CYCLE_SMALL = path.join(FIXTURES, 'plans', 'cycle-small.yaml');
const CYCLE_ZALO = path.join(FIXTURES, 'workflows', 'cycle-zalo.yaml');
/** Both plans: ke-hoach's first reminder (02/05 08:00) goes to every unit head. */
const MOMENT = '2031-05-02T08:00:00+07:00';
const PHONES = { noiVu: '84900000001', xaDong: '84900000002', xaTay: '84900000003' };

/** Each message of the moment: `sent`, or `merged` (perhaps again and again) into one that was sent. */
async function deliveredAfter(cycle: CycleHarness, channel: string): Promise<[string, string][]> {
  const rows = await cycle.messages();
  const byKey = new Map(rows.map((row) => [row.key, row]));
  return rows
    .filter((row) => row.scheduledAt === MOMENT && row.channel === channel)
    .map((row) => {
      // A held message merged into the person's next one, which may have been held and merged in turn.
      let carrier: typeof row | undefined = row;
      for (let hops = 0; carrier?.status === 'merged' && carrier.mergedInto && hops < 100; hops++)
        carrier = byKey.get(carrier.mergedInto);
      return [row.address, carrier?.status === 'sent' ? 'delivered' : `${row.status}→${carrier?.status ?? '?'}`];
    });
}

/** The status of the cycle workflow and of each unit workflow (the time-skipping server cannot list them). */
async function unitsRunning(cycle: CycleHarness): Promise<string[]> {
  const ids = cycle.input.unitIds.map((unitId) => unitWorkflowId(cycle.input.cycle, unitId));
  const handles = [cycle.handle, ...ids.map((id) => cycle.env.client.workflow.getHandle(id))];
  return Promise.all(handles.map(async (handle) => (await handle.describe()).status.name));
}

describe('SMTP out of service for a day', () => {
  let cycle: CycleHarness;

  beforeAll(async () => {
    cycle = await startCycleHarness({
      planFile: CYCLE_SMALL,
      year: 2031,
      issuedOn: '2031-05-01',
      planStart: '2031-05-01T10:00:00+07:00',
    });
    await cycle.waitForStatus((s) => s.started === s.units);
  });

  afterAll(async () => {
    await cycle?.teardown();
  });

  it('delivers the moment and a requested reminder after it returns, once each, with no workflow failed', async () => {
    const smtp = cycle.channels.smtp;
    smtp.reply({ stage: 'mail', code: 421, message: 'Service not available (test outage)' });
    // Asked during the outage: a unit workflow's send, retried by its activity retry policy the whole day.
    await cycle.core.resend(
      { planId: 'cycle-small', year: 2031, unitId: 'xa-tay', obligationId: 'bao-cao' },
      { by: 'pnv' },
    );
    await cycle.sleepUntil('2031-05-02T10:00:00+07:00');
    expect(smtp.messages()).toEqual([]);
    const during = (await cycle.messages()).filter((m) => m.scheduledAt === MOMENT && m.channel === 'email');
    expect(during.length).toBe(3);
    expect(during.filter((m) => m.status === 'sent')).toEqual([]);
    const duringStates = during.map((m) => m.status).join(', ');

    smtp.clearRules(); // back 24 hours after it went
    await cycle.sleepUntil('2031-05-03T10:00:00+07:00');
    const rows = await deliveredAfter(cycle, 'email');
    expect(rows).toEqual(during.map((m) => [m.address, 'delivered']));
    const keys = smtp.messages().map((m) => String(m.parsed.headers.get('x-dondoc-key') as string));
    expect(duplicates(keys)).toEqual([]);
    const requested = smtp
      .messages()
      .filter((m) => ((m.parsed.headers.get('x-dondoc-obligation') as string | undefined) ?? '').includes('bao-cao'));
    expect(requested.map((m) => m.envelope.rcptTo)).toContainEqual(['xa-tay@thu-nghiem.example']);
    expect((await cycle.status()).failures).toEqual([]);
    const states = await unitsRunning(cycle);
    expect(states.filter((s) => s !== 'RUNNING')).toEqual([]);
    report(
      'smtp-outage',
      `24 h of 421: the 02/05 moment's ${rows.length} emails (${duringStates} during) all delivered after, ` +
        'the requested reminder delivered, ' +
        `${smtp.messages().length} emails, ${duplicates(keys).length} duplicates, ${states.length} workflows running, none failed`,
    );
  });
});

describe('Zalo answering 500, hanging and expiring its token for a day', () => {
  let cycle: CycleHarness;

  beforeAll(async () => {
    cycle = await startCycleHarness({
      planFile: CYCLE_ZALO,
      year: 2031,
      issuedOn: '2031-05-01',
      planStart: '2031-05-01T10:00:00+07:00',
      channels: { zns: true, oa: true },
      zalo: { followers: ['zalo-xa-dong'] },
    });
    await cycle.waitForStatus((s) => s.started === s.units);
  });

  afterAll(async () => {
    await cycle?.teardown();
  });

  it('sends each ZNS once after Zalo returns, with no workflow failed', async () => {
    const zalo = cycle.channels.zalo;
    zalo.script(PHONES.noiVu, { kind: 'http', status: 500 });
    zalo.script(PHONES.xaDong, { kind: 'hang' });
    zalo.script(PHONES.xaTay, { kind: 'http', status: 503 });
    zalo.expireAccessTokens();
    await cycle.sleepUntil('2031-05-02T10:00:00+07:00');
    const during = (await cycle.messages()).filter((m) => m.scheduledAt === MOMENT && m.channel === 'zalo');
    expect(during.length).toBe(3);
    expect(during.filter((m) => m.status === 'sent')).toEqual([]);
    const duringStates = during.map((m) => m.status).join(', ');

    const requestsDuring = zalo.received().length;
    for (const phone of Object.values(PHONES)) zalo.script(phone, undefined);
    await cycle.sleepUntil('2031-05-03T10:00:00+07:00');
    const rows = await deliveredAfter(cycle, 'zalo');
    expect(rows).toEqual(during.map((m) => [m.address, 'delivered']));
    // Once Zalo answers again, each phone is sent its ZNS once (what was held goes out merged into one message).
    const accepted = zalo
      .received()
      .slice(requestsDuring)
      .filter((r) => r.path.endsWith('/message/template'))
      .map((r) => String((r.body as { phone?: string }).phone));
    for (const phone of Object.values(PHONES)) expect(accepted).toContain(phone);
    expect(duplicates(accepted)).toEqual([]);
    // Emails went out in time, unaffected by Zalo.
    const emails = cycle.deadlineEmailsTo('xa-tay@thu-nghiem.example').map((e) => e.scheduledAt);
    expect(emails).toContain(MOMENT);
    expect((await cycle.status()).failures).toEqual([]);
    const states = await unitsRunning(cycle);
    expect(states.filter((s) => s !== 'RUNNING')).toEqual([]);
    report(
      'zalo-outage',
      `24 h of 500/503/hang and expired tokens: the 02/05 moment's ${rows.length} Zalo messages (${duringStates} ` +
        `during) all delivered after, ${requestsDuring} Zalo requests refused or hung during, ${accepted.length} ZNS after (none twice), ${states.length} workflows running, none failed`,
    );
  });
});
