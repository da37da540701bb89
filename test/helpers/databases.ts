import { openDatabase, type OpenedDatabase } from '../../db/open-database';
import { startTestPostgres, type TestPostgres } from './postgres';

/** One of the two stores dondoc runs on; store tests run against both (`describe.each(DATABASES)`). */
export interface DatabaseBackend {
  name: 'PGlite' | 'PostgreSQL';
  /** A new, empty, migrated database, and its URL (a second pool on it is a second "host"). */
  open(): Promise<OpenedDatabase & { url: string }>;
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
  {
    name: 'PGlite',
    open: async () => {
      const opened = await openDatabase({ memory: true });
      return { ...opened, url: opened.embeddedUrl ?? '' };
    },
  },
  {
    name: 'PostgreSQL',
    open: async () => {
      const url = await (await sharedPostgres()).createDatabase();
      return { ...(await openDatabase({ url, poolSize: 8 })), url };
    },
  },
];
