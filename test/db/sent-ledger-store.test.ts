import { sql } from 'kysely';
import type { OpenedDatabase } from '../../db/open-database';
import { createKysely, type DondocDb } from '../../db/postgres-pool';
import { createDbSentLedger } from '../../db/stores/sent-ledger-store';
import type { NotifyResult } from '../../domain/notifications/notify-result';
import { DATABASES } from '../helpers/databases';

jest.setTimeout(60_000);

const result = (key: string): NotifyResult => ({
  channel: 'email',
  audience: 'unit',
  key,
  recipients: ['vanphong@ia-tul.example'],
  outcome: 'accepted',
  providerId: '<k@dondoc>',
  acceptedAt: '2022-10-17T08:00:00+07:00',
});

describe.each(DATABASES)('the sent-ledger on $name', (backend) => {
  let opened: OpenedDatabase & { url: string };
  /** A second worker's pool on the same database. */
  let other: DondocDb;
  beforeEach(async () => {
    opened = await backend.open();
    other = createKysely(opened.url, 4);
  });
  afterEach(async () => {
    await other.destroy();
    await opened.close();
  });

  it('lets exactly one of many concurrent claims of a key win, across pools', async () => {
    const ledgers = [createDbSentLedger(opened.db), createDbSentLedger(other)];
    const wins = await Promise.all(Array.from({ length: 20 }, (_, n) => ledgers[n % 2]!.claim('k1', `worker ${n}`)));
    expect(wins.filter(Boolean)).toHaveLength(1);
    const winner = `worker ${wins.indexOf(true)}`;
    await expect(ledgers[1]!.read('k1')).resolves.toMatchObject({ state: 'sending', owner: winner });
  });

  it('records the owner’s result, which every worker then reads', async () => {
    const ledger = createDbSentLedger(opened.db);
    await ledger.claim('k1', 'a');
    await ledger.record('k1', 'someone else', { ...result('k1'), providerId: 'wrong' });
    await ledger.record('k1', 'a', result('k1'));
    await expect(createDbSentLedger(other).read('k1')).resolves.toMatchObject({
      state: 'sent',
      owner: 'a',
      result: result('k1'),
    });
  });

  it('releases only the owner’s `sending` claim, and the key can be claimed again', async () => {
    const ledger = createDbSentLedger(opened.db);
    await ledger.claim('k1', 'a');
    await ledger.release('k1', 'b');
    await expect(ledger.read('k1')).resolves.toMatchObject({ state: 'sending' });
    await ledger.release('k1', 'a');
    await expect(ledger.read('k1')).resolves.toBeUndefined();
    await expect(createDbSentLedger(other).claim('k1', 'b')).resolves.toBe(true);
    await ledger.record('k1', 'b', result('k1'));
    await ledger.release('k1', 'b');
    await expect(ledger.read('k1')).resolves.toMatchObject({ state: 'sent' });
  });

  it('writes claims and records made at once together, each answered as if written alone', async () => {
    const ledger = createDbSentLedger(opened.db);
    await ledger.claim('taken', 'earlier attempt');
    const keys = Array.from({ length: 40 }, (_, n) => `k${n % 30}`);
    const wins = await Promise.all([...keys, 'taken'].map((key, n) => ledger.claim(key, `attempt ${n}`)));
    // Each key once, to its first asker; the key claimed before stays with its owner.
    expect(wins.slice(0, 30)).toEqual(Array.from({ length: 30 }, () => true));
    expect(wins.slice(30)).toEqual(Array.from({ length: 11 }, () => false));
    await Promise.all(
      Array.from({ length: 30 }, (_, n) =>
        ledger.record(`k${n}`, n === 7 ? 'not the owner' : `attempt ${n}`, result(`k${n}`)),
      ),
    );
    const states = await sql<{ state: string; n: number }>`
      select state, count(*)::int as n from sent_ledger group by state order by state`.execute(opened.db);
    expect(states.rows).toEqual([
      { state: 'sending', n: 2 },
      { state: 'sent', n: 29 },
    ]);
    await expect(createDbSentLedger(other).read('k12')).resolves.toMatchObject({
      state: 'sent',
      owner: 'attempt 12',
      result: result('k12'),
    });
    await expect(ledger.read('k7')).resolves.toMatchObject({ state: 'sending', owner: 'attempt 7' });
  });

  it('measures a claim’s age on the database clock and marks it unknown only if it is unchanged', async () => {
    const ledger = createDbSentLedger(opened.db);
    await ledger.claim('k1', 'dead worker');
    await sql`update sent_ledger set claimed_at = claimed_at - interval '10 minutes'`.execute(opened.db);
    const entry = await ledger.read('k1');
    expect(entry?.ageMs).toBeGreaterThanOrEqual(600_000);
    expect(entry?.ageMs).toBeLessThan(660_000);
    await expect(ledger.markUnknown('k1', 'dead worker', new Date(0))).resolves.toBe(false);
    await expect(ledger.markUnknown('k1', 'dead worker', entry!.claimedAt)).resolves.toBe(true);
    await expect(ledger.markUnknown('k1', 'dead worker', entry!.claimedAt)).resolves.toBe(false);
    await expect(ledger.read('k1')).resolves.toMatchObject({ state: 'unknown', owner: 'dead worker' });
  });
});
