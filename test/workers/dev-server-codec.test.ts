import { loadConfig } from '../../config/env';
import { resolveTemporalCli } from '../../config/temporal-binaries';
import { startDevServer, type DevServer } from '../../workers/dev-server';
import { freePort } from '../../workers/port-check';

jest.setTimeout(120_000);

describe('the embedded dev server and the payload codec', () => {
  let server: DevServer | undefined;
  afterAll(async () => server?.stop());

  it("points its Web UI at dondoc's codec endpoint (--ui-codec-endpoint)", async () => {
    const config = loadConfig();
    const uiPort = await freePort();
    server = await startDevServer({
      cliPath: resolveTemporalCli({
        explicit: config.env.TEMPORAL_CLI_PATH,
        projectRoot: config.projectRoot,
        searchPath: config.rawEnv.PATH,
      }),
      port: await freePort(),
      uiPort,
      namespace: 'default',
      uiCodecEndpoint: 'http://127.0.0.1:3000/codec',
    });
    // What the UI's pages load before decoding anything (UI 2.x): the codec server to ask.
    let settings: Response | undefined;
    for (let tries = 0; tries < 50 && settings?.status !== 200; tries++) {
      settings = await fetch(`http://127.0.0.1:${uiPort}/api/v1/settings`).catch(() => undefined);
      if (settings?.status !== 200) await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(settings?.status).toBe(200);
    const body = (await settings?.json()) as { Codec?: { Endpoint?: string } };
    expect(body.Codec?.Endpoint).toBe('http://127.0.0.1:3000/codec');
  });
});
