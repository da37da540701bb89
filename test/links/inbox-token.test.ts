import { randomBytes } from 'node:crypto';
import { openDatabase, type OpenedDatabase } from '../../db/open-database';
import { createUnitInboxStore, FIRST_GENERATION } from '../../db/stores/unit-inbox-store';
import { createInboxToken, verifyInboxToken } from '../../links/inbox-token';
import { keyRing } from '../../links/key-ring';
import { createLinkSigner, INBOX_PURPOSE } from '../../links/link-signer';
import { mac } from '../../links/signed-value';
import { createSubmissionToken } from '../../links/submission-token';

const OLD = Buffer.from('cũ-'.padEnd(40, 'o'));
const NEW = Buffer.from('mới-'.padEnd(40, 'n'));
const claims = { unitId: 'xa-dong', generation: 1 };

describe('the inbox token', () => {
  it('signs and verifies a unit and its generation, and the signer builds /i/<token> under the inbox key', () => {
    const ring = keyRing({ current: NEW, previous: [] }, INBOX_PURPOSE);
    const token = createInboxToken(ring.signing, claims);
    expect(token).toMatch(/^i1\.[\w-]+\.[\w-]+$/);
    expect(verifyInboxToken(ring.verifying, token)).toEqual({ ok: true, claims });

    const url = createLinkSigner(NEW, 'https://dondoc.example/').inboxUrl('xa-dong', 3);
    expect(url).toMatch(/^https:\/\/dondoc\.example\/i\/i1\./);
    expect(verifyInboxToken(ring.verifying, url.split('/i/')[1]!)).toEqual({
      ok: true,
      claims: { unitId: 'xa-dong', generation: 3 },
    });
  });

  it('refuses a tampered body or signature, and a malformed token', () => {
    const ring = keyRing({ current: NEW, previous: [] }, INBOX_PURPOSE);
    const token = createInboxToken(ring.signing, claims);
    const [version, , signature] = token.split('.');
    const otherBody = Buffer.from(JSON.stringify(['xa-tay', 1])).toString('base64url');
    expect(verifyInboxToken(ring.verifying, `${version}.${otherBody}.${signature}`)).toEqual({
      ok: false,
      reason: 'bad-signature',
    });
    expect(verifyInboxToken(ring.verifying, `${token.slice(0, -2)}xx`)).toEqual({ ok: false, reason: 'bad-signature' });
    for (const bad of ['', 'i1', 'i1..', 'v1.abc.def', `${token}.extra`]) {
      expect(verifyInboxToken(ring.verifying, bad)).toEqual({ ok: false, reason: 'malformed' });
    }
    // Well signed, wrong shape: a generation that is not a positive integer.
    const body = Buffer.from(JSON.stringify(['xa-dong', 0])).toString('base64url');
    const signedZero = createInboxTokenWithBody(ring.signing, body);
    expect(verifyInboxToken(ring.verifying, signedZero)).toEqual({ ok: false, reason: 'malformed' });
  });

  it("is refused under another purpose's key: a submission link's or a session's secret does not sign an inbox", () => {
    const secrets = { current: NEW, previous: [] };
    const inbox = keyRing(secrets, INBOX_PURPOSE);
    for (const key of [
      keyRing(secrets).signing,
      keyRing(secrets, 'session').signing,
      keyRing(secrets, 'csrf').signing,
    ]) {
      expect(verifyInboxToken(inbox.verifying, createInboxToken(key, claims))).toEqual({
        ok: false,
        reason: 'bad-signature',
      });
    }
    // Nor does a submission token pass for an inbox token.
    const submission = createSubmissionToken(keyRing(secrets).signing, {
      planId: 'p',
      year: 2031,
      unitId: 'xa-dong',
      obligationId: 'o',
      exp: 2e9,
    });
    expect(verifyInboxToken(inbox.verifying, submission)).toMatchObject({ ok: false });
  });

  it('keeps working across a secret rotation while the old secret is among the previous ones', () => {
    const before = keyRing({ current: OLD, previous: [] }, INBOX_PURPOSE);
    const token = createInboxToken(before.signing, claims);
    const rotated = keyRing({ current: NEW, previous: [OLD] }, INBOX_PURPOSE);
    expect(verifyInboxToken(rotated.verifying, token)).toEqual({ ok: true, claims });
    const dropped = keyRing({ current: NEW, previous: [randomBytes(32)] }, INBOX_PURPOSE);
    expect(verifyInboxToken(dropped.verifying, token)).toEqual({ ok: false, reason: 'bad-signature' });
  });
});

describe('the unit inbox generations (unit_inboxes)', () => {
  let database: OpenedDatabase;
  beforeAll(async () => (database = await openDatabase({ memory: true })));
  afterAll(async () => database?.close());

  it('starts every unit at the first generation; a revoke moves it on once, even when the form is sent twice', async () => {
    const store = createUnitInboxStore(database.db);
    expect(await store.generations(['xa-dong', 'xa-tay'])).toEqual(
      new Map([
        ['xa-dong', FIRST_GENERATION],
        ['xa-tay', FIRST_GENERATION],
      ]),
    );
    const at = new Date('2031-03-05T02:00:00Z');
    expect(await store.revoke('xa-dong', 1, 'pnv', at)).toBe(2);
    expect(await store.revoke('xa-dong', 1, 'pnv', at)).toBe(2); // the same form again
    expect(await store.revoke('xa-dong', 2, 'pnv', at)).toBe(3);
    expect((await store.generations(['xa-dong', 'xa-tay'])).get('xa-dong')).toBe(3);
    expect((await store.generations(['xa-tay'])).get('xa-tay')).toBe(FIRST_GENERATION);
    const row = await database.db
      .selectFrom('unitInboxes')
      .selectAll()
      .where('unitId', '=', 'xa-dong')
      .executeTakeFirst();
    expect(row).toMatchObject({ generation: 3, revokedBy: 'pnv' });
  });

  it('a revoked generation no longer matches the current one (the check the web makes)', async () => {
    const store = createUnitInboxStore(database.db);
    const ring = keyRing({ current: NEW, previous: [] }, INBOX_PURPOSE);
    const before = (await store.generations(['xa-bac'])).get('xa-bac')!;
    const token = createInboxToken(ring.signing, { unitId: 'xa-bac', generation: before });
    await store.revoke('xa-bac', before, 'pnv', new Date());
    const checked = verifyInboxToken(ring.verifying, token);
    expect(checked.ok).toBe(true);
    if (checked.ok) expect((await store.generations(['xa-bac'])).get('xa-bac')).not.toBe(checked.claims.generation);
  });
});

/** A token over any body, signed as the real ones are, to test the field checks behind the signature. */
function createInboxTokenWithBody(key: Buffer, body: string): string {
  return `i1.${body}.${mac(key, `i1.${body}`)}`;
}
