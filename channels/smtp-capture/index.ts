export type { ReplyRule } from './reply-rules';
export { startSmtpCapture, type CapturedMessage, type SmtpCapture, type SmtpCaptureOptions } from './smtp-capture';
