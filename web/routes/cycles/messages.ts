import type { FastifyPluginAsync } from 'fastify';
import { planContactProblems } from '../../../domain/dispatch/plan-contact-problems';
import type { Plan } from '../../../domain/plan/plan-schema';
import { HttpError } from '../../http-error';
import { CycleParams, MessageParams, MessagesQuery, parseParams } from './cycle-params';

/** Messages per page of the notification centre. */
const PAGE_SIZE = 100;

/**
 * How long the centre waits for Temporal for the cycle's plan (its title, and whose contact problems to show), ms:
 * the rest of the page needs only the database.
 */
const PLAN_DEADLINE_MS = 2000;

/**
 * The message page: its own styles inline, and one frame, the email's HTML from this app (`EMAIL_COPY_CSP`).
 */
const MESSAGE_PAGE_CSP = [
  "default-src 'none'",
  "style-src 'unsafe-inline'",
  'img-src data:',
  "frame-src 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
].join('; ');

/**
 * The email's HTML as sent, in its own response rather than a `srcdoc`: its policy is its own, not one inherited from
 * the page that frames it, so it holds however the copy is opened (a frame, a new tab). No script, no fetch (a
 * tracking image is refused before it leaves the browser), no form, no navigation; framed only by this app's pages.
 */
const EMAIL_COPY_CSP = [
  "default-src 'none'",
  "style-src 'unsafe-inline'",
  'img-src data:',
  "form-action 'none'",
  "frame-ancestors 'self'",
  "base-uri 'none'",
  'sandbox',
].join('; ');

/**
 * The notification centre (issue #11): every message of a cycle's moments and what became of it, and one message
 * with the exact email as sent. Read from the database; Temporal only lends the plan (its title, its people), briefly,
 * so the centre answers even when Temporal does not.
 */
const messageRoutes: FastifyPluginAsync = async (app) => {
  /** The cycle's plan, when Temporal answers soon (the cycle names its plan snapshot). */
  async function cyclePlan(ref: { planId: string; year: number }): Promise<Plan> {
    const status = await app.core.cycleStatus(ref, { deadlineMs: PLAN_DEADLINE_MS });
    return app.core.plan(status.planSnapshot);
  }

  app.get('/:planId/:year/messages', async (request, reply) => {
    const ref = parseParams(CycleParams, request.params);
    const filter = MessagesQuery.parse(request.query);
    const [listed, counts, allProblems, plan] = await Promise.all([
      app.messages.list({
        ...ref,
        ...(filter.status && { status: filter.status }),
        limit: filter.page * PAGE_SIZE + 1,
      }),
      app.messages.countByStatus(ref),
      app.contactProblems.list(),
      cyclePlan(ref).catch((err: unknown) => {
        request.log.warn({ err }, 'reading the plan for the notification centre failed');
        return undefined;
      }),
    ]);
    if (plan === undefined && Object.keys(counts).length === 0) {
      throw new HttpError(404, 'Không tìm thấy chu kỳ này.');
    }
    const messages = listed.slice((filter.page - 1) * PAGE_SIZE, filter.page * PAGE_SIZE);
    const hasNext = listed.length > filter.page * PAGE_SIZE;
    const cycleTitle = `${plan?.title ?? ref.planId} năm ${ref.year}`;
    // Without the plan, every problem: better one too many than a person nobody knows is unreachable.
    const problems = plan ? planContactProblems(plan, allProblems) : allProblems;
    return reply.page('messages', {
      title: `Trung tâm thông báo — ${cycleTitle}`,
      ref,
      cycleTitle,
      messages,
      counts,
      problems,
      filter,
      hasNext,
    });
  });

  /** The cycle's message the URL names, or a 404. */
  async function messageOf(params: unknown) {
    const { planId, year, key } = parseParams(MessageParams, params);
    const message = await app.messages.get(key);
    if (!message || message.planId !== planId || message.year !== year) {
      throw new HttpError(404, 'Chu kỳ này không có tin nhắn nào như vậy.');
    }
    return { planId, year, key, message };
  }

  app.get('/:planId/:year/messages/:key', async (request, reply) => {
    const { planId, year, key, message } = await messageOf(request.params);
    // The held messages whose items this one carried.
    const mergedFrom =
      message.status === 'merged'
        ? []
        : (await app.messages.list({ planId, year, status: 'merged' })).filter((m) => m.mergedInto === key);
    reply.header('content-security-policy', MESSAGE_PAGE_CSP);
    return reply.page('message', {
      title: `Tin nhắn gửi ${message.personName}`,
      ref: { planId, year },
      message,
      mergedFrom,
    });
  });

  app.get('/:planId/:year/messages/:key/email.html', async (request, reply) => {
    const { message } = await messageOf(request.params);
    if (!message.email) throw new HttpError(404, 'Không có bản lưu của email này.');
    return reply
      .header('content-type', 'text/html; charset=utf-8')
      .header('content-security-policy', EMAIL_COPY_CSP)
      .header('x-frame-options', 'SAMEORIGIN')
      .header('cache-control', 'private, no-store')
      .send(message.email.html);
  });
};

export default messageRoutes;
