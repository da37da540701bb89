import type { PayloadCodec } from '@temporalio/common';
import type { FastifyError, FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { HttpError } from '../../http-error';
import { applyCodecCors } from './cors';
import { PayloadsJson, payloadsFromJson, payloadsToJson } from './payload-json';

export interface CodecRoutesOptions {
  /** The payload codec of the worker and every client: whoever may call these holds the key in effect. */
  codec: PayloadCodec;
  /** Origins allowed to call with credentials (the Temporal Web UI's). */
  origins: readonly string[];
}

/** Histories carry payloads up to 2 MB each, base64 in JSON: more than the app's default body limit. */
const BODY_LIMIT = 16 * 1024 * 1024;

/**
 * The Temporal codec server protocol (`POST …/decode`, `POST …/encode`, `{payloads: [...]}` with base64 bytes),
 * for the Web UI (`--ui-codec-endpoint`) and `temporal --codec-endpoint`. Only for operators who hold the key: a
 * dashboard session (the UI sends its cookie when told to include credentials) or an API token with the `codec`
 * scope. Neither changes anything, so the form CSRF check does not apply; a JSON body also forces a browser to ask
 * first (CORS preflight), which only the allowed origins pass.
 */
const codecRoutes: FastifyPluginAsync<CodecRoutesOptions> = async (app, options) => {
  const origins = new Set(options.origins);

  app.addHook('onRequest', async (request, reply) => {
    if (!applyCodecCors(request, reply, origins)) throw new HttpError(403, 'Nguồn gọi (Origin) không được phép.');
  });

  app.setErrorHandler((error: FastifyError | HttpError, request, reply) => {
    const statusCode = error.statusCode && error.statusCode >= 400 ? error.statusCode : 500;
    if (statusCode >= 500) request.log.error({ err: error }, 'codec request failed');
    const message = statusCode >= 500 ? 'Đã có lỗi ngoài ý muốn.' : error.message;
    return reply.code(statusCode).send({ error: message, statusCode });
  });

  const requireKeyHolder = async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    const bearer = /^Bearer (.+)$/i.exec(request.headers.authorization ?? '')?.[1]?.trim();
    if (bearer !== undefined) {
      // Looked up on every request: a token revoked on another host is refused at once.
      request.apiToken = await app.access.apiTokens.verify(bearer, app.clock());
      if (request.apiToken) return app.requireApiScope(request, 'codec');
    } else if (request.user) return;
    reply.header('www-authenticate', 'Bearer');
    throw new HttpError(401, 'Cần đăng nhập bảng điều khiển hoặc mã truy cập có quyền «codec».');
  };

  const readPayloads = (request: FastifyRequest) => {
    if (!/^application\/json\b/i.test(request.headers['content-type'] ?? '')) {
      throw new HttpError(415, 'Nội dung phải là JSON (Content-Type: application/json).');
    }
    const namespace = request.headers['x-namespace'];
    if (typeof namespace === 'string' && namespace !== '' && namespace !== app.web.namespace) {
      throw new HttpError(400, `Không giải mã cho namespace «${namespace}»: dondoc dùng «${app.web.namespace}».`);
    }
    const body = PayloadsJson.safeParse(request.body);
    if (!body.success) throw new HttpError(400, 'Thân yêu cầu phải là {"payloads": [...]} theo giao thức codec.');
    return payloadsFromJson(body.data);
  };

  const route = { bodyLimit: BODY_LIMIT, preHandler: requireKeyHolder };
  app.post('/decode', route, async (request) => {
    const payloads = readPayloads(request);
    try {
      return payloadsToJson(await options.codec.decode(payloads));
    } catch (err) {
      throw new HttpError(422, `Không giải mã được: ${(err as Error).message}`, { cause: err });
    }
  });
  app.post('/encode', route, async (request) => payloadsToJson(await options.codec.encode(readPayloads(request))));
  // Preflights carry no credentials: they only learn what the POST may send (the onRequest hook answers that).
  app.options('/decode', async (_request, reply) => reply.code(204).send());
  app.options('/encode', async (_request, reply) => reply.code(204).send());
};

export default codecRoutes;
