import { MockActivityEnvironment } from '@temporalio/testing';
import { sql } from 'kysely';
import { createActivities, type Activities } from '../../activities';
import type { OpenedDatabase } from '../../db/open-database';
import { createKysely, type DondocDb } from '../../db/postgres-pool';
import { createDbSentLedger } from '../../db/stores/sent-ledger-store';
import { sendKey } from '../../domain/notifications/idempotency-key';
import type { Contact } from '../../domain/notifications/notification';
import { reminder } from '../channels/email/notifications';
import { startTestChannels, type TestChannels } from '../helpers/channels';
import { DATABASES } from '../helpers/databases';

jest.setTimeout(60_000);

const head: Contact = { name: 'Chủ tịch UBND xã Ia Tul', email: 'chutich@ia-tul.example', phone: '84900000011' };
const notification = reminder();
const emailKey = sendKey(notification.key, 'unit', 'email');
const znsKey = sendKey(notification.key, 'unit', 'zns', head.phone);
const emailInput = { notification, audience: 'unit' as const, key: emailKey, to: [head] };

/** The unit workflow's notify activities run under a 2-minute start-to-close timeout. */
const worker = (attempt = 1) =>
  new MockActivityEnvironment({ startToCloseTimeoutMs: 120_000, attempt, activityId: `notify-${attempt}` });
const run = <I, O>(activity: (input: I) => Promise<O>, input: I, attempt = 1): Promise<O> =>
  worker(attempt).run(activity, input);

describe.each(DATABASES)('sends claimed in the sent-ledger on $name', (backend) => {
  let opened: OpenedDatabase & { url: string };
  let otherPool: DondocDb;
  let channels: TestChannels;
  /** Two workers: the same channels, each with its own pool on the shared ledger. */
  let workerA: Activities;
  let workerB: Activities;

  beforeEach(async () => {
    opened = await backend.open();
    otherPool = createKysely(opened.url, 4);
    channels = await startTestChannels({ now: () => new Date('2022-10-17T01:00:00Z') });
    const on = (db: DondocDb) =>
      createActivities({ ...channels.deps, notify: { ...channels.deps.notify, ledger: createDbSentLedger(db) } });
    workerA = on(opened.db);
    workerB = on(otherPool);
  });
  afterEach(async () => {
    await channels.close();
    await otherPool.destroy();
    await opened.close();
  });

  const row = (key: string) =>
    opened.db.selectFrom('sentLedger').select(['state', 'owner']).where('key', '=', key).executeTakeFirst();

  it('two workers sending one key at once: exactly one email reaches the SMTP server', async () => {
    const outcomes = await Promise.allSettled([
      run(workerA.sendEmailNotification, emailInput),
      run(workerB.sendEmailNotification, emailInput),
    ]);
    await channels.smtp.waitFor(1);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(channels.smtp.messages()).toHaveLength(1);
    // The other either saw the claim in flight (and Temporal would retry it) or the recorded result.
    const accepted = outcomes.filter((o) => o.status === 'fulfilled' && !o.value.alreadySent);
    expect(accepted).toHaveLength(1);
    for (const outcome of outcomes) {
      if (outcome.status === 'rejected') {
        expect(outcome.reason).toMatchObject({ type: 'SEND_IN_PROGRESS', nonRetryable: false });
      }
    }
    // Temporal's retry of either, on either worker, returns the recorded result.
    const retried = await run(workerB.sendEmailNotification, emailInput, 2);
    expect(retried).toMatchObject({ outcome: 'accepted', alreadySent: true });
    expect(channels.smtp.messages()).toHaveLength(1);
    expect(await row(emailKey)).toMatchObject({ state: 'sent' });
  });

  it('many sends at once (their claims and records written together) and their retry elsewhere: each key once', async () => {
    const people = Array.from({ length: 12 }, (_, n) => ({ ...head, email: `canbo-${n}@ia-tul.example` }));
    const inputs = people.map((person, n) => ({ ...emailInput, key: `${emailKey}/${n}`, to: [person] }));
    // One refusal in the middle of the burst: its claim is released, the others are recorded.
    channels.smtp.reply({ stage: 'data', code: 451, times: 1 });
    const first = await Promise.allSettled(inputs.map((input) => run(workerA.sendEmailNotification, input)));
    const deferred = first.filter((o) => o.status === 'rejected');
    expect(deferred).toHaveLength(1);
    expect(deferred[0]).toMatchObject({ reason: { type: 'EMAIL_SMTP_DEFERRED' } });
    await channels.smtp.waitFor(11);
    const states = await Promise.all(inputs.map(async (input) => (await row(input.key))?.state));
    expect(states.filter((state) => state === 'sent')).toHaveLength(11);
    expect(states.filter((state) => state === undefined)).toHaveLength(1);

    const retried = await Promise.all(inputs.map((input) => run(workerB.sendEmailNotification, input, 2)));
    expect(retried.filter((r) => r.alreadySent === true)).toHaveLength(11);
    expect(retried.every((r) => r.outcome === 'accepted')).toBe(true);
    await channels.smtp.waitFor(12);
    const keys = channels.smtp.messages().map((m) => m.parsed.headers.get('x-dondoc-key'));
    expect(new Set(keys).size).toBe(12);
    expect(keys).toHaveLength(12);
  });

  it('an SMTP 4xx releases the claim, and the retry on another worker sends once', async () => {
    channels.smtp.reply({ stage: 'data', code: 451, times: 1 });
    await expect(run(workerA.sendEmailNotification, emailInput)).rejects.toMatchObject({
      type: 'EMAIL_SMTP_DEFERRED',
      nonRetryable: false,
    });
    expect(await row(emailKey)).toBeUndefined();
    const retried = await run(workerB.sendEmailNotification, emailInput, 2);
    expect(retried).toMatchObject({ outcome: 'accepted' });
    expect(retried.alreadySent).toBeUndefined();
    await channels.smtp.waitFor(1);
    expect(channels.smtp.messages()).toHaveLength(1);
  });

  it('a transient Zalo failure releases the claim, and the retry sends once', async () => {
    channels.zalo.script(head.phone ?? '', { kind: 'fail-times', times: 1, outcome: { kind: 'http', status: 500 } });
    const znsInput = { notification, audience: 'unit' as const, key: znsKey, to: [head] as [Contact] };
    await expect(run(workerA.sendZnsNotification, znsInput)).rejects.toMatchObject({ nonRetryable: false });
    expect(await row(znsKey)).toBeUndefined();
    await expect(run(workerB.sendZnsNotification, znsInput, 2)).resolves.toMatchObject({ outcome: 'accepted' });
    await expect(run(workerA.sendZnsNotification, znsInput, 3)).resolves.toMatchObject({ alreadySent: true });
    // The refused request and the one accepted: none after.
    expect(channels.zalo.received().filter((r) => r.path === '/message/template')).toHaveLength(2);
  });

  it('a claim younger than the activity timeout is left to its sender: retried later, nothing sent', async () => {
    await createDbSentLedger(opened.db).claim(emailKey, 'worker that is still sending');
    await expect(run(workerB.sendEmailNotification, emailInput)).rejects.toMatchObject({
      type: 'SEND_IN_PROGRESS',
      nonRetryable: false,
    });
    expect(await row(emailKey)).toMatchObject({ state: 'sending', owner: 'worker that is still sending' });
    expect(channels.smtp.messages()).toHaveLength(0);
  });

  it('a claim older than the activity timeout (its sender died mid-send) becomes unknown and is not re-sent', async () => {
    await createDbSentLedger(opened.db).claim(emailKey, 'worker killed mid-send');
    await sql`update sent_ledger set claimed_at = claimed_at - interval '10 minutes'`.execute(opened.db);
    const result = await run(workerB.sendEmailNotification, emailInput, 2);
    expect(result).toMatchObject({ outcome: 'unknown', key: emailKey, recipients: [head.email] });
    expect(result.claimedAt).toMatch(/\+07:00$/);
    expect(await row(emailKey)).toMatchObject({ state: 'unknown', owner: 'worker killed mid-send' });
    await expect(run(workerA.sendEmailNotification, emailInput, 3)).resolves.toMatchObject({ outcome: 'unknown' });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(channels.smtp.messages()).toHaveLength(0);
  });

  it('a send recorded as sent is answered from the ledger with alreadySent', async () => {
    const first = await run(workerA.sendEmailNotification, emailInput);
    await expect(run(workerB.sendEmailNotification, emailInput, 2)).resolves.toEqual({ ...first, alreadySent: true });
    await channels.smtp.waitFor(1);
    expect(channels.smtp.messages()).toHaveLength(1);
  });
});
