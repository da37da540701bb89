export {
  FAKE_ZALO_DEFAULTS,
  FAKE_ZALO_TEMPLATE_IDS,
  FAKE_ZALO_UNAPPROVED_TEMPLATE_ID,
  type FakeOutcome,
  type FakeTemplate,
  type FakeZaloOptions,
} from './fake-options';
export type { ReceivedRequest } from './fake-state';
export { startFakeZaloServer, type FakeZaloServer } from './fake-zalo-server';
export { OAUTH_SCRIPT_KEY } from './oauth-route';
