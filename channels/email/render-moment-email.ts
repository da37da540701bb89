import type { MomentMessage } from '../../domain/dispatch/message-items';
import { momentHeaders } from './email-headers';
import { isOwnUnitMessage, ownUnitNotification } from './moment-deadline';
import { renderEmail, type RenderedEmail } from './render-email';
import { summaryView } from './summary-view';
import { emailTemplates } from './template-loader';

export interface RenderMomentEmailOptions {
  /** The send key (X-Dondoc-Key). @defaultValue `message.key` */
  sendKey?: string;
  /** @defaultValue `message.dashboardUrl` */
  dashboardUrl?: string;
  /** For tests: another template folder. @defaultValue `channels/email/templates` under the project root */
  templateDir?: string;
}

/**
 * The email of one moment to one person. A message only about the recipient's own unit is the unit's deadline email
 * as it always was (with its `.ics`); anything wider — the escalated units a supervisor or the leadership must see, or
 * a late start's catch-up — is one summary with a table of every item.
 */
export function renderMomentEmail(message: MomentMessage, options: RenderMomentEmailOptions = {}): RenderedEmail {
  const sendKey = options.sendKey ?? message.key;
  const dashboardUrl = options.dashboardUrl ?? message.dashboardUrl;
  if (isOwnUnitMessage(message)) {
    return renderEmail(ownUnitNotification(message), 'unit', {
      sendKey,
      ...(dashboardUrl !== undefined && { dashboardUrl }),
      ...(options.templateDir !== undefined && { templateDir: options.templateDir }),
    });
  }
  // Plan files typed on some keyboards carry decomposed diacritics; compose them before anything is measured or folded.
  const composed = JSON.parse(JSON.stringify(message).normalize('NFC')) as MomentMessage;
  const view = summaryView(composed, dashboardUrl);
  const templates = emailTemplates(options.templateDir);
  return {
    subject: view.subject,
    html: templates.html('summary', view),
    text: templates.text('summary', view),
    headers: momentHeaders(composed, sendKey),
  };
}
