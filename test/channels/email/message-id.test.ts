import { createHash } from 'node:crypto';
import { dondocHeaders } from '../../../channels/email/email-headers';
import { domainOfAddress, messageIdForKey } from '../../../channels/email/message-id';
import { digest, escalation, receipt, reminder, report } from './notifications';

describe('messageIdForKey', () => {
  const key = 'dondoc/dvcq-ia-pa/2022/xa-ia-tul/bao-cao-nam/escalation-2.0@2022-11-03T08:00:00+07:00/unit/email';

  it('is the first 40 hex digits of the key’s SHA-256 at the sender’s domain', () => {
    const hash = createHash('sha256').update(key).digest('hex').slice(0, 40);
    expect(messageIdForKey(key, 'ia-pa.gov.vn')).toBe(`<${hash}@ia-pa.gov.vn>`);
  });

  it('is the same for the same key and differs for another', () => {
    expect(messageIdForKey(key, 'x.vn')).toBe(messageIdForKey(key, 'x.vn'));
    expect(messageIdForKey(`${key}/other`, 'x.vn')).not.toBe(messageIdForKey(key, 'x.vn'));
  });

  it('takes the domain from the From address', () => {
    expect(domainOfAddress('"Hệ thống đôn đốc" <DonDoc@IA-PA.gov.vn>')).toBe('ia-pa.gov.vn');
    expect(domainOfAddress('dondoc@localhost')).toBe('localhost');
    expect(domainOfAddress('no address')).toBe('dondoc.local');
  });
});

describe('dondocHeaders (CONTRACTS.md §3)', () => {
  const common = (n: { plan: { id: string; year: number }; scheduledAt: string }, kind: string) => ({
    'X-Dondoc-Kind': kind,
    'X-Dondoc-Cycle': `${n.plan.id}/${n.plan.year}`,
    'X-Dondoc-Scheduled-At': n.scheduledAt,
    'X-Dondoc-Key': 'k',
  });

  it('reminder and escalation carry unit and obligations; only escalation a level', () => {
    const r = reminder();
    expect(dondocHeaders(r, 'k')).toEqual({
      ...common(r, 'reminder'),
      'X-Dondoc-Unit': 'xa-ia-tul',
      'X-Dondoc-Obligation': 'bao-cao-nam',
    });
    const e = escalation(2);
    expect(dondocHeaders(e, 'k')).toEqual({
      ...common(e, 'escalation'),
      'X-Dondoc-Unit': 'xa-ia-tul',
      'X-Dondoc-Obligation': 'bao-cao-nam',
      'X-Dondoc-Level': '2',
    });
  });

  it('receipt carries unit and obligation, report the obligation, digest neither', () => {
    const rc = receipt();
    expect(dondocHeaders(rc, 'k')).toEqual({
      ...common(rc, 'receipt'),
      'X-Dondoc-Unit': 'xa-ia-tul',
      'X-Dondoc-Obligation': 'bao-cao-nam',
    });
    const rp = report();
    expect(dondocHeaders(rp, 'k')).toEqual({ ...common(rp, 'report'), 'X-Dondoc-Obligation': 'bao-cao-nam' });
    const d = digest();
    expect(dondocHeaders(d, 'k')).toEqual(common(d, 'digest'));
  });
});
