import path from 'node:path';
import { DefaultLogger, NativeConnection, Runtime } from '@temporalio/worker';
import { createPlanStore } from '../storage/plan-store';
import { loadAnnouncedSchedules } from '../config/calendars';
import type { Config } from '../config/env';
import { resolveTemporalCli } from '../config/temporal-binaries';
import { AppError } from '../domain/errors';
import { buildApp } from '../web/app';
import { loadLinkSecret } from '../links/link-secret';
import { startWebServer, type RunningWebServer } from '../web/server';
import { webConfigFromEnv } from '../web/web-config-from-env';
import { DEV_SERVER_SEARCH_ATTRIBUTES } from '../workflows/search-attributes';
import { publicBaseUrl, startChannels, type RunningChannels } from './channels';
import { startDevServer, type DevServer } from './dev-server';
import { connectClient, type ConnectedClient } from './temporal-client';
import { temporalTarget } from './temporal-connection';
import { createWorker } from './worker';

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

  let devServer: DevServer | undefined;
  let connection: NativeConnection | undefined;
  let channels: RunningChannels | undefined;
  let temporal: ConnectedClient | undefined;
  let web: RunningWebServer | undefined;
  const now = (): Date => new Date();
  try {
    if (!config.env.TEMPORAL_ADDRESS) {
      const dbFile = path.join(config.dataDir, 'temporal', 'dev.sqlite');
      devServer = await startDevServer({
        cliPath: resolveTemporalCli({
          explicit: config.env.TEMPORAL_CLI_PATH,
          projectRoot: config.projectRoot,
          searchPath: config.rawEnv.PATH,
        }),
        ip: config.env.HOST,
        port: config.env.TEMPORAL_DEV_PORT,
        uiPort: config.env.TEMPORAL_UI_PORT,
        dbFile,
        namespace: config.env.TEMPORAL_NAMESPACE,
        searchAttributes: DEV_SERVER_SEARCH_ATTRIBUTES,
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

    channels = await startChannels(config, now);
    for (const line of channels.describe) out.info(line);
    temporal = await connectClient(config, devServer?.address);
    const plans = createPlanStore(path.join(config.dataDir, 'plans'));
    const linkSecret = loadLinkSecret(config.dataDir, config.env.DONDOC_LINK_SECRET);
    const baseUrl = publicBaseUrl(config);

    const worker = await createWorker({
      connection,
      namespace: target.namespace,
      taskQueue: config.env.TEMPORAL_TASK_QUEUE,
      deps: {
        now,
        notify: channels.notify,
        announced: loadAnnouncedSchedules(),
        cycle: {
          client: temporal.client,
          taskQueue: config.env.TEMPORAL_TASK_QUEUE,
          plans,
          reportsDir: path.join(config.dataDir, 'reports'),
          links: { secret: linkSecret, publicBaseUrl: baseUrl },
        },
      },
    });
    out.info(`Worker               task queue "${config.env.TEMPORAL_TASK_QUEUE}", namespace "${target.namespace}"`);

    const webConfig = await webConfigFromEnv(config);
    const app = await buildApp({
      config: { ...webConfig.web, namespace: target.namespace },
      temporal: { client: temporal.client },
      plans,
      linkSecret,
      logger: config.env.LOG_LEVEL === 'debug',
    });
    web = await startWebServer(app, { host: config.env.HOST, port: config.env.PORT });
    out.info(`Web (dashboard)      ${web.url}  (submission links: ${baseUrl}/s/…)`);
    if (webConfig.notice) out.info(webConfig.notice);
    out.info('dondoc is running. Press Ctrl-C to stop.');

    const running = worker.run();
    const signal = await Promise.race([stopRequested, running.then(() => undefined)]);
    if (signal) out.info(`${signal} received, stopping…`);
    if (worker.getState() === 'RUNNING') worker.shutdown();
    await running;
  } finally {
    await web?.close();
    await temporal?.close();
    await channels?.close();
    await connection?.close();
    await devServer?.stop();
  }
  out.info('dondoc stopped.');
}
