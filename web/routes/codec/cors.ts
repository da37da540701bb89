import type { FastifyReply, FastifyRequest } from 'fastify';

/** What the Web UI's codec client sends: a JSON body, the namespace, and a bearer token when told to pass one. */
const ALLOWED_HEADERS = 'content-type, x-namespace, authorization';

/**
 * CORS for the codec endpoint: the Temporal Web UI runs on another origin (the embedded one on 127.0.0.1:8233) and
 * sends the operator's dashboard cookie only with `credentials: 'include'`, which the browser allows only when the
 * answer names that exact origin and allows credentials. Returns false for an origin that is not allowed.
 */
export function applyCodecCors(request: FastifyRequest, reply: FastifyReply, allowed: ReadonlySet<string>): boolean {
  const origin = request.headers.origin;
  reply.header('vary', 'Origin');
  // No Origin: not a browser's cross-origin request (curl, the CLI); the credentials decide alone.
  if (origin === undefined) return true;
  const own = `${request.protocol}://${request.host}`;
  if (origin !== own && !allowed.has(origin)) return false;
  reply.header('access-control-allow-origin', origin);
  reply.header('access-control-allow-credentials', 'true');
  if (request.method === 'OPTIONS') {
    reply.header('access-control-allow-methods', 'POST');
    reply.header('access-control-allow-headers', ALLOWED_HEADERS);
    reply.header('access-control-max-age', '600');
  }
  return true;
}
