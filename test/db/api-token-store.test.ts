import type { OpenedDatabase } from '../../db/open-database';
import { createApiTokenStore } from '../../db/stores/api-token-store';
import { secretHash } from '../../db/stores/secret-hash';
import { DATABASES } from '../helpers/databases';

jest.setTimeout(60_000);

const T0 = new Date('2031-05-01T08:00:00Z');

describe.each(DATABASES)('API tokens on $name', (backend) => {
  let opened: OpenedDatabase;
  beforeAll(async () => (opened = await backend.open()));
  afterAll(async () => opened.close());

  it('shows a token once, keeps its hash only, verifies it with its scopes, and refuses it once revoked', async () => {
    const tokens = createApiTokenStore(opened.db);
    const { record, token } = await tokens.create('Một cửa điện tử', ['read', 'submit', 'read'], T0);
    expect(token).toMatch(/^ddk_[0-9a-f]{12}_[\w-]{43}$/);
    expect(token.startsWith(`ddk_${record.id}_`)).toBe(true);
    expect(record).toMatchObject({ name: 'Một cửa điện tử', scopes: ['read', 'submit'], revokedAt: null });

    const rows = await opened.db.selectFrom('apiTokens').selectAll().execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]?.tokenHash).toBe(secretHash(token));
    expect(JSON.stringify(rows)).not.toContain(token.split('_').at(-1));

    const used = new Date(T0.getTime() + 5000);
    expect(await tokens.verify(token, used)).toMatchObject({ id: record.id, scopes: ['read', 'submit'] });
    expect((await tokens.list())[0]?.lastUsedAt).toEqual(used);
    // Another secret under the same id, a malformed token, nothing at all.
    const forged = `ddk_${record.id}_${'A'.repeat(43)}`;
    for (const wrong of [forged, `${token}x`, 'ddk_', '']) expect(await tokens.verify(wrong, used)).toBeUndefined();

    expect(await tokens.revoke(record.id, used)).toBe(true);
    expect(await tokens.revoke(record.id, used)).toBe(false);
    expect(await tokens.revoke('000000000000', used)).toBe(false);
    expect(await tokens.verify(token, used)).toBeUndefined();
    expect((await tokens.list())[0]?.revokedAt).toEqual(used);
  });
});
