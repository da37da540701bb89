import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { canConnect } from '../../workers/port-check';
import { servicePorts, startDondoc as startProcess, type LongRunning } from '../helpers/cli';
import { externalIPv4 } from '../helpers/network';

describe('dondoc start (embedded defaults)', () => {
  let dataDir: string;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'dondoc-start-'));
    env = {
      DONDOC_DATA_DIR: dataDir,
      ...(await servicePorts()),
      TEMPORAL_ADDRESS: '',
    };
  });

  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  // A failed assertion must not leave a service holding the ports for the next test.
  const started: LongRunning[] = [];
  const startDondoc = (args: string[], env: NodeJS.ProcessEnv): LongRunning => {
    const run = startProcess(args, env);
    started.push(run);
    return run;
  };
  afterEach(async () => {
    for (const run of started.splice(0)) {
      if (run.child.exitCode === null && run.child.signalCode === null) {
        run.child.kill('SIGTERM');
        await run.exited;
      }
    }
  });

  async function withClient<T>(fn: (client: Client) => Promise<T>): Promise<T> {
    const connection = await Connection.connect({ address: `127.0.0.1:${env.TEMPORAL_DEV_PORT}` });
    try {
      return await fn(new Client({ connection }));
    } finally {
      await connection.close();
    }
  }

  it('serves Temporal and its Web UI, stops on SIGTERM, and keeps workflows across restarts', async () => {
    // HOST opens the web server to the network; the embedded helpers must stay on loopback all the same.
    const first = startDondoc(['start'], { ...env, HOST: '0.0.0.0' });
    await first.waitFor('dondoc is running');
    const outside = externalIPv4();
    if (outside) {
      expect(await canConnect(outside, Number(env.PORT))).toBe(true);
      for (const name of ['TEMPORAL_DEV_PORT', 'TEMPORAL_UI_PORT', 'SMTP_CAPTURE_PORT', 'FAKE_ZALO_PORT']) {
        expect([name, await canConnect(outside, Number(env[name]))]).toEqual([name, false]);
      }
    }
    expect(first.output()).toContain(`127.0.0.1:${env.TEMPORAL_DEV_PORT}`);
    const ui = await fetch(`http://127.0.0.1:${env.TEMPORAL_UI_PORT}/`);
    expect(ui.status).toBe(200);
    expect(first.output()).toContain(`SMTP capture         smtp://127.0.0.1:${env.SMTP_CAPTURE_PORT}`);
    expect(first.output()).toContain(`Fake Zalo            http://127.0.0.1:${env.FAKE_ZALO_PORT}`);
    // healthz is 200 once the worker's first poll has reached the server, a moment after the banner.
    let health = await fetch(`http://127.0.0.1:${env.PORT}/healthz`);
    for (let tries = 0; health.status !== 200 && tries < 50; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      health = await fetch(`http://127.0.0.1:${env.PORT}/healthz`);
    }
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok' });
    expect((await fetch(`http://127.0.0.1:${env.PORT}/cycles`, { redirect: 'manual' })).status).toBe(303);

    // A workflow of a type no worker serves simply stays open: enough to prove persistence.
    const workflowId = 'persistence-probe';
    await withClient((client) =>
      client.workflow.start('persistenceProbe', { taskQueue: 'nobody-polls-this', workflowId }),
    );

    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    expect(first.output()).toContain('dondoc stopped.');

    const second = startDondoc(['start'], env);
    await second.waitFor('dondoc is running');
    const described = await withClient((client) => client.workflow.getHandle(workflowId).describe());
    expect(described.status.name).toBe('RUNNING');
    second.child.kill('SIGINT');
    expect(await second.exited).toBe(0);
  });

  it('says which port is taken instead of printing a stack trace', async () => {
    const first = startDondoc(['start'], env);
    await first.waitFor('dondoc is running');
    const second = startDondoc(['start'], env);
    expect(await second.exited).toBe(1);
    expect(second.output()).toContain(
      `Port ${env.TEMPORAL_DEV_PORT} on 127.0.0.1 (Temporal dev server) is already in use`,
    );
    expect(second.output()).not.toMatch(/\n\s+at /);
    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
  });
});
