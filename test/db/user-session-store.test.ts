import type { OpenedDatabase } from '../../db/open-database';
import { createSessionStore } from '../../db/stores/session-store';
import { createUserStore } from '../../db/stores/user-store';
import { DATABASES } from '../helpers/databases';

jest.setTimeout(60_000);

const T0 = new Date('2031-05-01T08:00:00Z');
const later = (ms: number) => new Date(T0.getTime() + ms);

describe.each(DATABASES)('users and sessions on $name', (backend) => {
  let opened: OpenedDatabase;
  beforeAll(async () => (opened = await backend.open()));
  afterAll(async () => opened.close());

  it('adds a user once; a password change revokes its sessions but the one that made it', async () => {
    const users = createUserStore(opened.db);
    const sessions = createSessionStore(opened.db);
    expect(await users.add('pnv', 'scrypt$a$b', T0)).toBe(true);
    expect(await users.add('pnv', 'scrypt$c$d', T0)).toBe(false);
    expect(await users.find('pnv')).toMatchObject({ name: 'pnv', passwordHash: 'scrypt$a$b', passwordChangedAt: T0 });

    const laptop = await sessions.open('pnv', later(3600_000));
    const phone = await sessions.open('pnv', later(3600_000));
    expect(laptop).toMatch(/^[\w-]{43}$/);
    expect(await sessions.find(laptop, later(1000))).toEqual({ userName: 'pnv', expiresAt: later(3600_000) });
    // Only the hash is stored.
    const stored = await opened.db.selectFrom('sessions').select('idHash').execute();
    expect(stored.map((row) => row.idHash)).not.toContain(laptop);

    expect(await users.setPassword('pnv', 'scrypt$e$f', later(2000), { keepSessionId: laptop })).toBe(true);
    expect(await sessions.find(laptop, later(3000))).toBeDefined();
    expect(await sessions.find(phone, later(3000))).toBeUndefined();
    expect((await users.find('pnv'))?.passwordChangedAt).toEqual(later(2000));
    expect(await users.setPassword('nobody', 'scrypt$e$f', later(2000))).toBe(false);

    await users.setPassword('pnv', 'scrypt$g$h', later(4000));
    expect(await sessions.find(laptop, later(5000))).toBeUndefined();
  });

  it('refuses expired, revoked and unknown sessions; logout revokes one, revokeAllOf the rest', async () => {
    const users = createUserStore(opened.db);
    const sessions = createSessionStore(opened.db);
    await users.add('kt', 'scrypt$a$b', T0);
    const a = await sessions.open('kt', later(60_000));
    const b = await sessions.open('kt', later(60_000));
    const c = await sessions.open('kt', later(60_000));
    expect(await sessions.find(a, later(60_000))).toBeUndefined();
    expect(await sessions.find('not-a-session', T0)).toBeUndefined();
    await sessions.revoke(a, later(1));
    expect(await sessions.find(a, later(2))).toBeUndefined();
    expect(await sessions.find(b, later(2))).toBeDefined();
    expect(await sessions.revokeAllOf('kt', later(3), { except: c })).toBe(1);
    expect(await sessions.find(b, later(4))).toBeUndefined();
    expect(await sessions.find(c, later(4))).toBeDefined();
    expect(await sessions.deleteEnded(later(120_000))).toBeGreaterThanOrEqual(3);
    expect(await opened.db.selectFrom('sessions').select('idHash').where('userName', '=', 'kt').execute()).toEqual([]);
  });

  it('removing a user ends its sessions', async () => {
    const users = createUserStore(opened.db);
    const sessions = createSessionStore(opened.db);
    await users.add('tam', 'scrypt$a$b', T0);
    const id = await sessions.open('tam', later(60_000));
    expect(await users.remove('tam')).toBe(true);
    expect(await users.remove('tam')).toBe(false);
    expect(await sessions.find(id, later(1))).toBeUndefined();
    expect((await users.list()).map((user) => user.name)).not.toContain('tam');
  });
});
