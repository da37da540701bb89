import { createHash } from 'node:crypto';

/**
 * The Update id of a request: the same request (same workflow, kind, arguments and caller's request id) always
 * gets the same id, so Temporal answers a retried HTTP POST or CLI call with the first result instead of
 * recording it twice. `requestId` tells deliberate repeats apart (a form carries one per rendering).
 */
export function updateIdOf(workflowId: string, kind: string, args: unknown, requestId?: string): string {
  const digest = createHash('sha256')
    .update(JSON.stringify([workflowId, kind, requestId ?? null, canonical(args)]))
    .digest('base64url')
    .slice(0, 32);
  return `${kind}-${digest}`;
}

/** Key order must not change the id: objects are rebuilt with sorted keys, recursively. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
        .map((key) => [key, canonical((value as Record<string, unknown>)[key])]),
    );
  }
  return value;
}
