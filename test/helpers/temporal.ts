import { TestWorkflowEnvironment } from '@temporalio/testing';
import { bundleWorkflowCode, DefaultLogger, Runtime, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { loadConfig } from '../../config/env';
import { resolveTemporalCli, resolveTestServer } from '../../config/temporal-binaries';
import { startDevServer, type DevServer } from '../../workers/dev-server';
import { freePort } from '../../workers/port-check';
import { WORKFLOW_INTERCEPTOR_MODULES } from '../../workers/worker';

const config = loadConfig();
const lookup = (explicit: string | undefined) => ({
  explicit,
  projectRoot: config.projectRoot,
  searchPath: config.rawEnv.PATH,
});

let runtimeInstalled = false;

/** Runtime.install may run once per process (jest gives each file a fresh registry, hence the guard). */
export function installTestRuntime(): void {
  if (runtimeInstalled) return;
  try {
    Runtime.install({ logger: new DefaultLogger('WARN') });
  } catch {
    // Another module in this process installed it first: that one is as good.
  }
  runtimeInstalled = true;
}

/** The Java time-skipping server from `.tools` (or TEMPORAL_TEST_SERVER_PATH); never a download. */
export async function createTimeSkippingEnv(): Promise<TestWorkflowEnvironment> {
  installTestRuntime();
  return TestWorkflowEnvironment.createTimeSkipping({
    server: {
      executable: { type: 'existing-path', path: resolveTestServer(lookup(config.env.TEMPORAL_TEST_SERVER_PATH)) },
    },
  });
}

export interface TestDevServer {
  server: DevServer;
  env: TestWorkflowEnvironment;
  teardown(): Promise<void>;
}

/** A dev server (full visibility, schedules, search attributes) on a free port, in memory, headless. */
export async function startTestDevServer(searchAttributes?: Record<string, string>): Promise<TestDevServer> {
  installTestRuntime();
  const server = await startDevServer({
    cliPath: resolveTemporalCli(lookup(config.env.TEMPORAL_CLI_PATH)),
    port: await freePort(),
    namespace: 'default',
    searchAttributes,
  });
  const env = await TestWorkflowEnvironment.createFromExistingServer({ address: server.address });
  return {
    server,
    env,
    async teardown() {
      await env.teardown();
      await server.stop();
    },
  };
}

/** Bundle workflow code once per test file and give the bundle to every Worker of that file. */
export function bundleWorkflows(workflowsPath: string): Promise<WorkflowBundleWithSourceMap> {
  return bundleWorkflowCode({
    workflowsPath,
    workflowInterceptorModules: WORKFLOW_INTERCEPTOR_MODULES,
    logger: new DefaultLogger('WARN'),
  });
}
