import { createMailer, type Mailer, type MailerConfig } from '../../../channels/email/mailer';
import { type SmtpCapture, startSmtpCapture, type SmtpCaptureOptions } from '../../../channels/smtp-capture';

export const FROM = '"Hệ thống đôn đốc" <dondoc@ia-pa.example>';
export const HEAD = { name: 'Chủ tịch UBND xã Ia Tul', email: 'chu-tich@ia-tul.example' };

export interface MailEnv {
  capture: SmtpCapture;
  mailer: Mailer;
  close(): Promise<void>;
}

/** A real SMTP server on a free port and a pooled mailer pointed at it; close the mailer first, then the server. */
export async function startMailEnv(
  mailerConfig: Partial<MailerConfig> = {},
  captureOptions: SmtpCaptureOptions = { dir: null },
): Promise<MailEnv> {
  const capture = await startSmtpCapture(captureOptions);
  const mailer = createMailer({ smtpUrl: capture.url, from: FROM, timeoutMs: 5_000, ...mailerConfig });
  return {
    capture,
    mailer,
    async close() {
      mailer.close();
      await capture.close();
    },
  };
}
