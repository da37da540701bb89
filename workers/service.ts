import path from 'node:path';
import { DefaultLogger, NativeConnection, Runtime } from '@temporalio/worker';
import type { Config } from '../config/env';
import { resolveTemporalCli } from '../config/temporal-binaries';
import { databaseTarget } from '../db/database-target';
import { openDatabase, type OpenedDatabase } from '../db/open-database';
import { createAccessStores } from '../db/stores';
import { createDispatchStores } from '../db/stores/message-store';
import { createDbSentLedger } from '../db/stores/sent-ledger-store';
import { createDbZaloTokenStore } from '../db/stores/zalo-token-store';
import { AppError } from '../domain/errors';
import { createLinkSigner } from '../links/link-signer';
import { createEncryptionCodec } from '../links/payload-codec/encryption-codec';
import { loadPayloadKeyRing } from '../links/payload-codec/payload-key-ring';
import { loadSigningSecrets } from '../links/signing-secrets';
import { openStores } from '../storage/stores';
import { buildApp } from '../web/app';
import { bootstrapAccounts, declaredAccounts } from '../web/auth/bootstrap-accounts';
import { startWebServer, type RunningWebServer } from '../web/server';
import { webConfigFromEnv } from '../web/web-config-from-env';
import { DEV_SERVER_SEARCH_ATTRIBUTES } from '../workflows/search-attributes';
import { publicBaseUrl } from './channels';
import { composeDondoc, type Dondoc } from './compose';
import { startDevServer, type DevServer } from './dev-server';
import { connectClient, type ConnectedClient } from './temporal-client';
import { temporalTarget } from './temporal-connection';

export interface ServiceOutput {
  info(line: string): void;
}

/**
 * `dondoc start`: the embedded Temporal dev server (unless TEMPORAL_ADDRESS is set), then the worker,
 * until SIGINT or SIGTERM. Everything it started is stopped before it resolves.
 */
export async function runService(config: Config, out: ServiceOutput): Promise<void> {
  // We own the signals: the SDK's default handlers would stop the worker but not the dev server.
  Runtime.install({
    logger: new DefaultLogger(config.env.LOG_LEVEL === 'debug' ? 'INFO' : 'WARN'),
    shutdownSignals: [],
  });

  const stopRequested = new Promise<NodeJS.Signals>((resolve) => {
    process.once('SIGINT', () => resolve('SIGINT'));
    process.once('SIGTERM', () => resolve('SIGTERM'));
  });

  let database: OpenedDatabase | undefined;
  let devServer: DevServer | undefined;
  let connection: NativeConnection | undefined;
  let dondoc: Dondoc | undefined;
  let temporal: ConnectedClient | undefined;
  let web: RunningWebServer | undefined;
  const now = (): Date => new Date();
  try {
    // Secrets and accounts first, then the database: any of them refusing stops start-up before anything started.
    const secrets = await loadSigningSecrets(config);
    const payloadCodec = createEncryptionCodec((await loadPayloadKeyRing(config, { generate: true })).keys);
    const accounts = await declaredAccounts(config);
    database = await openDatabase(databaseTarget(config, { longLived: true }));
    out.info(`Database             ${database.describe}`);
    // Then the blob store (probed): one that cannot be reached stops start-up before Temporal starts.
    const stores = await openStores(config, database.db);
    out.info(`Blob store           ${stores.blobs.kind} (BLOB_STORE)`);
    const access = createAccessStores(database.db);
    const accountsNotice = await bootstrapAccounts(accounts, access.users, now());
    if (!config.env.TEMPORAL_ADDRESS) {
      const dbFile = path.join(config.dataDir, 'temporal', 'dev.sqlite');
      devServer = await startDevServer({
        cliPath: resolveTemporalCli({
          explicit: config.env.TEMPORAL_CLI_PATH,
          projectRoot: config.projectRoot,
          searchPath: config.rawEnv.PATH,
        }),
        port: config.env.TEMPORAL_DEV_PORT,
        uiPort: config.env.TEMPORAL_UI_PORT,
        dbFile,
        namespace: config.env.TEMPORAL_NAMESPACE,
        searchAttributes: DEV_SERVER_SEARCH_ATTRIBUTES,
        uiCodecEndpoint: `${publicBaseUrl(config).replace(/\/$/, '')}/codec`,
      });
      out.info(`Temporal dev server  ${devServer.address}  (SQLite: ${path.relative(process.cwd(), dbFile)})`);
      out.info(`Temporal Web UI      ${devServer.uiUrl ?? '(headless)'}`);
    }

    const target = temporalTarget(config, devServer?.address);
    connection = await NativeConnection.connect(target.connectionOptions).catch((err: unknown) => {
      const address = target.connectionOptions.address ?? 'localhost:7233';
      throw new AppError('TEMPORAL_UNREACHABLE', `Cannot reach Temporal at ${address}: ${String(err)}`, { cause: err });
    });
    if (!devServer) out.info(`Temporal server      ${target.connectionOptions.address ?? 'localhost:7233'}`);

    temporal = await connectClient(config, devServer?.address, payloadCodec);
    const baseUrl = publicBaseUrl(config);
    const taskQueue = config.env.TEMPORAL_TASK_QUEUE;
    const { db } = database;
    dondoc = await composeDondoc({
      config,
      temporal: { connection, client: temporal.client, namespace: target.namespace },
      payloadCodec,
      db,
      stores,
      taskQueue,
      now,
      stateDir: config.dataDir,
      channels: {
        embedded: {
          mailDir: path.join(config.dataDir, 'mail'),
          smtpCapturePort: config.env.SMTP_CAPTURE_PORT,
          fakeZaloPort: config.env.FAKE_ZALO_PORT,
        },
        ledger: createDbSentLedger(db),
        zaloTokenStore: (account) => createDbZaloTokenStore(db, account),
        tokenDir: path.join(config.dataDir, 'zalo'),
        dashboardUrl: `${baseUrl.replace(/\/$/, '')}/`,
      },
      links: createLinkSigner(secrets.current, baseUrl),
    });
    for (const line of dondoc.channels.describe) out.info(line);
    const { worker } = dondoc;
    out.info(`Worker               task queue "${taskQueue}", namespace "${target.namespace}"`);

    const app = await buildApp({
      config: { ...webConfigFromEnv(config), namespace: target.namespace },
      core: dondoc.core,
      access,
      ...createDispatchStores(db),
      secrets,
      payloadCodec,
      logger: config.env.LOG_LEVEL === 'debug',
    });
    web = await startWebServer(app, { host: config.env.HOST, port: config.env.PORT });
    out.info(`Web (dashboard)      ${web.url}  (submission links: ${baseUrl}/s/…)`);
    if (accountsNotice) out.info(accountsNotice);
    out.info('dondoc is running. Press Ctrl-C to stop.');

    const running = worker.run();
    const signal = await Promise.race([stopRequested, running.then(() => undefined)]);
    if (signal) out.info(`${signal} received, stopping…`);
    if (worker.getState() === 'RUNNING') worker.shutdown();
    await running;
  } finally {
    await web?.close();
    await temporal?.close();
    await dondoc?.close();
    await connection?.close();
    await devServer?.stop();
    await database?.close();
  }
  out.info('dondoc stopped.');
}
