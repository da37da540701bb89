import type { UnitInboxStore } from '../../db/stores/unit-inbox-store';
import type { ContactProblemStore, MessageStore } from '../../domain/dispatch/message-record';

/** The notification centre's stores: the dispatcher records every message there, the web reads them. */
export interface DispatchStores {
  messages: MessageStore;
  contactProblems: ContactProblemStore;
  /** The units' inbox link generations: every message to a unit carries its inbox link. */
  inboxes?: UnitInboxStore;
}
