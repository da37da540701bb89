import { TestWorkflowEnvironment } from '@temporalio/testing';
import { bundleWorkflowCode, DefaultLogger, Runtime, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { loadConfig } from '../../config/env';
import { parsePayloadKeys } from '../../config/payload-keys';
import { resolveTemporalCli, resolveTestServer } from '../../config/temporal-binaries';
import { createEncryptionCodec } from '../../links/payload-codec/encryption-codec';
import { FAILURE_CONVERTER_PATH, payloadDataConverter } from '../../links/payload-codec/payload-key-ring';
import { startDevServer, type DevServer } from '../../workers/dev-server';
import { freePort } from '../../workers/port-check';
import { WORKFLOW_INTERCEPTOR_MODULES } from '../../workers/worker';

const config = loadConfig();
const lookup = (explicit: string | undefined) => ({
  explicit,
  projectRoot: config.projectRoot,
  searchPath: config.rawEnv.PATH,
});

/** DONDOC_PAYLOAD_KEYS of every test environment: a CLI or `dondoc start` run against one is given it too. */
export const TEST_PAYLOAD_KEYS = `test-1:${Buffer.alloc(32, 'dondoc-test-key').toString('base64')}`;

function testKeys() {
  const parsed = parsePayloadKeys(TEST_PAYLOAD_KEYS);
  if (!('keys' in parsed)) throw new Error(parsed.error);
  return parsed.keys;
}

/** The payload codec of the test environments' clients; give it to each Worker too (`testDataConverter`). */
export const testPayloadCodec = createEncryptionCodec(testKeys());
export const testDataConverter = payloadDataConverter(testPayloadCodec);

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
    client: { dataConverter: testDataConverter },
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
  const env = await TestWorkflowEnvironment.createFromExistingServer({
    address: server.address,
    client: { dataConverter: testDataConverter },
  });
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
    failureConverterPath: FAILURE_CONVERTER_PATH,
    logger: new DefaultLogger('WARN'),
  });
}
