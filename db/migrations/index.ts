import type { Migration } from 'kysely';
import * as initial from './0001-initial';
import * as messages from './0002-messages';
import * as inbound from './0003-inbound';
import * as unitInboxes from './0004-unit-inboxes';
import * as planSnapshotJson from './0005-plan-snapshot-json';

/** Every migration in order of its name; Kysely runs the ones a database has not seen, at start. */
export const MIGRATIONS: Record<string, Migration> = {
  '0001-initial': initial,
  '0002-messages': messages,
  '0003-inbound': inbound,
  '0004-unit-inboxes': unitInboxes,
  '0005-plan-snapshot-json': planSnapshotJson,
};
