import { Writable } from 'node:stream';
import { cycleLogAttributes, obligationLogAttribute } from '../../domain/cycle/log-attributes';
import { createLogger, logFormatOf, maskLinkTokens } from '../../observability/logger';
import { sdkLogger } from '../../observability/sdk-logger';

function capture(): { stream: Writable; lines: () => string[] } {
  let text = '';
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      text += chunk.toString('utf8');
      done();
    },
  });
  return { stream, lines: () => text.split('\n').filter(Boolean) };
}

describe('the process logger', () => {
  it('is pretty in embedded mode and JSON in production unless LOG_FORMAT says otherwise', () => {
    expect(logFormatOf({})).toBe('pretty');
    expect(logFormatOf({ DATABASE_URL: 'postgres://db/dondoc' })).toBe('json');
    expect(logFormatOf({ TEMPORAL_ADDRESS: 'temporal:7233' })).toBe('json');
    expect(logFormatOf({ TEMPORAL_ADDRESS: 'temporal:7233', LOG_FORMAT: 'pretty' })).toBe('pretty');
    expect(logFormatOf({ LOG_FORMAT: 'json' })).toBe('json');
  });

  it('redacts contacts logged whole and masks link tokens in request lines', () => {
    const out = capture();
    const logger = createLogger({ LOG_LEVEL: 'info', LOG_FORMAT: 'json' }, out.stream);
    logger.info({ to: [{ email: 'a@b.example' }], person: { name: 'Nguyễn Văn A', phone: '0900000001' } }, 'sent');
    logger.info({ req: { method: 'GET', url: '/s/abcDEF123456789_token?x=1' } }, 'incoming request');
    const [sent, request] = out.lines().map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(sent).toMatchObject({ to: '[redacted]', person: { name: '[redacted]', phone: '[redacted]' }, msg: 'sent' });
    expect(request).toMatchObject({ req: { method: 'GET', url: '/s/[token]?x=1' } });
    expect(maskLinkTokens('/s/a/b')).toBe('/s/[token]/b');
  });

  it('takes the SDK’s lines at their level, with their attributes as fields', () => {
    const out = capture();
    const logger = sdkLogger(createLogger({ LOG_LEVEL: 'info', LOG_FORMAT: 'json' }, out.stream));
    logger.debug('hidden at info', { cycle: 'p/2025' });
    logger.log('WARN', 'worker warning', { sdkComponent: 'worker', cycle: 'p/2025', unit: 'xa-dong' });
    const lines = out.lines().map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 40, msg: 'worker warning', sdkComponent: 'worker', unit: 'xa-dong' });
  });
});

describe('log attributes of workflows and activities', () => {
  it('reads cycle and unit from dondoc workflow ids only', () => {
    expect(cycleLogAttributes('dondoc/ke-hoach-12/2025')).toEqual({ cycle: 'ke-hoach-12/2025' });
    expect(cycleLogAttributes('dondoc/ke-hoach-12/2025/xa-dong')).toEqual({
      cycle: 'ke-hoach-12/2025',
      unit: 'xa-dong',
    });
    expect(cycleLogAttributes('persistence-probe')).toEqual({});
    expect(cycleLogAttributes(undefined)).toEqual({});
  });

  it('finds the obligation an activity input is about', () => {
    expect(obligationLogAttribute({ obligationId: 'bao-cao' })).toBe('bao-cao');
    expect(obligationLogAttribute({ notification: { obligation: { id: 'ke-hoach' } } })).toBe('ke-hoach');
    expect(obligationLogAttribute({ notification: { obligations: [{ id: 'a' }, { id: 'b' }] } })).toBe('a,b');
    expect(obligationLogAttribute({ cycle: { planId: 'p', year: 2025 } })).toBeUndefined();
    expect(obligationLogAttribute(undefined)).toBeUndefined();
  });
});
