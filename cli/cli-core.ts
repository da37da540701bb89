import path from 'node:path';
import { loadAnnouncedSchedules } from '../config/calendars';
import { loadConfig, type Config } from '../config/env';
import { createCycleCore, type CycleCore } from '../cycles';
import { databaseTarget } from '../db/database-target';
import { openDatabase } from '../db/open-database';
import type { DondocDb } from '../db/postgres-pool';
import { createFileStore } from '../storage/file-store';
import { createPlanStore } from '../storage/plan-store';
import { connectClient } from '../workers/temporal-client';

/** How long one command may wait for Temporal and the worker, in ms. */
const DEFAULT_TIMEOUT_MS = 30_000;

/**
 * Connects with the configured settings, builds the application core on that connection, runs `fn` (every
 * Temporal call in it has `timeoutMs`: an Update with no worker polling would otherwise wait forever), and closes.
 */
export async function withCore<T>(
  fn: (core: CycleCore, config: Config, db: DondocDb) => Promise<T>,
  timeoutMs = DEFAULT_TIMEOUT_MS,
): Promise<T> {
  const config = loadConfig();
  const database = await openDatabase(databaseTarget(config));
  const connected = await connectClient(config).catch(async (err: unknown) => {
    await database.close();
    throw err;
  });
  const { db } = database;
  try {
    const core = createCycleCore({
      client: connected.client,
      taskQueue: config.env.TEMPORAL_TASK_QUEUE,
      plans: createPlanStore(path.join(config.dataDir, 'plans')),
      files: createFileStore(config.dataDir),
      announced: loadAnnouncedSchedules(),
      deadlineMs: timeoutMs,
    });
    return await fn(core, config, db);
  } finally {
    await connected.close();
    await database.close();
  }
}
