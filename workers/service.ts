import path from 'node:path';
import { NativeConnection } from '@temporalio/worker';
import type { Config } from '../config/env';
import { resolveTemporalCli } from '../config/temporal-binaries';
import { databaseTarget } from '../db/database-target';
import { openDatabase, type OpenedDatabase } from '../db/open-database';
import { pingDatabase } from '../db/ping-database';
import { createAccessStores } from '../db/stores';
import { createInboundStore } from '../db/stores/inbound-store';
import { createDispatchStores } from '../db/stores/message-store';
import { createDbSentLedger } from '../db/stores/sent-ledger-store';
import { createDbZaloTokenStore } from '../db/stores/zalo-token-store';
import { AppError } from '../domain/errors';
import type { InboundDelivery } from '../inbound/transports/inbound-delivery';
import {
  startInboundTransports,
  wantsInboundTransports,
  type InboundTransports,
} from '../inbound/transports/start-inbound-transports';
import { createLinkSigner } from '../links/link-signer';
import { createEncryptionCodec } from '../links/payload-codec/encryption-codec';
import { loadPayloadKeyRing } from '../links/payload-codec/payload-key-ring';
import { loadSigningSecrets } from '../links/signing-secrets';
import { logFormatOf } from '../observability/logger';
import { installTelemetry } from '../observability/telemetry';
import { openStores } from '../storage/stores';
import { buildApp } from '../web/app';
import { bootstrapAccounts, declaredAccounts } from '../web/auth/bootstrap-accounts';
import { startWebServer, type RunningWebServer } from '../web/server';
import { webConfigFromEnv } from '../web/web-config-from-env';
import { DEV_SERVER_SEARCH_ATTRIBUTES } from '../workflows/search-attributes';
import { publicBaseUrl } from './channels';
import { composeDondoc, type Dondoc } from './compose';
import { startDevServer, type DevServer } from './dev-server';
import { listenForStop, StopRequested } from './stop-request';
import { connectClient, type ConnectedClient } from './temporal-client';
import { temporalTarget } from './temporal-connection';

export interface ServiceOutput {
  info(line: string): void;
}

export interface ServiceOptions {
  /**
   * The handler the inbound transports (INBOUND_IMAP_URL, INBOUND_SMTP_PORT) hand each reply to.
   * @defaultValue the composed dondoc's `inbound` (submit by replying)
   */
  inbound?: (dondoc: Dondoc) => InboundDelivery;
}

/**
 * `dondoc start`: the embedded Temporal dev server (unless TEMPORAL_ADDRESS is set), then the worker,
 * until SIGINT or SIGTERM. Everything it started is stopped before it resolves.
 */
export async function runService(config: Config, out: ServiceOutput, options: ServiceOptions = {}): Promise<void> {
  // The composition root's handler (submit by replying) unless the caller brings its own.
  const inboundHandler = options.inbound ?? ((dondoc: Dondoc) => dondoc.inbound);
  const stop = listenForStop();
  const { step } = stop;
  // pino for the service, Fastify and the SDK; the runtime keeps `shutdownSignals: []`: we own the signals.
  // Quick (no network); a stop signal meanwhile is answered at the first step.
  const telemetry = await installTelemetry(config);
  // In JSON mode the banner is log lines too, so that a collector reads one format.
  const say =
    logFormatOf(config.env) === 'json'
      ? (line: string) => telemetry.logger.info(line)
      : (line: string) => out.info(line);

  let database: OpenedDatabase | undefined;
  let devServer: DevServer | undefined;
  let connection: NativeConnection | undefined;
  let dondoc: Dondoc | undefined;
  let temporal: ConnectedClient | undefined;
  let web: RunningWebServer | undefined;
  let inbound: InboundTransports | undefined;
  const now = (): Date => new Date();
  try {
    // Secrets and accounts first, then the database: any of them refusing stops start-up before anything started.
    const secrets = await step(loadSigningSecrets(config));
    const payloadCodec = createEncryptionCodec((await step(loadPayloadKeyRing(config, { generate: true }))).keys);
    const accounts = await step(declaredAccounts(config));
    database = await step(openDatabase(databaseTarget(config, { longLived: true })), (late) => late.close());
    say(`Database             ${database.describe}`);
    // Then the blob store (probed): one that cannot be reached stops start-up before Temporal starts.
    const stores = await step(openStores(config, database.db));
    say(`Blob store           ${stores.blobs.kind} (BLOB_STORE)`);
    const access = createAccessStores(database.db);
    const accountsNotice = await step(bootstrapAccounts(accounts, access.users, now()));
    if (!config.env.TEMPORAL_ADDRESS) {
      const dbFile = path.join(config.dataDir, 'temporal', 'dev.sqlite');
      devServer = await step(
        startDevServer({
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
          signal: stop.signal,
        }),
        (late) => late.stop(),
      );
      say(`Temporal dev server  ${devServer.address}  (SQLite: ${path.relative(process.cwd(), dbFile)})`);
      say(`Temporal Web UI      ${devServer.uiUrl ?? '(headless)'}`);
    }

    const target = temporalTarget(config, devServer?.address);
    connection = await step(
      NativeConnection.connect(target.connectionOptions).catch((err: unknown) => {
        const address = target.connectionOptions.address ?? 'localhost:7233';
        throw new AppError('TEMPORAL_UNREACHABLE', `Cannot reach Temporal at ${address}: ${String(err)}`, {
          cause: err,
        });
      }),
      (late) => late.close(),
    );
    if (!devServer) say(`Temporal server      ${target.connectionOptions.address ?? 'localhost:7233'}`);

    temporal = await step(connectClient(config, devServer?.address, payloadCodec), (late) => late.close());
    const baseUrl = publicBaseUrl(config);
    const taskQueue = config.env.TEMPORAL_TASK_QUEUE;
    const { db } = database;
    dondoc = await step(
      composeDondoc({
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
          metrics: telemetry.metrics,
        },
        links: createLinkSigner(secrets.current, baseUrl),
        shutdownGraceMs: ACTIVITY_DRAIN_MS,
      }),
      (late) => late.close(),
    );
    for (const line of dondoc.channels.describe) say(line);
    const { worker } = dondoc;
    say(`Worker               task queue "${taskQueue}", namespace "${target.namespace}"`);

    const app = await step(
      buildApp({
        config: { ...webConfigFromEnv(config), namespace: target.namespace },
        core: dondoc.core,
        access,
        ...createDispatchStores(db),
        inbound: createInboundStore(db),
        secrets,
        payloadCodec,
        logger: telemetry.logger,
        operations: {
          metrics: telemetry.metrics,
          sdkMetricsUrl: telemetry.sdkMetricsUrl,
          ...(config.env.METRICS_TOKEN && { metricsToken: config.env.METRICS_TOKEN }),
          pingDatabase: () => pingDatabase(db),
        },
      }),
      (late) => late.close(),
    );
    web = await step(startWebServer(app, { host: config.env.HOST, port: config.env.PORT }), (late) => late.close());
    say(`Web (dashboard)      ${web.url}  (submission links: ${baseUrl}/s/…)`);
    if (wantsInboundTransports(config.env)) {
      const handler = inboundHandler(dondoc);
      inbound = await step(
        startInboundTransports({ env: config.env, deliver: handler, logger: telemetry.logger }),
        (late) => late.close(),
      );
      for (const line of inbound.describe) say(line);
    }
    // The generated admin password is for the terminal, never for a log collector.
    if (accountsNotice) out.info(accountsNotice);
    say('dondoc is running. Press Ctrl-C to stop.');

    const running = worker.run();
    const signal = await Promise.race([stop.requested, running.then(() => undefined)]);
    if (signal) say(`${signal} received, stopping…`);
    // The worker stops polling, lets running activities finish (its shutdownGraceTime), then resolves.
    if (worker.getState() === 'RUNNING') worker.shutdown();
    await running;
  } catch (err) {
    const received = err instanceof StopRequested ? err.received : stop.received();
    if (!received) throw err;
    say(`${received} received during start-up, stopping…`);
  } finally {
    // First: a reply being handled finishes while the core and the database are still there.
    await inbound?.close();
    await web?.close();
    await temporal?.close();
    await dondoc?.close();
    await connection?.close();
    await devServer?.stop();
    // What a step made after the stop (the dev server waits to be told, a database still opening).
    await stop.settle(LATE_DISPOSAL_MS);
    await database?.close();
    stop.close();
  }
  say('dondoc stopped.');
}

/**
 * On SIGTERM, running activities (a dispatch in the middle of its emails) finish before the worker exits: what they
 * sent is recorded, not left for a retry to find. The compose file's stop_grace_period (60 s) covers it.
 */
const ACTIVITY_DRAIN_MS = 30_000;

/** What start-up made after a stop signal is given this long to be disposed of, within the 10 s a stop may take. */
const LATE_DISPOSAL_MS = 5_000;
