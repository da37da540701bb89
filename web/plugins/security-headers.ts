import type { FastifyPluginAsync } from 'fastify';
import fp from 'fastify-plugin';
import { inlineStyleHashes } from '../views/inline-style-hashes';
import { loadPages } from '../views/page-renderer';

/** A year; no `includeSubDomains`: other services of the same domain may not all speak https. */
const HSTS = 'max-age=31536000';

/**
 * The policy of every response that sets none itself (the charts page, a message and a report's HTML set their
 * own). No script at all; styles only the layout's `<style>` block, by its hash, so the pages carry no `style=`
 * attribute (a hash does not cover attributes); images from the app (the chart on a cycle's page).
 */
export function defaultContentSecurityPolicy(styleSources: readonly string[]): string {
  return [
    "default-src 'none'",
    `style-src ${styleSources.join(' ')}`,
    "img-src 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "base-uri 'none'",
  ].join('; ');
}

/** What helmet would set, by hand: these few headers are all the app needs, and HSTS depends on the request. */
const securityHeaders: FastifyPluginAsync = async (app) => {
  const policy = defaultContentSecurityPolicy(inlineStyleHashes(loadPages().render('_style', {})));
  const always: [string, string][] = [
    ['content-security-policy', policy],
    ['x-content-type-options', 'nosniff'],
    // Submission links carry their token in the path: no page may hand its address to another site.
    ['referrer-policy', 'no-referrer'],
    ['x-frame-options', 'DENY'],
    ['cross-origin-opener-policy', 'same-origin'],
    ['cross-origin-resource-policy', 'same-origin'],
  ];
  // onSend, so that a route's own header (set while handling) wins, and error pages get them too.
  app.addHook('onSend', async (request, reply, payload) => {
    for (const [name, value] of always) if (!reply.hasHeader(name)) reply.header(name, value);
    // `protocol` believes X-Forwarded-Proto only from a trusted proxy (TRUST_PROXY): over plain http HSTS is ignored
    // by browsers anyway, and a forged header must not pin a host that has no certificate.
    if (request.protocol === 'https') reply.header('strict-transport-security', HSTS);
    return payload;
  });
};

export default fp(securityHeaders, { name: 'dondoc-security-headers', fastify: '5.x' });
