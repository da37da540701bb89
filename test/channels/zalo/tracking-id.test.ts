import { createHash } from 'node:crypto';
import { TRACKING_ID_MAX_LENGTH, trackingId } from '../../../channels/zalo';
import { sendKey } from '../../../domain/notifications/idempotency-key';

describe('trackingId', () => {
  const key = sendKey(
    'dondoc/dvcq-ia-pa/2022/xa-ia-tul/bao-cao-nam/escalation-2.0@2022-11-03T08:00:00+07:00',
    'unit',
    'zns',
    '84905123456',
  );

  it('hashes a long key into 32 hex characters, always the same', () => {
    expect(trackingId(key)).toMatch(/^[0-9a-f]{32}$/);
    expect(trackingId(key)).toBe(createHash('sha256').update(key, 'utf8').digest('hex').slice(0, 32));
    expect(trackingId(key)).toHaveLength(TRACKING_ID_MAX_LENGTH);
  });

  it('gives different keys different ids', () => {
    expect(trackingId(key)).not.toBe(trackingId(key.replace('unit', 'supervisor')));
  });

  it('keeps a short plain key as it is, and hashes a short key with other characters', () => {
    expect(trackingId('reminder-1')).toBe('reminder-1');
    expect(trackingId('a/b@c')).toMatch(/^[0-9a-f]{32}$/);
  });
});
