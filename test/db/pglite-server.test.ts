import pg from 'pg';
import { startPgliteServer, type PgliteServer } from '../../db/embedded/pglite-server';

/**
 * The embedded server multiplexes connections onto PGlite's one backend. Unpatched, another connection's Parse
 * between a connection's Parse and Bind replaced its unnamed statement: with transactions in the mix, about half of
 * these statements failed ("unnamed prepared statement does not exist") or answered another's SQL.
 */
describe('the embedded PGlite server with many connections at once', () => {
  let server: PgliteServer;
  let pool: pg.Pool;

  beforeAll(async () => {
    server = await startPgliteServer(undefined);
    pool = new pg.Pool({ connectionString: server.url, max: 8 });
  });

  afterAll(async () => {
    await pool.end();
    await server.close();
  });

  it('answers each parameterized statement with its own result, inside transactions or not', async () => {
    const statement = async (i: number): Promise<string | undefined> => {
      if (i % 5 === 4) {
        const client = await pool.connect();
        try {
          await client.query('begin');
          const { rows } = await client.query<{ n: number }>('select $1::int + $2::int + $3::int as n', [i, 1, 1]);
          await client.query('commit');
          return rows[0]?.n === i + 2 ? undefined : `${i}: ${JSON.stringify(rows)}`;
        } finally {
          client.release();
        }
      }
      if (i % 3 === 0) {
        const { rows } = await pool.query<{ n: number }>('select $1::int + $2::int as n', [i, 1]);
        return rows[0]?.n === i + 1 ? undefined : `${i}: ${JSON.stringify(rows)}`;
      }
      const { rows } = await pool.query<{ t: string }>('select $1::text as t', [`x${i}`]);
      return rows[0]?.t === `x${i}` ? undefined : `${i}: ${JSON.stringify(rows)}`;
    };
    const outcomes = await Promise.all(
      Array.from({ length: 600 }, (_, i) => statement(i).catch((err: unknown) => `${i}: ${(err as Error).message}`)),
    );
    expect(outcomes.filter(Boolean)).toEqual([]);
  });

  it('keeps serving the other connections after one fails mid-batch', async () => {
    const outcomes = await Promise.all(
      Array.from({ length: 60 }, async (_, i) => {
        if (i % 4 === 0) {
          return pool.query('select $1::int / 0 as n', [i]).then(
            () => 'divided by zero',
            () => undefined,
          );
        }
        const { rows } = await pool.query<{ n: number }>('select $1::int as n', [i]);
        return rows[0]?.n === i ? undefined : `${i}: ${JSON.stringify(rows)}`;
      }),
    );
    expect(outcomes.filter(Boolean)).toEqual([]);
  });
});
