import { ApplicationFailure, log } from '@temporalio/activity';
import type { Channel, Notification } from '../../domain/notifications/notification';
import type { NotifyResult } from '../../domain/notifications/notify-result';
import type { NotifyDeps } from './notify-deps';

/**
 * Counts one send in dondoc_notifications_total by what the provider answered. A send the ledger shows as made by an
 * earlier attempt is not counted again; a thrown failure (retried by Temporal) counts as `error`.
 */
/** The `kind` label: a notification's kind, or a message to the admins about a yearly schedule's failed run. */
export type NotificationKind = Notification['kind'] | 'schedule-failure';

export async function countNotification(
  deps: NotifyDeps,
  kind: NotificationKind,
  channel: Channel,
  send: () => Promise<NotifyResult>,
): Promise<NotifyResult> {
  const counter = deps.metrics?.notifications;
  let result: NotifyResult;
  try {
    result = await send();
  } catch (err) {
    counter?.inc({ kind, channel, outcome: 'error' });
    // The type only: a provider's message may quote the address it refused.
    const type = err instanceof ApplicationFailure ? err.type : err instanceof Error ? err.name : 'unknown';
    log.warn('notification not sent; retried', { kind, channel, error: type });
    throw err;
  }
  if (!result.alreadySent) counter?.inc({ kind, channel, outcome: result.outcome });
  // Never the key nor the recipients here: both name the person (an address, a phone).
  log.info('notification handed over', { kind, channel, outcome: result.outcome, again: result.alreadySent === true });
  log.debug('notification recipients', { key: result.key, recipients: result.recipients });
  return result;
}
