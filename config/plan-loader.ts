import { readFileSync } from 'node:fs';
import path from 'node:path';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document } from 'yaml';
import type { z } from 'zod';
import { AppError } from '../domain/errors';
import { formatIssuePath } from '../domain/issue-path';
import { PlanSchema, type Plan } from '../domain/plan/plan-schema';

/** Reads, parses and validates a plan file; every problem is reported at once, each with its path and line. */
export function loadPlanFile(file: string): Plan {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    const reason = (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : String(err);
    throw new AppError('FILE_NOT_FOUND', `${file}: ${reason}`);
  }
  return parsePlanText(text, file);
}

export function parsePlanText(text: string, file: string): Plan {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    const lines = doc.errors.map((err) => {
      const line = err.linePos?.[0]?.line;
      return `${file}${line ? `:${line}` : ''}: YAML syntax error: ${err.message.split('\n')[0]}`;
    });
    throw new AppError('PLAN_INVALID', lines.join('\n'));
  }
  const result = PlanSchema.safeParse(doc.toJS());
  if (!result.success) {
    const lines = result.error.issues.map((issue) => describeIssue(issue, doc, lineCounter, file));
    throw new AppError('PLAN_INVALID', lines.join('\n'));
  }
  return result.data;
}

function describeIssue(issue: z.core.$ZodIssue, doc: Document, lineCounter: LineCounter, file: string): string {
  const line = lineOf(doc, lineCounter, issue.path);
  const where = formatIssuePath(issue.path) || '(top level)';
  return `${path.normalize(file)}${line ? `:${line}` : ''}: ${where}: ${friendlyMessage(issue)}`;
}

function friendlyMessage(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type' && issue.message.endsWith('received undefined')) return 'is required';
  if (issue.code === 'unrecognized_keys') {
    return `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((key) => `"${key}"`).join(', ')} (misspelt?)`;
  }
  if (issue.code === 'invalid_type') return `must be ${issue.expected}`;
  if (issue.code === 'invalid_value') return `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
  if (issue.code === 'invalid_union') return 'does not match any allowed form (see the plan format in CONTRACTS.md §1)';
  return issue.message;
}

/** The line of the deepest node of `issuePath` that exists in the document (a missing key points at its parent). */
function lineOf(doc: Document, lineCounter: LineCounter, issuePath: readonly PropertyKey[]): number | undefined {
  let node: unknown = doc.contents;
  let offset: number | undefined = rangeStart(node);
  for (const key of issuePath) {
    if (isMap(node)) {
      const pair = node.items.find((item) => isScalar(item.key) && item.key.value === key);
      if (!pair) break;
      node = pair.value;
      offset = rangeStart(pair.key) ?? offset;
    } else if (isSeq(node) && typeof key === 'number') {
      node = node.items[key];
      if (node === undefined) break;
      offset = rangeStart(node) ?? offset;
    } else {
      break;
    }
  }
  return offset === undefined ? undefined : lineCounter.linePos(offset).line;
}

function rangeStart(node: unknown): number | undefined {
  const range = (node as { range?: [number, number, number] } | null)?.range;
  return range?.[0];
}
