import { formatIssuePath } from '../issue-path';
import { PlanSchema } from '../plan/plan-schema';
import { isPlaceholder, PLACEHOLDER } from './placeholder';

type Path = (string | number)[];

function placeholders(value: unknown, path: Path, found: [Path, string][]): void {
  if (isPlaceholder(value)) {
    found.push([path, value]);
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => placeholders(item, [...path, i], found));
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) placeholders(item, [...path, key], found);
  }
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let node = root;
  for (const key of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<PropertyKey, unknown>)[key];
  }
  return node;
}

/**
 * What the admin must still do before the draft is a valid plan: every placeholder (`units[3].head.email: điền
 * email`), then every other problem the plan schema finds. Empty when the draft is already valid.
 */
export function leftToFill(plan: Record<string, unknown>): string[] {
  const found: [Path, string][] = [];
  placeholders(plan, [], found);
  const lines = found.map(([path, value]) => {
    const what = [...value.matchAll(new RegExp(PLACEHOLDER.source, 'gu'))].map((match) => `điền ${match[1]}`);
    return `${formatIssuePath(path)}: ${what.join(', ')}`;
  });
  const result = PlanSchema.safeParse(plan);
  if (!result.success) {
    for (const issue of result.error.issues) {
      // A placeholder fails its own rule (an email, an id); the line above already asks for it.
      const at = valueAt(plan, issue.path);
      if (isPlaceholder(at) || (issue.path.at(-1) === 'supervisor' && isPlaceholder(plan.supervisor))) continue;
      if (isPlaceholder(valueAt(plan, [...issue.path.slice(0, -1), 'id']))) continue;
      lines.push(`${formatIssuePath(issue.path)}: ${issue.message}`);
    }
  }
  return lines;
}
