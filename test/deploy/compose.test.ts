import { EnvSchema, loadConfig } from '../../config/env';
import { DEV_SERVER_SEARCH_ATTRIBUTES } from '../../workflows/search-attributes';
import { envFileEntries, readCompose, readDockerfile } from './deploy-files';

const compose = readCompose();
const services = Object.entries(compose.services);
/** The services built from this repository's Dockerfile: dondoc itself. */
const dondocServices = services.filter(([, service]) => service.build !== undefined);
const envNames = new Set(Object.keys(EnvSchema.shape));
/** Temporal's standard connection settings, read by @temporalio/envconfig (workers/temporal-connection.ts). */
const temporalEnvconfigNames = new Set([
  'TEMPORAL_API_KEY',
  'TEMPORAL_TLS',
  'TEMPORAL_TLS_CLIENT_CERT_DATA',
  'TEMPORAL_TLS_CLIENT_CERT_PATH',
  'TEMPORAL_TLS_CLIENT_KEY_DATA',
  'TEMPORAL_TLS_CLIENT_KEY_PATH',
  'TEMPORAL_TLS_SERVER_CA_CERT_DATA',
  'TEMPORAL_TLS_SERVER_CA_CERT_PATH',
  'TEMPORAL_TLS_SERVER_NAME',
  'TEMPORAL_TLS_DISABLE_HOST_VERIFICATION',
  'TEMPORAL_PROFILE',
  'TEMPORAL_CONFIG_FILE',
]);

/** DONDOC_PAYLOAD_KEYS is `<id>:<base64 of 32 bytes>`, not any long string. */
const STAND_INS: Record<string, string> = { DONDOC_PAYLOAD_KEYS: `key1:${Buffer.alloc(32, 7).toString('base64')}` };

/** What compose would substitute, with the example .env's values (or a 40-byte stand-in for an empty secret). */
function interpolate(value: string): string {
  const example = envFileEntries('deploy/compose.env.example');
  return value.replace(/\$\{([A-Z0-9_]+)(?::([-?])([^}]*))?\}/g, (_, name: string, kind?: string, rest?: string) => {
    const given = example.get(name);
    if (given) return given;
    if (STAND_INS[name]) return STAND_INS[name];
    return kind === '-' ? (rest ?? '') : 'stand-in-secret-0123456789abcdef-0123456789';
  });
}

describe('docker-compose.yml', () => {
  it('has the production services, dondoc built from the Dockerfile', () => {
    expect(Object.keys(compose.services).sort()).toEqual(
      [
        'mailpit',
        'minio',
        'minio-bucket',
        'postgres',
        'temporal',
        'temporal-search-attributes',
        'temporal-ui',
        'web',
        'worker',
      ].sort(),
    );
    expect(dondocServices.map(([name]) => name).sort()).toEqual(['web', 'worker']);
  });

  it('pins every image to a version: no `latest`, no missing tag', () => {
    for (const [name, service] of services) {
      const tag = /^[^:@]+(?::([^@]+))?(@sha256:[0-9a-f]{64})?$/.exec(service.image ?? '')?.[1];
      expect([name, tag]).toEqual([name, expect.stringMatching(/\d/)]);
      expect([name, tag]).not.toEqual([name, 'latest']);
    }
  });

  it('sets on dondoc only variables config/env.ts declares, with values it accepts', () => {
    for (const [name, service] of dondocServices) {
      const unknown = Object.keys(service.environment ?? {}).filter((key) => !envNames.has(key));
      expect([name, unknown]).toEqual([name, []]);
      const env = Object.fromEntries(
        Object.entries(service.environment ?? {}).map(([key, value]) => [key, interpolate(String(value))]),
      );
      const config = loadConfig(env);
      expect(config.env.BLOB_STORE).toBe('s3');
      expect(config.env.TEMPORAL_ADDRESS).toBe('temporal:7233');
      expect(config.env.DATABASE_URL).toMatch(/^postgres:\/\/dondoc:.+@postgres:5432\/dondoc$/);
    }
  });

  it('names in the operator env file example only variables config/env.ts declares', () => {
    const unknown = [...envFileEntries('deploy/dondoc.env.example').keys()].filter(
      (key) => !envNames.has(key) && !temporalEnvconfigNames.has(key),
    );
    expect(unknown).toEqual([]);
  });

  it('opens only the web server to the network; every worker keeps its web server on loopback', () => {
    const { web, worker } = compose.services;
    expect(web?.environment?.HOST).toBe('0.0.0.0');
    expect(web?.ports).toEqual([expect.stringMatching(/:3000$/)]);
    expect(worker?.environment?.HOST).toBeUndefined();
  });

  it('lets `--scale worker=N` run: no fixed container name, no host port', () => {
    const { worker } = compose.services;
    expect(worker?.container_name).toBeUndefined();
    expect(worker?.ports).toBeUndefined();
    for (const [name, service] of services) expect([name, service.container_name]).toEqual([name, undefined]);
  });

  it('gives every long-running service a health check; one-shot jobs are awaited as completed', () => {
    const completedJobs = new Set(
      services.flatMap(([, service]) =>
        Object.entries(service.depends_on ?? {})
          .filter(([, dependency]) => dependency.condition === 'service_completed_successfully')
          .map(([name]) => name),
      ),
    );
    for (const [name, service] of services) {
      if (service.restart === 'no') {
        expect([name, completedJobs.has(name)]).toEqual([name, true]);
      } else {
        expect([name, service.healthcheck?.test]).toEqual([name, expect.anything()]);
        expect([name, service.healthcheck?.disable]).toEqual([name, undefined]);
      }
    }
  });

  it('starts a service only after what it depends on is healthy or done', () => {
    for (const [name, service] of services) {
      for (const [dependency, { condition }] of Object.entries(service.depends_on ?? {})) {
        const target = compose.services[dependency];
        const expected = target?.restart === 'no' ? 'service_completed_successfully' : 'service_healthy';
        expect([name, dependency, condition]).toEqual([name, dependency, expected]);
      }
    }
  });

  it('keeps state in named volumes that it declares', () => {
    const declared = Object.keys(compose.volumes ?? {});
    const used = services.flatMap(([, service]) =>
      (service.volumes ?? []).map((volume) => volume.split(':')[0] ?? '').filter((source) => !/^[./]/.test(source)),
    );
    expect(used.length).toBeGreaterThan(0);
    expect([...new Set(used)].sort()).toEqual(declared.sort());
  });

  it("checks dondoc's health with the Dockerfile's own HEALTHCHECK command", () => {
    const healthcheck = readDockerfile().find((line) => line.keyword === 'HEALTHCHECK');
    const command = healthcheck?.args.replace(/^(--\S+\s+)*CMD\s+/, '');
    for (const [name, service] of dondocServices) {
      const test = service.healthcheck?.test;
      expect([name, Array.isArray(test) ? test[0] : test]).toEqual([name, 'CMD-SHELL']);
      // `$$` is how compose writes a `$` it must leave to the container's shell.
      expect([name, Array.isArray(test) ? test[1]?.replaceAll('$$', '$') : test]).toEqual([name, command]);
    }
  });

  it("registers every search attribute dondoc's workflows set, on dondoc's namespace", () => {
    const job = compose.services['temporal-search-attributes'];
    const script = [job?.command ?? []].flat().join('\n');
    const pairs: Record<string, string> = {};
    for (const [, name = '', type = ''] of script.matchAll(/\b(Dondoc\w+)=(\w+)\b/g)) pairs[name] = type;
    expect(pairs).toEqual(DEV_SERVER_SEARCH_ATTRIBUTES);
    const namespace = compose.services.worker?.environment?.TEMPORAL_NAMESPACE;
    expect(script).toContain(`--namespace ${namespace}`);
    expect(compose.services.temporal?.environment?.DEFAULT_NAMESPACE).toBe(namespace);
  });

  it("creates the bucket dondoc's S3 settings name", () => {
    const script = [compose.services['minio-bucket']?.command ?? []].flat().join('\n');
    expect(script).toContain(`mc mb --ignore-existing store/${compose.services.worker?.environment?.S3_BUCKET}`);
  });
});

describe('deploy/temporal-cloud.yml', () => {
  const cloud = readCompose('deploy/temporal-cloud.yml');
  const localTemporal = ['temporal', 'temporal-search-attributes', 'temporal-ui'];

  it('takes the local Temporal services out and keeps dondoc waiting for the rest', () => {
    for (const name of localTemporal)
      expect([name, cloud.services[name]]).toEqual([name, { profiles: ['local-temporal'] }]);
    for (const name of ['web', 'worker']) {
      const base = Object.keys(compose.services[name]?.depends_on ?? {}).filter((dep) => !localTemporal.includes(dep));
      expect([name, Object.keys(cloud.services[name]?.depends_on ?? {}).sort()]).toEqual([name, base.sort()]);
      const unknown = Object.keys(cloud.services[name]?.environment ?? {}).filter((key) => !envNames.has(key));
      expect([name, unknown]).toEqual([name, []]);
    }
  });
});
