import { createMailer } from '../../../channels/email/mailer';
import { renderEmail } from '../../../channels/email/render-email';
import { FROM, HEAD, startMailEnv } from './mail-env';
import { reminder } from './notifications';

describe('createMailer: the pooled transport', () => {
  it('sends 20 emails over far fewer than 20 SMTP connections', async () => {
    const env = await startMailEnv({ poolSize: 3 });
    try {
      const sends = Array.from({ length: 20 }, (_, i) =>
        env.mailer.send({ to: [HEAD], ...renderEmail(reminder(), 'unit', { sendKey: `pool-test/${i}` }) }),
      );
      const results = await Promise.all(sends);
      expect(results.every((r) => r.accepted[0] === HEAD.email)).toBe(true);
      expect(env.capture.messages()).toHaveLength(20);
      expect(env.capture.connectionCount()).toBeLessThanOrEqual(3);
    } finally {
      await env.close();
    }
  });

  it('reuses one connection for sequential sends', async () => {
    const env = await startMailEnv();
    try {
      for (let i = 0; i < 5; i++) {
        await env.mailer.send({ to: [HEAD], ...renderEmail(reminder(), 'unit', { sendKey: `seq/${i}` }) });
      }
      expect(env.capture.connectionCount()).toBe(1);
    } finally {
      await env.close();
    }
  });

  it('reports acceptance in plan time, with the server reply', async () => {
    const env = await startMailEnv({ clock: () => new Date('2022-10-17T01:00:03.250Z') });
    try {
      const result = await env.mailer.send({
        to: [HEAD],
        cc: ['pnv@ia-pa.example'],
        ...renderEmail(reminder(), 'unit'),
      });
      expect(result.acceptedAt).toBe('2022-10-17T08:00:03.250+07:00');
      expect(result.accepted).toEqual([HEAD.email, 'pnv@ia-pa.example']);
      expect(result.response).toMatch(/^250 /);
    } finally {
      await env.close();
    }
  });

  it('logs in with the credentials in SMTP_URL', async () => {
    const env = await startMailEnv();
    const mailer = createMailer({
      smtpUrl: env.capture.url.replace('smtp://', 'smtp://dondoc%40ia-pa:m%E1%BA%ADt@'),
      from: FROM,
    });
    try {
      await mailer.send({ to: [HEAD], ...renderEmail(reminder(), 'unit') });
      expect(env.capture.messages()[0]?.user).toBe('dondoc@ia-pa');
    } finally {
      mailer.close();
      await env.close();
    }
  });
});
