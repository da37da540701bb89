import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import nodemailer from 'nodemailer';
import { createMemoryLedger } from '../../activities/notify/sent-ledger';
import { loadConfig } from '../../config/env';
import { startChannels } from '../../workers/channels';

describe('the embedded SMTP capture hands dondoc its inbound mail', () => {
  let mailDir: string;
  beforeAll(() => (mailDir = mkdtempSync(path.join(os.tmpdir(), 'dondoc-inbound-capture-'))));
  afterAll(() => rmSync(mailDir, { recursive: true, force: true }));

  it('passes mail for the SMTP_FROM address to the handler once stored, keeps the rest, and answers 451 on failure', async () => {
    const config = loadConfig({ DONDOC_DATA_DIR: mailDir, SMTP_FROM: '"Hệ thống đôn đốc" <DonDoc@ia-pa.example>' });
    const received: string[] = [];
    let fail = false;
    const channels = await startChannels(config, {
      now: () => new Date(),
      embedded: { mailDir, smtpCapturePort: 0, fakeZaloPort: 0 },
      ledger: createMemoryLedger(),
      onInboundMail: async (raw) => {
        if (fail) throw new Error('database unavailable');
        received.push(/^Subject: (.*)$/m.exec(raw.toString('utf8'))?.[1] ?? '');
      },
    });
    const url = /smtp:\/\/[^\s]+/.exec(channels.describe.join('\n'))?.[0];
    const transport = nodemailer.createTransport({ url, ignoreTLS: true });
    try {
      const send = (to: string, subject: string) =>
        transport.sendMail({ from: 'xa-dong@thu-nghiem.example', to, subject, text: 'x' });
      await send('dondoc@ia-pa.example', 'for dondoc');
      await send('xa-tay@thu-nghiem.example', 'dondoc sent this');
      expect(received).toEqual(['for dondoc']);
      fail = true;
      await expect(send('dondoc@ia-pa.example', 'try later')).rejects.toMatchObject({ responseCode: 451 });
    } finally {
      transport.close();
      await channels.close();
    }
  });

  it('with INBOUND_ADDRESS elsewhere, takes mail for that address and sends with a Reply-To to it', async () => {
    const config = loadConfig({
      DONDOC_DATA_DIR: mailDir,
      SMTP_FROM: '"Hệ thống đôn đốc" <dondoc@ia-pa.example>',
      INBOUND_ADDRESS: 'nop-van-ban@ia-pa.example',
    });
    const received: string[] = [];
    const channels = await startChannels(config, {
      now: () => new Date(),
      embedded: { mailDir, smtpCapturePort: 0, fakeZaloPort: 0 },
      ledger: createMemoryLedger(),
      onInboundMail: async (raw) => {
        received.push(/^Subject: (.*)$/m.exec(raw.toString('utf8'))?.[1] ?? '');
      },
    });
    try {
      const sent = await channels.notify.mailer.send({
        to: ['nop-van-ban@ia-pa.example', 'xa-dong@thu-nghiem.example'],
        subject: 'with reply-to',
        text: 'x',
        html: '<p>x</p>',
        headers: { 'X-Dondoc-Key': 'test/reply-to' },
      });
      expect(sent.accepted).toHaveLength(2);
      // dondoc's own message came back to its inbound address: the handler got it (and ignores it: X-Dondoc-*).
      expect(received).toEqual(['with reply-to']);
      const eml = readdirSync(mailDir).filter((f) => f.endsWith('.eml'));
      const text = eml.map((f) => readFileSync(path.join(mailDir, f), 'utf8'));
      expect(text.find((t) => t.includes('with reply-to'))).toMatch(/^Reply-To: nop-van-ban@ia-pa\.example\r?$/m);
    } finally {
      await channels.close();
    }
  });
});
