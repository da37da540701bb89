import path from 'node:path';
import type { Config } from '../config/env';
import type { DatabaseTarget } from './open-database';

/**
 * DATABASE_URL when set; otherwise the embedded PGlite under `<dataDir>/db`. `longLived` is for `dondoc start`, which
 * must own the embedded folder rather than lean on a command that stops serving when it exits.
 */
export function databaseTarget(config: Config, options: { longLived?: boolean } = {}): DatabaseTarget {
  const url = config.env.DATABASE_URL;
  if (url) return { url, poolSize: config.env.DATABASE_POOL_SIZE };
  return { embeddedDir: path.join(config.dataDir, 'db'), ...(options.longLived && { longLived: true }) };
}
