import { sql } from 'kysely';
import { messageIdForKey } from '../../channels/email/message-id';
import { openDatabase, type OpenedDatabase } from '../../db/open-database';
import { createInboundStore } from '../../db/stores/inbound-store';
import { createDbMessageStore } from '../../db/stores/message-store';
import { dondocMessageHash } from '../../inbound/inbound-id';

describe('messages.message_hash: a reply finds the message by the Message-ID it names', () => {
  let opened: OpenedDatabase;
  beforeAll(async () => {
    opened = await openDatabase({ memory: true });
  });
  afterAll(async () => {
    await opened?.close();
  });

  const KEY = 'dondoc/cycle-small/2031/moment@2031-05-02T08:00:00+07:00/email/xa-đông@thu-nghiem.example';

  it('is the hash part of the Message-ID the mailer derives from the key, in the store and in the backfill', async () => {
    await createDbMessageStore(opened.db).save({
      key: KEY,
      planId: 'cycle-small',
      year: 2031,
      scheduledAt: '2031-05-02T08:00:00+07:00',
      planDay: '2031-05-02',
      channel: 'email',
      address: 'xa-đông@thu-nghiem.example',
      personName: 'Chủ tịch UBND xã Đông',
      status: 'sent',
      items: [],
    });
    const messageId = messageIdForKey(KEY, 'ia-pa.example');
    const hash = dondocMessageHash(messageId);
    const { rows } = await sql<{ stored: string; backfilled: string }>`
      select message_hash as stored, substr(encode(sha256(convert_to(key, 'UTF8')), 'hex'), 1, 40) as backfilled
      from messages`.execute(opened.db);
    expect(rows).toEqual([{ stored: hash, backfilled: hash }]);
    expect(await createInboundStore(opened.db).messageByHash(hash!)).toMatchObject({ key: KEY, planId: 'cycle-small' });
  });
});
