export { deadlineCalendar, deadlineEventUid } from './deadline-calendar';
export { EmailRenderError, type EmailRenderErrorCode } from './email-render-error';
export { classifySmtpError, EmailSendError, type EmailSendErrorCode } from './email-send-error';
export {
  createMailer,
  type Mailer,
  type MailerConfig,
  type Recipient,
  type SendEmailInput,
  type SendEmailResult,
} from './mailer';
export { domainOfAddress, messageIdForKey } from './message-id';
export { renderEmail, type EmailAttachment, type RenderedEmail, type RenderEmailOptions } from './render-email';
export { renderMomentEmail, type RenderMomentEmailOptions } from './render-moment-email';
export { renderScheduleFailureEmail, type ScheduleFailureEmail } from './render-schedule-failure';
