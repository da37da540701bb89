import { readFileSync } from 'node:fs';
import path from 'node:path';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type YAMLError } from 'yaml';
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
    // One message per position: the parser often reports two symptoms of the same mistake.
    const seen = new Set<number>();
    const lines = doc.errors
      .filter((err) => !seen.has(err.pos[0]) && seen.add(err.pos[0]))
      .map((err) => {
        const line = yamlErrorLine(text, err, lineCounter);
        return `${path.normalize(file)}:${line}: YAML syntax error: ${err.message.split('\n')[0]}`;
      });
    throw new AppError('PLAN_INVALID', lines.join('\n'));
  }
  const result = PlanSchema.safeParse(doc.toJS());
  if (!result.success) {
    const lines = result.error.issues.flatMap((issue) =>
      issue.code === 'unrecognized_keys'
        ? issue.keys.map((key) =>
            describeIssue({ ...issue, keys: [key], path: [...issue.path, key] }, doc, lineCounter, file),
          )
        : [describeIssue(issue, doc, lineCounter, file)],
    );
    throw new AppError('PLAN_INVALID', lines.join('\n'));
  }
  return result.data;
}

/** The line an admin must look at; for an unclosed quote that is where the quote opened, not the end of the file. */
function yamlErrorLine(text: string, err: YAMLError, lineCounter: LineCounter): number {
  const quote = err.code === 'MISSING_CHAR' ? /closing (["'])/.exec(err.message)?.[1] : undefined;
  if (quote) {
    const before = text.slice(0, err.pos[0]).split('\n');
    for (let i = before.length - 1; i >= 0; i--) {
      if (((before[i] ?? '').split(quote).length - 1) % 2 === 1) return i + 1;
    }
  }
  return lineCounter.linePos(err.pos[0]).line;
}

function describeIssue(issue: z.core.$ZodIssue, doc: Document, lineCounter: LineCounter, file: string): string {
  const line = lineOf(doc, lineCounter, issue.path);
  const where = formatIssuePath(issue.path) || '(top level)';
  return `${path.normalize(file)}${line ? `:${line}` : ''}: ${where}: ${friendlyMessage(issue)}`;
}

function friendlyMessage(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type' && issue.message.endsWith('received undefined')) return 'is required';
  if (issue.code === 'unrecognized_keys') return `unknown key "${issue.keys.join('", "')}" (misspelt?)`;
  if (issue.code === 'invalid_type') return `must be ${issue.expected}`;
  // Our own messages (set in the schema) say more than zod's generic ones, which all start with "Invalid".
  if (!issue.message.startsWith('Invalid')) return issue.message;
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
