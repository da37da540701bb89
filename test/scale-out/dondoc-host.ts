import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { projectRoot } from '../../config/project-root';

/** One `dondoc start` process: a "host" with its own data directory, sharing the database and Temporal. */
export interface DondocHost {
  name: string;
  /** `http://127.0.0.1:<port>`: its web server. */
  url: string;
  env: Record<string, string>;
  /** What it printed so far (for failure messages). */
  output(): string;
  /** SIGKILL to its whole process group: no shutdown, no cleanup, as a power cut. */
  kill(): Promise<void>;
  /** SIGTERM, and waits for the exit. */
  stop(): Promise<void>;
}

/** Starts `bin/dondoc start` with `env` and waits until its web server answers /healthz. */
export async function startHost(name: string, env: Record<string, string>): Promise<DondocHost> {
  const child: ChildProcess = spawn(path.join(projectRoot(), 'bin', 'dondoc'), ['start'], {
    cwd: projectRoot(),
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...env },
    detached: true, // its own process group: kill() reaches the node child of the shell launcher too
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const append = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000));
  child.stdout?.on('data', append);
  child.stderr?.on('data', append);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${env.PORT}`;
  const signal = async (name: NodeJS.Signals) => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    try {
      process.kill(-(child.pid ?? 0), name);
    } catch {
      // already gone
    }
    await exited;
  };
  const host: DondocHost = {
    name,
    url,
    env,
    output: () => output,
    kill: () => signal('SIGKILL'),
    stop: () => signal('SIGTERM'),
  };
  const deadline = Date.now() + 180_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`host ${name} exited with ${child.exitCode}:\n${output}`);
    const ok = await fetch(`${url}/healthz`).then(
      (response) => response.status === 200,
      () => false,
    );
    if (ok) return host;
    if (Date.now() > deadline) {
      await host.kill();
      throw new Error(`host ${name} did not answer /healthz in time:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
