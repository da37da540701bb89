import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { Connection } from '@temporalio/client';
import { msNumberToTs, tsToMs } from '@temporalio/common/lib/time';
import { AppError } from '../domain/errors';
import { LOOPBACK } from './loopback';
import { assertPortFree, canConnect } from './port-check';

export interface DevServerOptions {
  /** Absolute path of the `temporal` CLI. */
  cliPath: string;
  /** Bound on loopback only (see `LOOPBACK`). */
  port: number;
  /** Web UI port; `undefined` runs headless. */
  uiPort?: number;
  /** SQLite file; `undefined` keeps state in memory (tests). */
  dbFile?: string;
  namespace: string;
  /** How long to wait for the frontend to answer, in ms. @defaultValue 120000 */
  readyTimeoutMs?: number;
  /** Extra `--search-attribute Name=Type` registrations. */
  searchAttributes?: Record<string, string>;
  /** Stops waiting for the server (and stops it) when aborted: `dondoc start` asked to stop during start-up. */
  signal?: AbortSignal;
  /** The codec server the Web UI asks to decode payloads (`--ui-codec-endpoint`): dondoc's `/codec`. */
  uiCodecEndpoint?: string;
}

export interface DevServer {
  readonly address: string;
  readonly uiUrl: string | undefined;
  /** SIGTERM, then SIGKILL after a grace period; resolves when the process has exited. */
  stop(): Promise<void>;
}

/** SIGTERM first (the SQLite file deserves it); the server exits in about a second, so a stop stays well under 10 s. */
const STOP_GRACE_MS = 6_000;
/** Closed workflow histories are kept this long (the dev server's own default is 24 h). */
const RETENTION_MS = 400 * 24 * 3600 * 1000;

/**
 * Runs `temporal server start-dev` as a child process and waits until its frontend answers. We spawn it
 * ourselves rather than through `@temporalio/testing`, whose start is capped at 5 s and which SIGKILLs the
 * server on teardown (the SQLite file deserves a SIGTERM).
 */
export async function startDevServer(options: DevServerOptions): Promise<DevServer> {
  const { port, uiPort } = options;
  const ip = LOOPBACK;
  const hint = 'Stop the process that holds it, or set TEMPORAL_ADDRESS to use a server that is already running.';
  await assertPortFree(ip, port, 'Temporal dev server', hint);
  if (uiPort !== undefined) {
    await assertPortFree(ip, uiPort, 'Temporal Web UI', 'Stop the process that holds it, or set TEMPORAL_UI_PORT.');
  }
  if (options.dbFile) mkdirSync(path.dirname(options.dbFile), { recursive: true });

  const args = ['server', 'start-dev', '--ip', ip, '--port', String(port), '--namespace', options.namespace];
  args.push('--log-level', 'warn', '--log-format', 'json');
  args.push(...(uiPort === undefined ? ['--headless'] : ['--ui-ip', ip, '--ui-port', String(uiPort)]));
  if (options.dbFile) args.push('--db-filename', options.dbFile);
  if (options.uiCodecEndpoint) args.push('--ui-codec-endpoint', options.uiCodecEndpoint);
  for (const [name, type] of Object.entries(options.searchAttributes ?? {})) {
    args.push('--search-attribute', `${name}=${type}`);
  }

  const [command, commandArgs] = withParentDeathSignal(options.cliPath, args);
  // Its own process group: Ctrl-C in a terminal signals the whole foreground group, and the server must hear of it
  // from `dondoc start`, in order (the worker first), not die under it mid-start.
  const child = spawn(command, commandArgs, { stdio: ['ignore', 'ignore', 'pipe'], detached: true });
  let stderrTail = '';
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    stderrTail = (stderrTail + chunk).slice(-4000);
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const spawnError = new Promise<Error>((resolve) => child.once('error', resolve));

  const address = `${ip}:${port}`;
  try {
    await waitUntilReady(address, options, Promise.race([exited.then(() => undefined), spawnError]));
  } catch (err) {
    await terminate(child, exited);
    if (options.signal?.aborted) throw options.signal.reason;
    const tail = stderrTail.trim() ? `\n${stderrTail.trim()}` : '';
    const message = err instanceof Error ? err.message : String(err);
    throw new AppError('TEMPORAL_DEV_SERVER_FAILED', `Temporal dev server on ${address}: ${message}${tail}`);
  }

  return {
    address,
    uiUrl: uiPort === undefined ? undefined : `http://${ip}:${uiPort}`,
    stop: () => terminate(child, exited),
  };
}

async function waitUntilReady(
  address: string,
  options: DevServerOptions,
  failed: Promise<Error | undefined>,
): Promise<void> {
  let failure: Error | 'exited' | undefined;
  void failed.then((err) => (failure = err ?? 'exited'));
  const deadline = Date.now() + (options.readyTimeoutMs ?? 120_000);
  while (Date.now() < deadline) {
    options.signal?.throwIfAborted();
    if (failure) throw failure === 'exited' ? new Error('the process exited during start-up') : failure;
    if (await canConnect(LOOPBACK, options.port, 500)) {
      if (await namespaceAnswers(address, options.namespace)) return;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`no answer within ${Math.round((options.readyTimeoutMs ?? 120_000) / 1000)} s`);
}

async function namespaceAnswers(address: string, namespace: string): Promise<boolean> {
  let connection: Connection | undefined;
  try {
    connection = await Connection.connect({ address, connectTimeout: 2000 });
    const service = connection.workflowService;
    const described = await service.describeNamespace({ namespace });
    if (tsToMs(described.config?.workflowExecutionRetentionTtl) < RETENTION_MS) {
      await service.updateNamespace({
        namespace,
        config: { workflowExecutionRetentionTtl: msNumberToTs(RETENTION_MS) },
      });
    }
    return true;
  } catch {
    return false;
  } finally {
    await connection?.close();
  }
}

/**
 * The server must not outlive `dondoc start`, even when that is killed outright (SIGKILL, the OOM killer) and cannot
 * stop it: a server left holding port 7233 makes the next start fail. `setpriv --pdeathsig` (util-linux, on every
 * Debian and in the image) has the kernel send it SIGTERM when its parent dies.
 */
function withParentDeathSignal(cliPath: string, args: string[]): [string, string[]] {
  return SETPRIV ? [SETPRIV, ['--pdeathsig', 'SIGTERM', '--', cliPath, ...args]] : [cliPath, args];
}

const SETPRIV = ['/usr/bin/setpriv', '/bin/setpriv'].find((file) => existsSync(file));

async function terminate(child: ChildProcess, exited: Promise<number | null>): Promise<void> {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
  await exited;
  clearTimeout(timer);
}
