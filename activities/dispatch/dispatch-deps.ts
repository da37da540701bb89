import type { ContactProblemStore, MessageStore } from '../../domain/dispatch/message-record';

/** The notification centre's stores: the dispatcher records every message there, the web reads them. */
export interface DispatchStores {
  messages: MessageStore;
  contactProblems: ContactProblemStore;
}
