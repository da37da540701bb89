/** A zod issue path as people read it: `['units', 3, 'head', 'email']` → `units[3].head.email`. */
export function formatIssuePath(issuePath: readonly PropertyKey[]): string {
  return issuePath
    .map((key, i) => (typeof key === 'number' ? `[${key}]` : i === 0 ? String(key) : `.${String(key)}`))
    .join('');
}
