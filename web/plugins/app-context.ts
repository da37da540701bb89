import type { FastifyPluginAsync } from 'fastify';
import fp from 'fastify-plugin';
import type { CycleCore } from '../../cycles';
import type { AccessStores } from '../../db/stores';
import type { InboundStore } from '../../db/stores/inbound-store';
import type { UnitInboxStore } from '../../db/stores/unit-inbox-store';
import type { ContactProblemStore, MessageStore } from '../../domain/dispatch/message-record';
import { keyRing, type KeyRing } from '../../links/key-ring';
import { INBOX_PURPOSE } from '../../links/link-signer';
import type { SigningSecrets } from '../../links/signing-secrets';
import { resolveWebConfig, type ResolvedWebConfig, type WebConfig } from '../web-config';

export interface AppContextOptions {
  config: WebConfig;
  /** The application core: every read and change of a cycle goes through it. */
  core: CycleCore;
  /** Dashboard accounts, sessions and API tokens: the database is the truth on every host. */
  access: AccessStores;
  /** The notification centre: every message of every moment and what became of it (the `messages` table). */
  messages: MessageStore;
  /** Channels that failed for good for a person, until their contact is edited (the `contact_problems` table). */
  contactProblems: ContactProblemStore;
  /** Submit by replying: every inbound email and what became of it; without it the inbound pages answer 404. */
  inbound?: InboundStore;
  /** The units' inbox link generations (the `unit_inboxes` table): revoking one stops its link at once. */
  inboxes: UnitInboxStore;
  /** DONDOC_SECRET (signs) and DONDOC_PREVIOUS_SECRETS (still verify): links, sessions and CSRF tokens. */
  secrets: SigningSecrets;
  now?: () => Date;
}

/** How long one page may wait for Temporal, ms. */
export const TEMPORAL_DEADLINE_MS = 10_000;

declare module 'fastify' {
  interface FastifyInstance {
    web: Readonly<ResolvedWebConfig>;
    core: CycleCore;
    access: AccessStores;
    messages: MessageStore;
    contactProblems: ContactProblemStore;
    inbound: InboundStore | undefined;
    inboxes: UnitInboxStore;
    clock: () => Date;
    keys: { link: KeyRing; session: KeyRing; csrf: KeyRing; inbox: KeyRing };
  }
}

/** The app's dependencies, as decorations every other plugin reads. */
const appContext: FastifyPluginAsync<AppContextOptions> = async (app, options) => {
  app.decorate('web', resolveWebConfig(options.config));
  app.decorate('core', options.core);
  app.decorate('access', options.access);
  app.decorate('messages', options.messages);
  app.decorate('contactProblems', options.contactProblems);
  app.decorate('inbound', options.inbound);
  app.decorate('inboxes', options.inboxes);
  app.decorate('clock', options.now ?? (() => new Date()));
  app.decorate('keys', {
    link: keyRing(options.secrets),
    session: keyRing(options.secrets, 'session'),
    csrf: keyRing(options.secrets, 'csrf'),
    inbox: keyRing(options.secrets, INBOX_PURPOSE),
  });
};

export default fp(appContext, { name: 'dondoc-context', fastify: '5.x' });
