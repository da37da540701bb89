/** The request id a form carries (see the `page` reply decorator), when it looks like one. */
export function requestIdOf(fields: Readonly<Record<string, unknown>> | undefined): string | undefined {
  const value = fields?.requestId;
  return typeof value === 'string' && /^[A-Za-z0-9-]{8,64}$/.test(value) ? value : undefined;
}
