import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import nodemailer from 'nodemailer';
import { type SmtpCapture, startSmtpCapture } from '../../../channels/smtp-capture';
import { emlFileName } from '../../../channels/smtp-capture/eml-store';

let dir: string;
let capture: SmtpCapture;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'dondoc-mail-'));
  capture = await startSmtpCapture({ dir });
});
afterEach(async () => {
  await capture.close();
  await rm(dir, { recursive: true, force: true });
});

function send(fields: { to?: string; subject?: string; messageId?: string } = {}) {
  const transport = nodemailer.createTransport({ url: capture.url });
  return transport.sendMail({
    from: 'dondoc@ia-pa.example',
    to: fields.to ?? 'pnv@ia-pa.example',
    subject: fields.subject ?? 'Thử nghiệm — Thứ Hai 31/10/2022',
    text: 'Nội dung tiếng Việt có dấu.',
    messageId: fields.messageId,
  });
}

describe('startSmtpCapture', () => {
  it('listens on a free port of 127.0.0.1 and gives an smtp:// URL', () => {
    expect(capture.url).toBe(`smtp://127.0.0.1:${capture.port}`);
    expect(capture.port).toBeGreaterThan(0);
  });

  it('keeps every message in memory, parsed, with its envelope', async () => {
    await send({ to: 'a@x.example, b@x.example', messageId: '<m1@ia-pa.example>' });
    const [message] = await capture.waitFor(1);
    expect(message).toMatchObject({
      messageId: '<m1@ia-pa.example>',
      envelope: { mailFrom: 'dondoc@ia-pa.example', rcptTo: ['a@x.example', 'b@x.example'] },
    });
    expect(message?.parsed.subject).toBe('Thử nghiệm — Thứ Hai 31/10/2022');
    expect(message?.parsed.text?.trim()).toBe('Nội dung tiếng Việt có dấu.');
  });

  it('writes each message as an .eml file that mailparser reads back, and leaves no temporary file', async () => {
    await send({ messageId: '<a/b c@ia-pa.example>' });
    await send({ subject: 'Thư thứ hai' });
    const files = (await readdir(dir)).sort();
    expect(files).toHaveLength(2);
    expect(files.every((f) => /^\d{8}T\d{9}Z-\d{4}-[A-Za-z0-9._@-]+\.eml$/.test(f))).toBe(true);
    expect(files[0]).toMatch(/-0001-a_b_c@ia-pa\.example\.eml$/);
    const parsed = await simpleParser(await readFile(path.join(dir, files[1]!)));
    expect(parsed.subject).toBe('Thư thứ hai');
    expect(capture.messages().map((m) => m.file)).toEqual(files.map((f) => path.join(dir, f)));
  });

  it('writes no file with dir: null', async () => {
    const memoryOnly = await startSmtpCapture({ dir: null });
    try {
      const transport = nodemailer.createTransport({ url: memoryOnly.url });
      await transport.sendMail({ from: 'a@x.example', to: 'b@x.example', text: 'x' });
      expect(memoryOnly.messages()[0]?.file).toBeUndefined();
    } finally {
      await memoryOnly.close();
    }
  });

  it('answers scripted replies: 550 for one recipient, 451 once at DATA', async () => {
    capture.reply({ stage: 'rcpt', address: 'Gone@X.example', code: 550 });
    await expect(send({ to: 'gone@x.example' })).rejects.toMatchObject({ responseCode: 550 });
    capture.reply({ stage: 'data', code: 451, times: 1 });
    await expect(send()).rejects.toMatchObject({ responseCode: 451 });
    await expect(send()).resolves.toMatchObject({ accepted: ['pnv@ia-pa.example'] });
    capture.clearRules();
    await expect(send({ to: 'gone@x.example' })).resolves.toMatchObject({ accepted: ['gone@x.example'] });
    expect(capture.messages()).toHaveLength(2);
  });

  it('waitFor rejects when the messages do not come', async () => {
    await expect(capture.waitFor(1, 50)).rejects.toThrow('SMTP capture: 0 of 1 messages after 50 ms');
  });

  it('closes promptly even while a pooled client keeps its connection open', async () => {
    const pooled = nodemailer.createTransport({ url: capture.url, pool: true });
    await pooled.sendMail({ from: 'a@x.example', to: 'b@x.example', text: 'x' });
    const started = Date.now();
    await capture.close();
    expect(Date.now() - started).toBeLessThan(2_000);
    pooled.close();
    capture = await startSmtpCapture({ dir });
  });
});

describe('emlFileName', () => {
  it('is the UTC arrival time, a sequence number and the sanitized Message-ID', () => {
    const name = emlFileName(new Date('2022-10-17T01:00:00.123Z'), 7, '<x:y/z@ia-pa.example>');
    expect(name).toBe('20221017T010000123Z-0007-x_y_z@ia-pa.example.eml');
  });
});
