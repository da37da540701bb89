import { createMailer } from '../../../channels/email/mailer';
import { renderEmail } from '../../../channels/email/render-email';
import { freePort } from '../../../workers/port-check';
import { FROM, HEAD, type MailEnv, startMailEnv } from './mail-env';
import { escalation } from './notifications';

const email = () => renderEmail(escalation(1), 'unit');

let env: MailEnv;
beforeEach(async () => {
  env = await startMailEnv();
});
afterEach(() => env.close());

describe('createMailer: failures, classified for the activity edge', () => {
  it('451 at DATA is retryable, and the retry goes through', async () => {
    env.capture.reply({ stage: 'data', code: 451, times: 1 });
    await expect(env.mailer.send({ to: [HEAD], ...email() })).rejects.toMatchObject({
      name: 'EmailSendError',
      code: 'EMAIL_SMTP_DEFERRED',
      retryable: true,
      responseCode: 451,
    });
    await expect(env.mailer.send({ to: [HEAD], ...email() })).resolves.toMatchObject({ accepted: [HEAD.email] });
  });

  it('450 at RCPT is retryable', async () => {
    env.capture.reply({ stage: 'rcpt', code: 450, message: 'Mailbox busy' });
    await expect(env.mailer.send({ to: [HEAD], ...email() })).rejects.toMatchObject({
      code: 'EMAIL_SMTP_DEFERRED',
      retryable: true,
    });
  });

  it('550 at RCPT is permanent and names the refused address', async () => {
    env.capture.reply({ stage: 'rcpt', address: HEAD.email, code: 550, message: 'No such user' });
    await expect(env.mailer.send({ to: [HEAD], ...email() })).rejects.toMatchObject({
      code: 'EMAIL_RECIPIENT_REJECTED',
      retryable: false,
      responseCode: 550,
      rejected: [HEAD.email],
    });
  });

  it('one refused recipient among several is reported, not thrown', async () => {
    env.capture.reply({ stage: 'rcpt', address: 'gone@ia-tul.example', code: 550 });
    const result = await env.mailer.send({ to: [HEAD, 'gone@ia-tul.example'], ...email() });
    expect(result).toMatchObject({ accepted: [HEAD.email], rejected: ['gone@ia-tul.example'] });
  });

  it('554 at DATA is permanent', async () => {
    env.capture.reply({ stage: 'data', code: 554, message: 'Content rejected' });
    await expect(env.mailer.send({ to: [HEAD], ...email() })).rejects.toMatchObject({
      code: 'EMAIL_MESSAGE_REJECTED',
      retryable: false,
    });
  });

  it('a contact without an email address is a permanent error, before any connection', async () => {
    await expect(env.mailer.send({ to: [{ name: 'Chỉ có điện thoại' }], ...email() })).rejects.toMatchObject({
      code: 'EMAIL_INVALID',
      retryable: false,
    });
    expect(env.capture.connectionCount()).toBe(0);
  });

  it('connection refused is retryable', async () => {
    const port = await freePort();
    const mailer = createMailer({ smtpUrl: `smtp://127.0.0.1:${port}`, from: FROM, timeoutMs: 2_000 });
    try {
      await expect(mailer.send({ to: [HEAD], ...email() })).rejects.toMatchObject({
        code: 'EMAIL_SMTP_UNAVAILABLE',
        retryable: true,
      });
    } finally {
      mailer.close();
    }
  });
});
