import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createMemoryLedger } from '../../activities/notify/sent-ledger';
import { loadConfig } from '../../config/env';
import { startChannels } from '../../workers/channels';
import { canConnect } from '../../workers/port-check';
import { externalIPv4 } from '../helpers/network';

describe('the embedded channels', () => {
  let mailDir: string;
  beforeAll(() => (mailDir = mkdtempSync(path.join(os.tmpdir(), 'dondoc-channels-'))));
  afterAll(() => rmSync(mailDir, { recursive: true, force: true }));

  it('listen on loopback only, even when HOST opens the web server to the network', async () => {
    const config = loadConfig({ HOST: '0.0.0.0', DONDOC_DATA_DIR: mailDir });
    const channels = await startChannels(config, {
      now: () => new Date(),
      embedded: { mailDir, smtpCapturePort: 0, fakeZaloPort: 0 },
      ledger: createMemoryLedger(),
    });
    try {
      const urls = channels.describe.map((line) => /(smtp|http):\/\/([^:/\s]+):(\d+)/.exec(line)).filter(Boolean);
      expect(urls.map((match) => `${match?.[1]}://${match?.[2]}`)).toEqual(['smtp://127.0.0.1', 'http://127.0.0.1']);
      const outside = externalIPv4();
      for (const match of urls) {
        const port = Number(match?.[3]);
        expect(await canConnect('127.0.0.1', port)).toBe(true);
        if (outside) expect(await canConnect(outside, port)).toBe(false);
      }
    } finally {
      await channels.close();
    }
  });
});
