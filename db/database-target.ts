import path from 'node:path';
import type { Config } from '../config/env';
import type { DatabaseTarget } from './open-database';

/** DATABASE_URL when set; otherwise the embedded PGlite under `<dataDir>/db`. */
export function databaseTarget(config: Config): DatabaseTarget {
  const url = config.env.DATABASE_URL;
  if (url) return { url, poolSize: config.env.DATABASE_POOL_SIZE };
  return { embeddedDir: path.join(config.dataDir, 'db') };
}
