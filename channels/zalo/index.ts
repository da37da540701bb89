export { TOKEN_REFRESH_CODES, ZALO_ERROR_TABLE, zaloError } from './error-table';
export type { ZaloHttpOptions } from './http-transport';
export { OA_TEXT_LIMIT, renderMomentOaText, renderMomentZns } from './moment-zns';
export { normalizeZaloPhone } from './phone';
export type { OAuthTokens, OaSendResult, ZnsMessageStatus, ZnsQuota, ZnsSendResult } from './response-schemas';
export { nextDayMorning, nextMorning, znsSendWindow, type ZnsSendWindow } from './send-window';
export { createZaloTokenManager, type ZaloTokenManager, type ZaloTokenManagerOptions } from './token-manager';
export { createMemoryTokenStore, readTokenFile, type ZaloTokens, type ZaloTokenStore } from './token-store';
export { TRACKING_ID_MAX_LENGTH, trackingId } from './tracking-id';
export {
  createZaloClient,
  ZALO_DEFAULT_BASE_URLS,
  type ZaloClient,
  type ZaloClientOptions,
  type ZnsSendMessageInput,
} from './zalo-client';
export {
  ZaloApiError,
  ZaloDeferredError,
  isZaloApiError,
  isZaloDeferredError,
  type ZaloErrorCode,
  type ZaloErrorKind,
  type ZaloLocalCode,
} from './zalo-errors';
export {
  createZaloMessenger,
  type ZaloMessenger,
  type ZaloMessengerOptions,
  type ZnsSendRequest,
  type ZnsSent,
} from './zalo-messenger';
export {
  clipZnsData,
  renderZnsTemplate,
  ZNS_MAX_VALUE_LENGTH,
  ZNS_TEMPLATE_PARAMS,
  type ZnsTemplateIds,
  type ZnsTemplateMessage,
  type ZnsTemplateName,
} from './zns-templates';
