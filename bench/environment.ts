import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../config/env';
import { resolveTemporalCli } from '../config/temporal-binaries';

function run(file: string, args: string[]): string {
  try {
    return execFileSync(file, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return 'unknown';
  }
}

/** The machine, versions and commit a run's figures belong to. */
export function benchEnvironment() {
  const config = loadConfig();
  let temporalCli = 'unknown';
  try {
    const cli = resolveTemporalCli({
      explicit: config.env.TEMPORAL_CLI_PATH,
      projectRoot: config.projectRoot,
      searchPath: config.rawEnv.PATH,
    });
    temporalCli = run(cli, ['--version']);
  } catch {
    // Reported as unknown; the benches that need it fail on their own with TEMPORAL_BINARY_MISSING.
  }
  const root = path.resolve(__dirname, '..');
  const cpus = os.cpus();
  const status = run('git', ['-C', root, 'status', '--porcelain']);
  return {
    date: new Date().toISOString(),
    commit: run('git', ['-C', root, 'rev-parse', 'HEAD']),
    dirty: status !== '' && status !== 'unknown',
    machine: {
      cpuModel: cpus[0]?.model ?? 'unknown',
      cpuCount: cpus.length,
      memoryMB: Math.round(os.totalmem() / 2 ** 20),
      loadAverage: os.loadavg(),
      platform: `${os.platform()} ${os.release()}`,
    },
    versions: {
      node: process.version,
      temporalSdk: (
        JSON.parse(readFileSync(require.resolve('@temporalio/worker/package.json'), 'utf8')) as { version: string }
      ).version,
      temporalCli,
    },
  };
}
