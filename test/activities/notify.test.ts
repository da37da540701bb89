import { ApplicationFailure } from '@temporalio/common';
import { MockActivityEnvironment } from '@temporalio/testing';
import { createActivities, type Activities } from '../../activities';
import { sendKey } from '../../domain/notifications/idempotency-key';
import type { Contact } from '../../domain/notifications/notification';
import { reminder } from '../channels/email/notifications';
import { startTestChannels, type TestChannels } from '../helpers/channels';

const head: Contact = { name: 'Chủ tịch UBND xã Ia Tul', email: 'chutich@ia-tul.example', phone: '84900000011' };
const officer: Contact = { name: 'Công chức Văn phòng', email: 'vanphong@ia-tul.example' };
const noEmail: Contact = { name: 'Phó Chủ tịch xã', phone: '84900000012' };

describe('the notify activities', () => {
  let channels: TestChannels;
  let activities: Activities;
  let clock = new Date('2022-10-17T01:00:00Z'); // 08:00 in Ia Pa
  const env = new MockActivityEnvironment();
  /** Keeps the activity's own input type (MockActivityEnvironment.run would widen literals). */
  const run = <I, O>(activity: (input: I) => Promise<O>, input: I): Promise<O> => env.run(activity, input);

  beforeEach(async () => {
    clock = new Date('2022-10-17T01:00:00Z');
    channels = await startTestChannels({ now: () => clock });
    activities = createActivities(channels.deps);
  });

  afterEach(async () => {
    await channels.close();
  });

  const notification = reminder();
  const emailKey = sendKey(notification.key, 'unit', 'email');

  it('sends one email to the whole audience and reports what the server accepted', async () => {
    const result = await run(activities.sendEmailNotification, {
      notification,
      audience: 'unit',
      key: emailKey,
      to: [head, officer],
    });
    expect(result).toMatchObject({ channel: 'email', outcome: 'accepted', key: emailKey });
    expect(result.recipients.sort()).toEqual([head.email, officer.email].sort());
    expect(result.acceptedAt).toBe('2022-10-17T08:00:00+07:00');
    const [mail] = await channels.smtp.waitFor(1);
    expect(mail?.parsed.headers.get('x-dondoc-key')).toBe(emailKey);
    expect(mail?.parsed.messageId).toBe(result.providerId);
  });

  it('does not send again when retried after the email was accepted', async () => {
    const input = { notification, audience: 'unit' as const, key: emailKey, to: [head] };
    const first = await run(activities.sendEmailNotification, input);
    const retried = await run(activities.sendEmailNotification, input);
    expect(retried).toEqual({ ...first, alreadySent: true });
    await channels.smtp.waitFor(1);
    expect(channels.smtp.messages()).toHaveLength(1);
  });

  it('throws a retryable failure on SMTP 4xx, so Temporal retries with backoff', async () => {
    channels.smtp.reply({ stage: 'data', code: 451, times: 1 });
    const attempt = run(activities.sendEmailNotification, {
      notification,
      audience: 'unit',
      key: emailKey,
      to: [head],
    });
    await expect(attempt).rejects.toBeInstanceOf(ApplicationFailure);
    await expect(attempt).rejects.toMatchObject({ type: 'EMAIL_SMTP_DEFERRED', nonRetryable: false });
  });

  it('reports a 550 refusal of a recipient as a contact problem, without retrying', async () => {
    channels.smtp.reply({ stage: 'rcpt', address: head.email, code: 550 });
    const result = await run(activities.sendEmailNotification, {
      notification,
      audience: 'unit',
      key: emailKey,
      to: [head],
    });
    expect(result.outcome).toBe('failed');
    expect(result.contactProblems).toEqual([
      expect.objectContaining({ channel: 'email', name: head.name, address: head.email, code: '550' }),
    ]);
  });

  it('sends a ZNS template to the phone, with the send key as tracking id', async () => {
    const key = sendKey(notification.key, 'unit', 'zns', head.phone);
    const result = await run(activities.sendZnsNotification, { notification, audience: 'unit', key, to: [head] });
    expect(result).toMatchObject({ channel: 'zns', outcome: 'accepted', recipients: ['84900000011'] });
    const sent = channels.zalo.received().filter((r) => r.path === '/message/template');
    expect(sent).toHaveLength(1);
  });

  it('turns -118 (no Zalo account) into a contact problem, reached by email when the person has an address', async () => {
    channels.zalo.script(head.phone ?? '', { kind: 'error', error: -118 });
    channels.zalo.script(noEmail.phone ?? '', { kind: 'error', error: -118 });
    const withEmail = await run(activities.sendZnsNotification, {
      notification,
      audience: 'unit',
      key: sendKey(notification.key, 'unit', 'zns', head.phone),
      to: [head],
    });
    expect(withEmail).toMatchObject({ outcome: 'failed', fallback: 'email', error: { code: '-118' } });
    expect(withEmail.contactProblems?.[0]).toMatchObject({ channel: 'zns', address: head.phone, code: '-118' });
    const withoutEmail = await run(activities.sendZnsNotification, {
      notification,
      audience: 'unit',
      key: sendKey(notification.key, 'unit', 'zns', noEmail.phone),
      to: [noEmail],
    });
    expect(withoutEmail).toMatchObject({ outcome: 'failed', fallback: 'none' });
  });

  it('retries a Zalo outage (HTTP 500) through Temporal', async () => {
    channels.zalo.script(head.phone ?? '', { kind: 'http', status: 500 });
    const attempt = run(activities.sendZnsNotification, {
      notification,
      audience: 'unit',
      key: sendKey(notification.key, 'unit', 'zns', head.phone),
      to: [head],
    });
    await expect(attempt).rejects.toMatchObject({ nonRetryable: false });
  });

  it('defers a ZNS at night to 06:00 instead of dropping it', async () => {
    clock = new Date('2022-10-17T16:30:00Z'); // 23:30 in Ia Pa
    const result = await run(activities.sendZnsNotification, {
      notification,
      audience: 'unit',
      key: sendKey(notification.key, 'unit', 'zns', head.phone),
      to: [head],
    });
    expect(result).toMatchObject({ outcome: 'deferred', notBefore: '2022-10-18T06:00:00+07:00' });
    expect(channels.zalo.received().filter((r) => r.path === '/message/template')).toHaveLength(0);
  });
});
