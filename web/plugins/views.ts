import { randomUUID } from 'node:crypto';
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import fp from 'fastify-plugin';
import { loadPages } from '../views/page-renderer';

declare module 'fastify' {
  interface FastifyReply {
    /**
     * Sends `<name>.eta` as an HTML page; the layout gets the user and the CSRF token, and the forms a request id
     * (one per rendering: a form sent twice is one Update, a form filled in again is a new one).
     */
    page(name: string, data?: object, statusCode?: number): FastifyReply;
  }
}

const views: FastifyPluginAsync = async (app) => {
  const pages = loadPages();
  app.decorateReply('page', function page(this: FastifyReply, name: string, data: object = {}, statusCode = 200) {
    const request = this.request;
    const html = pages.render(name, {
      user: request.user,
      csrf: request.csrfToken(),
      requestId: randomUUID(),
      ...data,
    });
    return this.code(statusCode).type('text/html; charset=utf-8').header('cache-control', 'no-store').send(html);
  });
};

export default fp(views, { name: 'dondoc-views', dependencies: ['dondoc-auth'], fastify: '5.x' });
