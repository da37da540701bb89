import type { DondocDb } from '../postgres-pool';
import { createApiTokenStore, type ApiTokenStore } from './api-token-store';
import { createSessionStore, type SessionStore } from './session-store';
import { createUserStore, type UserStore } from './user-store';

export type { ApiScope, ApiTokenRecord, ApiTokenStore } from './api-token-store';
export { API_SCOPES } from './api-token-store';
export type { SessionRecord, SessionStore } from './session-store';
export type { UserRecord, UserStore } from './user-store';

/** Who may use dondoc: dashboard accounts, their sessions, and the API's tokens. */
export interface AccessStores {
  users: UserStore;
  sessions: SessionStore;
  apiTokens: ApiTokenStore;
}

export function createAccessStores(db: DondocDb): AccessStores {
  return { users: createUserStore(db), sessions: createSessionStore(db), apiTokens: createApiTokenStore(db) };
}
