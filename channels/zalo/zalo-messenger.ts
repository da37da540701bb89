import { normalizeZaloPhone } from './phone';
import type { OaSendResult, ZnsMessageStatus, ZnsQuota, ZnsSendResult } from './response-schemas';
import type { ZaloTokenManager } from './token-manager';
import { trackingId } from './tracking-id';
import type { ZaloClient } from './zalo-client';
import { ZaloApiError } from './zalo-errors';
import type { ZnsTemplateIds, ZnsTemplateName } from './zns-templates';

export interface ZaloMessengerOptions {
  client: ZaloClient;
  tokens: ZaloTokenManager;
  templates: ZnsTemplateIds;
  /** `development` sends to the OA's admins only (for trying templates out). */
  mode?: 'development';
}

export interface ZnsSendRequest {
  template: ZnsTemplateName;
  /** Any Vietnamese form: "0905 123 456", "+84905123456", "84905123456". */
  phone: string;
  data: Record<string, string>;
  /** The send's idempotency key; its tracking_id lets a receipt or an operator match the message to it. */
  idempotencyKey: string;
}

export interface ZnsSent extends ZnsSendResult {
  phone: string;
  tracking_id: string;
}

export interface ZaloMessenger {
  sendZns(request: ZnsSendRequest): Promise<ZnsSent>;
  /** `idempotencyKey` is not sent to Zalo (OA has no tracking id); it lets wrappers log the send. */
  sendOaText(request: { userId: string; text: string; idempotencyKey?: string }): Promise<OaSendResult>;
  getZnsStatus(msgId: string, phone?: string): Promise<ZnsMessageStatus>;
  getZnsQuota(): Promise<ZnsQuota>;
}

/** Zalo sends with token handling folded in. Throws ZaloApiError or ZaloDeferredError like the client. */
export function createZaloMessenger(options: ZaloMessengerOptions): ZaloMessenger {
  const { client, tokens } = options;
  return {
    async sendZns(request) {
      const phone = normalizeZaloPhone(request.phone);
      if (!phone) {
        throw new ZaloApiError({
          code: -108,
          message: `Not a Vietnamese mobile number: ${request.phone}`,
          kind: 'recipient',
          retryable: false,
        });
      }
      const templateId = options.templates[request.template];
      if (!templateId) {
        throw new ZaloApiError({
          code: 'TEMPLATE_NOT_CONFIGURED',
          message: `No ZNS template id configured for "${request.template}"`,
          kind: 'config',
          retryable: false,
        });
      }
      const tracking = trackingId(request.idempotencyKey);
      const body = {
        phone,
        template_id: templateId,
        template_data: request.data,
        tracking_id: tracking,
        ...(options.mode ? { mode: options.mode } : {}),
      };
      const sent = await tokens.withAccessToken((token) => client.zns.sendMessage(token, body));
      return { ...sent, phone, tracking_id: tracking };
    },
    sendOaText: ({ userId, text }) =>
      tokens.withAccessToken((token) => client.oa.sendTextMessage(token, { user_id: userId }, text)),
    getZnsStatus: (msgId, phone) => tokens.withAccessToken((token) => client.zns.getMessageStatus(token, msgId, phone)),
    getZnsQuota: () => tokens.withAccessToken((token) => client.zns.getQuota(token)),
  };
}
