import { classifySmtpError, EmailSendError } from '../../../channels/email/email-send-error';

const smtpError = (fields: Record<string, unknown>) => Object.assign(new Error('smtp failure'), fields);

describe('classifySmtpError', () => {
  it.each([
    ['451 at DATA', { code: 'EMESSAGE', responseCode: 451, command: 'DATA' }, 'EMAIL_SMTP_DEFERRED'],
    ['452 at RCPT', { code: 'EENVELOPE', responseCode: 452, command: 'RCPT TO' }, 'EMAIL_SMTP_DEFERRED'],
    ['421 shutting down', { code: 'EPROTOCOL', responseCode: 421 }, 'EMAIL_SMTP_DEFERRED'],
    ['454 temporary auth failure', { code: 'EAUTH', responseCode: 454 }, 'EMAIL_SMTP_DEFERRED'],
    ['connection refused', { code: 'ESOCKET', errno: -111 }, 'EMAIL_SMTP_UNAVAILABLE'],
    ['connection timeout', { code: 'ETIMEDOUT' }, 'EMAIL_SMTP_UNAVAILABLE'],
    ['DNS failure', { code: 'EDNS' }, 'EMAIL_SMTP_UNAVAILABLE'],
    ['anything unknown', {}, 'EMAIL_SMTP_UNAVAILABLE'],
  ])('%s is retryable', (_name, fields, code) => {
    const err = classifySmtpError(smtpError(fields));
    expect(err).toBeInstanceOf(EmailSendError);
    expect(err).toMatchObject({ code, retryable: true });
  });

  it.each([
    ['535 bad credentials', { code: 'EAUTH', responseCode: 535 }, 'EMAIL_AUTH_FAILED'],
    ['EAUTH without a reply', { code: 'EAUTH' }, 'EMAIL_AUTH_FAILED'],
    ['554 at DATA', { code: 'EMESSAGE', responseCode: 554, command: 'DATA' }, 'EMAIL_MESSAGE_REJECTED'],
    ['550 at MAIL FROM', { code: 'EENVELOPE', responseCode: 550, command: 'MAIL FROM' }, 'EMAIL_MESSAGE_REJECTED'],
    ['no recipients', { code: 'EENVELOPE' }, 'EMAIL_INVALID'],
  ])('%s is permanent', (_name, fields, code) => {
    expect(classifySmtpError(smtpError(fields))).toMatchObject({ code, retryable: false });
  });

  it('550 at RCPT is permanent and names the refused addresses', () => {
    const err = classifySmtpError(
      smtpError({ code: 'EENVELOPE', responseCode: 550, command: 'RCPT TO', rejected: ['a@x.vn', 'b@x.vn'] }),
    );
    expect(err).toMatchObject({
      code: 'EMAIL_RECIPIENT_REJECTED',
      retryable: false,
      responseCode: 550,
      rejected: ['a@x.vn', 'b@x.vn'],
    });
  });

  it('keeps the original error as the cause and passes an EmailSendError through', () => {
    const original = smtpError({ code: 'ETIMEDOUT' });
    const classified = classifySmtpError(original);
    expect(classified.cause).toBe(original);
    expect(classifySmtpError(classified)).toBe(classified);
    expect(classifySmtpError('a string')).toMatchObject({ message: 'a string', retryable: true });
  });
});
