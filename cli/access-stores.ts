import { loadConfig, type Config } from '../config/env';
import { databaseTarget } from '../db/database-target';
import { openDatabase } from '../db/open-database';
import { createAccessStores, type AccessStores } from '../db/stores';

/** Opens dondoc's database (DATABASE_URL, or the embedded one under data/db), runs `fn` on its access stores, closes. */
export async function withAccessStores<T>(fn: (stores: AccessStores, config: Config) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const database = await openDatabase(databaseTarget(config));
  try {
    return await fn(createAccessStores(database.db), config);
  } finally {
    await database.close();
  }
}
