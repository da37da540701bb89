import path from 'node:path';
import type { Client } from '@temporalio/client';
import type { PayloadCodec } from '@temporalio/common';
import type { NativeConnection, Worker, WorkflowBundleOption } from '@temporalio/worker';
import { loadAnnouncedSchedules } from '../config/calendars';
import type { Config } from '../config/env';
import { createCycleCore, type CycleCore } from '../cycles';
import type { DondocDb } from '../db/postgres-pool';
import { createInboundStore } from '../db/stores/inbound-store';
import { createDispatchStores } from '../db/stores/message-store';
import { createInboundMailHandler } from '../inbound/create-inbound-mail-handler';
import type { InboundMailHandler } from '../inbound/inbound-mail-handler';
import type { LinkSigner } from '../links/link-signer';
import { openStores, type DondocStores } from '../storage/stores';
import { startChannels, type ChannelOptions, type RunningChannels } from './channels';
import { createWorker } from './worker';

export interface ComposeOptions {
  config: Config;
  temporal: { connection: NativeConnection; client: Client; namespace: string };
  /** The payload codec the worker decodes and encodes with: the one `temporal.client` was given. */
  payloadCodec: PayloadCodec;
  /** dondoc's own state, shared by every host (opened and closed by the caller). */
  db: DondocDb;
  taskQueue: string;
  /** The activities' clock: the wall clock, or plan time in a simulation. */
  now: () => Date;
  /** The stores, when the caller opened them already (start-up probes the blob store first); else opened here. */
  stores?: DondocStores;
  /** This host's folder: the local blob store (`files/`, when BLOB_STORE=local) and reports (`reports/`). */
  stateDir: string;
  /** Where reports are written, when not `<stateDir>/reports` (a simulation writes them into its output). */
  reportsDir?: string;
  channels: Omit<ChannelOptions, 'now'>;
  links?: LinkSigner;
  /** A prebuilt bundle (simulate builds it while the server starts); otherwise the worker bundles at start. */
  workflowBundle?: WorkflowBundleOption;
  /** How long a stopping worker lets its running activities finish (`dondoc start`); none by default. */
  shutdownGraceMs?: number;
}

/** Everything one dondoc process runs: the channels, the application core, and the worker that uses both. */
export interface Dondoc {
  core: CycleCore;
  channels: RunningChannels;
  worker: Worker;
  /** Submit by replying: hands one raw inbound email (from the capture, an IMAP poll or an SMTP relay) to the core. */
  inbound: InboundMailHandler;
  /** Closes the channels (the worker is shut down by whoever runs it). */
  close(): Promise<void>;
}

/**
 * The one composition root: `dondoc start` and `simulate` build their worker, channels and core here, so that both
 * run the same wiring and differ only in what they are told (real or embedded channels, a clock, folders).
 */
export async function composeDondoc(options: ComposeOptions): Promise<Dondoc> {
  const announced = loadAnnouncedSchedules();
  const { plans, files, reports } = options.stores ?? (await openStores(options.config, options.db, options.stateDir));
  const core = createCycleCore({
    client: options.temporal.client,
    taskQueue: options.taskQueue,
    plans,
    files,
    reports,
    announced,
    now: () => options.now().getTime(),
    ...(options.links && { links: options.links }),
    onSubmitted: (receipt) => options.channels.metrics?.submissions.inc({ timeliness: receipt.timeliness }),
  });
  // The capture may receive a reply as soon as it listens; the handler exists once the mailer it answers with does.
  const ready: { inbound?: InboundMailHandler } = {};
  const onInboundMail = (raw: Buffer, receivedAt: Date) => {
    if (!ready.inbound) return Promise.reject(new Error('dondoc is starting: inbound mail is not handled yet'));
    return ready.inbound(raw, { transport: 'capture', receivedAt });
  };
  const channels = await startChannels(options.config, { ...options.channels, now: options.now, onInboundMail });
  const handler = createInboundMailHandler({
    core,
    store: createInboundStore(options.db),
    notify: { ...channels.notify, now: options.now },
  });
  ready.inbound = handler;
  try {
    const worker = await createWorker({
      connection: options.temporal.connection,
      namespace: options.temporal.namespace,
      taskQueue: options.taskQueue,
      payloadCodec: options.payloadCodec,
      deps: {
        now: options.now,
        notify: channels.notify,
        announced,
        cycle: {
          core,
          reportsDir: options.reportsDir ?? path.join(options.stateDir, 'reports'),
          stores: createDispatchStores(options.db),
          adminEmails: options.config.env.DONDOC_ADMIN_EMAILS,
        },
      },
      ...(options.workflowBundle && { workflowBundle: options.workflowBundle }),
      ...(options.shutdownGraceMs !== undefined && { shutdownGraceMs: options.shutdownGraceMs }),
    });
    return { core, channels, worker, inbound: handler, close: () => channels.close() };
  } catch (err) {
    await channels.close();
    throw err;
  }
}
