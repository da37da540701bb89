import type { ScheduleFailureDetails } from '../../domain/cycle/yearly-schedule';
import { vnDateTime } from '../../domain/plan-time';
import type { RenderedEmail } from './render-email';
import { emailTemplates } from './template-loader';

export interface ScheduleFailureEmail {
  failure: ScheduleFailureDetails;
  scheduleId: string;
  /** The run's workflow id (Temporal Web UI and `temporal workflow show`). */
  workflowId: string;
  /** When the run was due, ISO 8601 in plan time (X-Dondoc-Scheduled-At). */
  scheduledAt: string;
  /** The send key (X-Dondoc-Key); the Message-ID is derived from it. */
  sendKey: string;
  /** The dashboard's schedules page. */
  schedulesUrl?: string;
}

/**
 * The email to the admins when a yearly schedule could not start its cycle: which plan file, which year, every plan
 * error, and what to do. Written to the operator (not on the plan's letterhead: the plan may not even be readable).
 */
export function renderScheduleFailureEmail(email: ScheduleFailureEmail, templateDir?: string): RenderedEmail {
  const { failure } = email;
  const view = {
    subject: `[dondoc] Không khởi tạo được chu kỳ ${failure.planId}/${failure.year} theo lịch`,
    ...email,
    scheduledAtText: vnDateTime(email.scheduledAt),
  };
  const templates = emailTemplates(templateDir);
  return {
    subject: view.subject,
    html: templates.html('schedule-failure', view),
    text: templates.text('schedule-failure', view),
    headers: {
      'X-Dondoc-Kind': 'schedule-failure',
      'X-Dondoc-Cycle': `${failure.planId}/${failure.year}`,
      'X-Dondoc-Scheduled-At': email.scheduledAt,
      'X-Dondoc-Key': email.sendKey,
    },
  };
}
