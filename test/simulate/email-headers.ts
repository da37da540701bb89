import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** One captured email's header fields, names lower-cased; a field given twice keeps its first value. */
export type EmailHeaders = Readonly<Record<string, string>>;

/** The headers of every `.eml` the simulation's SMTP capture wrote into `dir`. */
export function readEmailHeaders(dir: string): EmailHeaders[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.eml'))
    .map((name) => parseHeaders(readFileSync(path.join(dir, name), 'utf8')));
}

function parseHeaders(eml: string): EmailHeaders {
  const block = eml.split(/\r?\n\r?\n/, 1)[0] ?? '';
  // RFC 5322 §2.2.3: unfolding removes the line break before a continuation line's leading white space.
  const lines = block.replace(/\r?\n(?=[ \t])/g, '').split(/\r?\n/);
  const fields: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    fields[name] ??= line.slice(colon + 1).trim();
  }
  return fields;
}
