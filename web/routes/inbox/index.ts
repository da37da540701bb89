import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { HttpError } from '../../http-error';
import { inboxCalendar } from './inbox-calendar';
import { verifyInboxLink } from './inbox-link';
import { loadUnitInbox } from './unit-inbox';

type TokenRequest = { Params: { token: string } };

/** The file name calendar apps show for the feed; the path ends with it. */
export const FEED_FILE = 'han-nop.ics';

/** Where people reach this app: PUBLIC_BASE_URL, or the origin the request came to. */
export function originOf(app: FastifyInstance, request: FastifyRequest): string {
  return (app.web.publicBaseUrl ?? `${request.protocol}://${request.host}`).replace(/\/$/, '');
}

/** The token is the key: no search engine, no other site (Referrer-Policy is no-referrer everywhere) gets it. */
function keepPrivate(reply: FastifyReply): FastifyReply {
  return reply.header('x-robots-tag', 'noindex, nofollow').header('cache-control', 'no-store');
}

/**
 * `/i/<token>`: a unit's inbox, every obligation across plans and cycles in force, and its calendar feed (no login;
 * the token is the key, revocable from the unit's dashboard page).
 */
const inboxRoutes: FastifyPluginAsync = async (app) => {
  const readOptions = {
    config: {
      // Counted per link before the token is checked or a workflow read: a flood costs neither.
      rateLimit: {
        max: app.web.inboxReadsPerLinkPerMinute,
        timeWindow: 60_000,
        // Hashed: the limiter's memory keeps no live link.
        keyGenerator: (request: FastifyRequest) => {
          const { token } = request.params as { token: string };
          return `inbox|${createHash('sha256').update(token).digest('base64url')}`;
        },
        errorResponseBuilder: () =>
          new HttpError(429, 'Liên kết này được mở quá nhiều lần trong một phút. Vui lòng đợi một phút rồi mở lại.', {
            title: 'Mở quá nhiều lần',
          }),
      },
    },
  };

  app.get<TokenRequest>('/:token', readOptions, async (request, reply) => {
    const claims = await verifyInboxLink(app, request.params.token);
    const inbox = await loadUnitInbox(app, claims.unitId);
    const origin = originOf(app, request);
    const feedUrl = `${origin}/i/${request.params.token}/${FEED_FILE}`;
    keepPrivate(reply);
    return reply.page('inbox', {
      title: `Việc của ${inbox.unit.name}`,
      noindex: true,
      inbox,
      feedUrl,
      webcalUrl: feedUrl.replace(/^https?:/, 'webcal:'),
    });
  });

  app.get<TokenRequest>(`/:token/${FEED_FILE}`, readOptions, async (request, reply) => {
    const claims = await verifyInboxLink(app, request.params.token);
    const inbox = await loadUnitInbox(app, claims.unitId);
    keepPrivate(reply);
    return reply
      .type('text/calendar; charset=utf-8')
      .header('content-disposition', `inline; filename="${FEED_FILE}"`)
      .send(inboxCalendar(inbox, originOf(app, request)));
  });
};

export default inboxRoutes;
