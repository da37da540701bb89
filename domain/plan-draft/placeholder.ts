/** A value the admin must fill in: `<điền email>`. The draft validates once every one is replaced. */
export function placeholder(what: string): string {
  return `<điền ${what}>`;
}

export const PLACEHOLDER = /<điền ([^>]+)>/u;

export function isPlaceholder(value: unknown): value is string {
  return typeof value === 'string' && PLACEHOLDER.test(value);
}
