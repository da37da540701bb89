import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {
  FAKE_ZALO_DEFAULTS,
  startFakeZaloServer,
  type FakeZaloOptions,
  type FakeZaloServer,
} from '../../../channels/fake-zalo';
import { createZaloClient, type ZaloClient, type ZaloClientOptions } from '../../../channels/zalo';

/** 10:00 in Vietnam: inside the ZNS send window. */
export const DAYTIME = new Date('2022-10-17T03:00:00Z');

export interface ZaloFixture {
  fake: FakeZaloServer;
  client: ZaloClient;
  dir: string;
  tokenFile: string;
  /** A client with other options against the same fake; closed by `close()`. */
  clientWith(options: Partial<ZaloClientOptions>): ZaloClient;
  /** The refresh requests the fake has received. */
  refreshes(): number;
  close(): Promise<void>;
}

export async function startZaloFixture(fakeOptions: FakeZaloOptions = {}): Promise<ZaloFixture> {
  const fake = await startFakeZaloServer(fakeOptions);
  const dir = await mkdtemp(path.join(os.tmpdir(), 'dondoc-zalo-'));
  const clients: ZaloClient[] = [];
  const clientWith = (options: Partial<ZaloClientOptions>): ZaloClient => {
    const client = createZaloClient({
      appId: FAKE_ZALO_DEFAULTS.appId,
      secretKey: FAKE_ZALO_DEFAULTS.secretKey,
      baseUrls: { zns: fake.url, oa: fake.url, oauth: fake.url },
      now: () => DAYTIME,
      ...options,
    });
    clients.push(client);
    return client;
  };
  return {
    fake,
    client: clientWith({}),
    dir,
    tokenFile: path.join(dir, 'zalo', 'tokens.json'),
    clientWith,
    refreshes: () => fake.received().filter((request) => request.path === '/v4/oa/access_token').length,
    async close() {
      await fake.close();
      await Promise.all(clients.map((client) => client.close()));
      await rm(dir, { recursive: true, force: true });
    },
  };
}
