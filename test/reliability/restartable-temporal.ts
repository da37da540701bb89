import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { loadConfig } from '../../config/env';
import { resolveTemporalCli } from '../../config/temporal-binaries';
import { startDevServer, type DevServer } from '../../workers/dev-server';
import { freePort } from '../../workers/port-check';
import { DEV_SERVER_SEARCH_ATTRIBUTES } from '../../workflows/search-attributes';
import { installTestRuntime, testDataConverter } from '../helpers/temporal';

/** A dev server on a SQLite file, on a fixed port: it can be stopped and started again with its state. */
export interface RestartableTemporal {
  address: string;
  client: Client;
  stop(): Promise<void>;
  start(): Promise<void>;
  teardown(): Promise<void>;
}

export async function startRestartableTemporal(dir: string): Promise<RestartableTemporal> {
  installTestRuntime();
  const config = loadConfig();
  const cliPath = resolveTemporalCli({
    explicit: config.env.TEMPORAL_CLI_PATH,
    projectRoot: config.projectRoot,
    searchPath: config.rawEnv.PATH,
  });
  const port = await freePort();
  const launch = () =>
    startDevServer({
      cliPath,
      port,
      namespace: 'default',
      dbFile: path.join(dir, 'temporal.sqlite'),
      searchAttributes: DEV_SERVER_SEARCH_ATTRIBUTES,
    });
  let server: DevServer | undefined = await launch();
  const connection = await Connection.connect({ address: server.address });
  const client = new Client({ connection, namespace: 'default', dataConverter: testDataConverter });
  return {
    address: server.address,
    client,
    async stop() {
      await server?.stop();
      server = undefined;
    },
    async start() {
      server = await launch();
    },
    async teardown() {
      await connection.close();
      await server?.stop();
    },
  };
}
