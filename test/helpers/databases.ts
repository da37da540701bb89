import { openDatabase, type OpenedDatabase } from '../../db/open-database';
import { startTestPostgres, type TestPostgres } from './postgres';

/** One of the two stores dondoc runs on; store tests run against both (`describe.each(DATABASES)`). */
export interface DatabaseBackend {
  name: 'PGlite' | 'PostgreSQL';
  /** A new, empty, migrated database. */
  open(): Promise<OpenedDatabase>;
}

let postgres: Promise<TestPostgres> | undefined;

/** One PostgreSQL server per test file, started when first needed; each `open()` gets a database of its own. */
function sharedPostgres(): Promise<TestPostgres> {
  postgres ??= startTestPostgres();
  return postgres;
}

afterAll(async () => {
  if (postgres) await (await postgres).stop();
  postgres = undefined;
});

export const DATABASES: readonly DatabaseBackend[] = [
  { name: 'PGlite', open: () => openDatabase({ memory: true }) },
  {
    name: 'PostgreSQL',
    open: async () => openDatabase({ url: await (await sharedPostgres()).createDatabase(), poolSize: 8 }),
  },
];
