import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { freePort } from '../../workers/port-check';

export const DONDOC_BIN = path.resolve(__dirname, '..', '..', 'bin', 'dondoc');

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `bin/dondoc` as a user would, in a separate process, and collects its output. */
export function runDondoc(args: string[], env: NodeJS.ProcessEnv = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(DONDOC_BIN, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}

export interface LongRunning {
  child: ChildProcess;
  output: () => string;
  /** Resolves once `text` has appeared on stdout or stderr; rejects if the process exits first. */
  waitFor(text: string): Promise<void>;
  /** Resolves with the exit code. */
  exited: Promise<number | null>;
}

export function startDondoc(args: string[], env: NodeJS.ProcessEnv = {}): LongRunning {
  const child = spawn(DONDOC_BIN, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const listeners = new Set<() => void>();
  const onData = (chunk: string): void => {
    output += chunk;
    for (const listener of listeners) listener();
  };
  child.stdout?.setEncoding('utf8').on('data', onData);
  child.stderr?.setEncoding('utf8').on('data', onData);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    child,
    output: () => output,
    exited,
    waitFor(text) {
      return new Promise((resolve, reject) => {
        const check = (): void => {
          if (output.includes(text)) {
            listeners.delete(check);
            resolve();
          }
        };
        listeners.add(check);
        check();
        void exited.then((code) => reject(new Error(`dondoc exited (${code}) before printing "${text}":\n${output}`)));
      });
    },
  };
}

/** Free loopback ports for everything `dondoc start` listens on, as its environment names them. */
export async function servicePorts(): Promise<Record<string, string>> {
  const names = ['TEMPORAL_DEV_PORT', 'TEMPORAL_UI_PORT', 'SMTP_CAPTURE_PORT', 'FAKE_ZALO_PORT', 'PORT'];
  const ports: Record<string, string> = {};
  for (const name of names) ports[name] = String(await freePort());
  return ports;
}
