import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

export const ROOT = path.resolve(__dirname, '..', '..');

export function readRootFile(name: string): string {
  return readFileSync(path.join(ROOT, name), 'utf8');
}

export interface ComposeService {
  image?: string;
  build?: unknown;
  container_name?: string;
  ports?: unknown[];
  restart?: string;
  environment?: Record<string, string | number | boolean | null>;
  healthcheck?: { test: string[] | string; disable?: boolean };
  depends_on?: Record<string, { condition: string }>;
  volumes?: string[];
  entrypoint?: string[];
  command?: string[] | string;
  profiles?: string[];
}

export interface ComposeFile {
  services: Record<string, ComposeService>;
  volumes?: Record<string, unknown>;
}

/** A compose file as compose sees it: `<<` merge keys resolved, `!override` (replace, do not merge) kept as a map. */
export function readCompose(name = 'docker-compose.yml'): ComposeFile {
  const override = { tag: '!override', collection: 'map' as const, resolve: (map: unknown) => map };
  return parse(readRootFile(name), { merge: true, customTags: [override] }) as ComposeFile;
}

/** The Dockerfile's instructions, one `{ keyword, args }` per line that starts with an instruction. */
export function readDockerfile(): { keyword: string; args: string }[] {
  return readRootFile('Dockerfile')
    .split('\n')
    .filter((line) => /^[A-Z]+\s/.test(line))
    .map((line) => {
      const keyword = line.split(/\s+/)[0] ?? '';
      return { keyword, args: line.slice(keyword.length).trim() };
    });
}

/** `KEY=value` lines of an env file, commented-out ones included (they name settings the operator may set). */
export function envFileEntries(name: string): Map<string, string> {
  const entries = new Map<string, string>();
  for (const line of readRootFile(name).split('\n')) {
    const match = /^#?\s?([A-Z][A-Z0-9_]*)=(.*)$/.exec(line);
    if (match?.[1]) entries.set(match[1], (match[2] ?? '').replace(/^'(.*)'$/, '$1'));
  }
  return entries;
}
