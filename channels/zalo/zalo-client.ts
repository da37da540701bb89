import { unwrapEnvelope, unwrapOAuth } from './envelope';
import { createZaloHttp, type ZaloHttpOptions } from './http-transport';
import {
  OaSendResultSchema,
  ZnsMessageStatusSchema,
  ZnsQuotaSchema,
  ZnsSendResultSchema,
  type OAuthTokens,
  type OaSendResult,
  type ZnsMessageStatus,
  type ZnsQuota,
  type ZnsSendResult,
} from './response-schemas';
import { znsSendWindow } from './send-window';
import { ZaloDeferredError } from './zalo-errors';

export const ZALO_DEFAULT_BASE_URLS = {
  zns: 'https://business.openapi.zalo.me',
  oa: 'https://openapi.zalo.me',
  oauth: 'https://oauth.zaloapp.com',
} as const;

export interface ZaloClientOptions extends ZaloHttpOptions {
  appId: string;
  /** The app secret, sent as the `secret_key` header of the token endpoint. */
  secretKey: string;
  /** Hosts of ZNS, OA v3 and OAuth v4; the defaults are Zalo's production hosts. */
  baseUrls?: Partial<Record<keyof typeof ZALO_DEFAULT_BASE_URLS, string>>;
  /** The clock of the night rule and of deferral instants. @defaultValue `() => new Date()` */
  now?: () => Date;
}

/** The official field names (zalo-api.md §1.1). */
export interface ZnsSendMessageInput {
  phone: string;
  template_id: string;
  template_data: Record<string, string>;
  tracking_id?: string;
  mode?: 'development';
}

export interface ZaloClient {
  zns: {
    sendMessage(accessToken: string, input: ZnsSendMessageInput): Promise<ZnsSendResult>;
    getMessageStatus(accessToken: string, msgId: string, phone?: string): Promise<ZnsMessageStatus>;
    getQuota(accessToken: string): Promise<ZnsQuota>;
  };
  oa: {
    sendTextMessage(accessToken: string, recipient: { user_id: string }, text: string): Promise<OaSendResult>;
  };
  auth: {
    refreshOAAccessToken(refreshToken: string): Promise<OAuthTokens>;
  };
  /** Closes the connection pool; pending calls finish first. */
  close(): Promise<void>;
}

/** A thin client of the Zalo HTTP API. Every method throws ZaloApiError or ZaloDeferredError on failure. */
export function createZaloClient(options: ZaloClientOptions): ZaloClient {
  const http = createZaloHttp(options);
  const now = options.now ?? (() => new Date());
  const base = { ...ZALO_DEFAULT_BASE_URLS, ...options.baseUrls };
  const url = (host: string, path: string, query: Record<string, string | undefined> = {}): string => {
    const target = new URL(path, host.endsWith('/') ? host : `${host}/`);
    for (const [key, value] of Object.entries(query)) if (value !== undefined) target.searchParams.set(key, value);
    return target.toString();
  };
  const json = (accessToken: string) => ({ access_token: accessToken, 'content-type': 'application/json' });

  return {
    zns: {
      async sendMessage(accessToken, input) {
        const window = znsSendWindow(now());
        if (!window.open) {
          throw new ZaloDeferredError(-133, window.notBefore, 'ZNS is not sent between 22:00 and 06:00 local');
        }
        const reply = await http.send(
          'POST',
          url(base.zns, 'message/template'),
          json(accessToken),
          JSON.stringify(input),
        );
        return unwrapEnvelope(reply, ZnsSendResultSchema, now(), 'ZNS send');
      },
      async getMessageStatus(accessToken, msgId, phone) {
        const target = url(base.zns, 'message/status', { message_id: msgId, phone });
        return unwrapEnvelope(
          await http.send('GET', target, { access_token: accessToken }),
          ZnsMessageStatusSchema,
          now(),
          'ZNS status',
        );
      },
      async getQuota(accessToken) {
        const reply = await http.send('GET', url(base.zns, 'message/quota'), { access_token: accessToken });
        return unwrapEnvelope(reply, ZnsQuotaSchema, now(), 'ZNS quota');
      },
    },
    oa: {
      async sendTextMessage(accessToken, recipient, text) {
        const body = JSON.stringify({ recipient: { user_id: recipient.user_id }, message: { text } });
        const reply = await http.send('POST', url(base.oa, 'v3.0/oa/message/cs'), json(accessToken), body);
        return unwrapEnvelope(reply, OaSendResultSchema, now(), 'OA message');
      },
    },
    auth: {
      async refreshOAAccessToken(refreshToken) {
        const form = new URLSearchParams({
          refresh_token: refreshToken,
          app_id: options.appId,
          grant_type: 'refresh_token',
        });
        const headers = { secret_key: options.secretKey, 'content-type': 'application/x-www-form-urlencoded' };
        const reply = await http.send('POST', url(base.oauth, 'v4/oa/access_token'), headers, form.toString());
        return unwrapOAuth(reply, now());
      },
    },
    close: () => http.close(),
  };
}
