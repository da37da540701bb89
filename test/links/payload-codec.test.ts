import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, stat, writeFile, mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { defaultPayloadConverter, type Payload } from '@temporalio/common';
import { loadConfig } from '../../config/env';
import { parsePayloadKeys, type PayloadKey } from '../../config/payload-keys';
import { createEncryptionCodec } from '../../links/payload-codec/encryption-codec';
import { loadPayloadKeyRing, payloadKeyFile } from '../../links/payload-codec/payload-key-ring';

const key = (id: string): PayloadKey => ({ id, key: randomBytes(32) });
const entry = ({ id, key: bytes }: PayloadKey) => `${id}:${bytes.toString('base64')}`;
const PERSON = { name: 'Chủ tịch UBND xã Đông', email: 'xa-dong@thu-nghiem.example', phone: '0900000001' };
const payloadOf = (value: unknown): Payload => defaultPayloadConverter.toPayload(value);
const text = (bytes: Uint8Array | null | undefined) => Buffer.from(bytes ?? []).toString('utf8');

describe('the payload codec (AES-256-GCM, a key id in each payload)', () => {
  it('encrypts the whole payload: only the encoding and the key id are left in clear', async () => {
    const [current, older] = [key('k2'), key('k1')];
    const codec = createEncryptionCodec([current, older]);
    const [encoded] = await codec.encode([payloadOf(PERSON)]);
    expect(Object.fromEntries(Object.entries(encoded?.metadata ?? {}).map(([k, v]) => [k, text(v)]))).toEqual({
      encoding: 'binary/encrypted',
      'encryption-key-id': 'k2',
    });
    const bytes = Buffer.from(encoded?.data ?? []);
    for (const plain of [PERSON.name, PERSON.email, PERSON.phone, 'json/plain']) {
      expect(bytes.includes(Buffer.from(plain))).toBe(false);
    }
    // iv(12) | ciphertext | tag(16): the ciphertext is as long as the payload's protobuf.
    expect(bytes.length).toBeGreaterThan(12 + 16 + JSON.stringify(PERSON).length);
    const [decoded] = await codec.decode([encoded as Payload]);
    expect(defaultPayloadConverter.fromPayload(decoded as Payload)).toEqual(PERSON);
    expect(text(decoded?.metadata?.encoding)).toBe('json/plain');
  });

  it('uses a fresh IV for each payload', async () => {
    const codec = createEncryptionCodec([key('k1')]);
    const [a, b] = await codec.encode([payloadOf(PERSON), payloadOf(PERSON)]);
    expect(Buffer.from(a?.data ?? []).equals(Buffer.from(b?.data ?? []))).toBe(false);
  });

  it('rotation: a payload of the old key decodes when that key is second in the list', async () => {
    const [old, fresh] = [key('2025'), key('2026')];
    const [sealed] = await createEncryptionCodec([old]).encode([payloadOf(PERSON)]);
    const rotated = createEncryptionCodec([fresh, old]);
    const [decoded] = await rotated.decode([sealed as Payload]);
    expect(defaultPayloadConverter.fromPayload(decoded as Payload)).toEqual(PERSON);
    // New payloads use the new key only.
    const [resealed] = await rotated.encode([payloadOf(PERSON)]);
    expect(text(resealed?.metadata?.['encryption-key-id'])).toBe('2026');
    // Dropped too early, the old key's payloads are refused with its id, never decoded into garbage.
    await expect(createEncryptionCodec([fresh]).decode([sealed as Payload])).rejects.toThrow(
      /key "2025", which DONDOC_PAYLOAD_KEYS lacks/,
    );
  });

  it('passes through payloads written before a key was configured', async () => {
    const plain = payloadOf(PERSON);
    expect(await createEncryptionCodec([key('k1')]).decode([plain])).toEqual([plain]);
  });

  it('refuses a payload that was altered or sealed with another key of the same id', async () => {
    const codec = createEncryptionCodec([key('k1')]);
    const [sealed] = await codec.encode([payloadOf(PERSON)]);
    const altered = Buffer.from(sealed?.data ?? []);
    altered[20] = (altered[20] ?? 0) ^ 1;
    await expect(codec.decode([{ ...sealed, data: altered }])).rejects.toThrow(/failed authentication/);
    await expect(createEncryptionCodec([key('k1')]).decode([sealed as Payload])).rejects.toThrow(
      /failed authentication/,
    );
  });

  // A unit workflow's input: its people and a year of events, repetitive JSON of some 27 KB.
  const YEAR = Array.from({ length: 200 }, (_, i) => ({ type: 'reminder', at: `2031-04-${i % 28}T08:00:00+07:00`, i }));
  const LARGE = { people: Array.from({ length: 5 }, () => PERSON), events: YEAR };

  it('compresses a large payload before sealing it, and says so in clear', async () => {
    const codec = createEncryptionCodec([key('k1')]);
    const plain = payloadOf(LARGE);
    const [sealed] = await codec.encode([plain]);
    expect(text(sealed?.metadata?.['encryption-compression'])).toBe('deflate-raw');
    expect(sealed?.data?.length).toBeLessThan((plain.data?.length ?? 0) / 3);
    for (const clear of [PERSON.name, PERSON.email, '2031-04-']) {
      expect(Buffer.from(sealed?.data ?? []).includes(Buffer.from(clear))).toBe(false);
    }
    const [decoded] = await codec.decode([sealed as Payload]);
    expect(defaultPayloadConverter.fromPayload(decoded as Payload)).toEqual(LARGE);
    // Small payloads stay as they were sealed before.
    const [small] = await codec.encode([payloadOf(PERSON)]);
    expect(small?.metadata?.['encryption-compression']).toBeUndefined();
  });

  it('refuses a payload whose compression mark was removed, added or changed', async () => {
    const codec = createEncryptionCodec([key('k1')]);
    const [large] = await codec.encode([payloadOf(LARGE)]);
    const [small] = await codec.encode([payloadOf(PERSON)]);
    const { 'encryption-compression': _mark, ...stripped } = large?.metadata ?? {};
    await expect(codec.decode([{ ...large, metadata: stripped }])).rejects.toThrow(/failed authentication/);
    const marked = { ...small?.metadata, 'encryption-compression': Buffer.from('deflate-raw') };
    await expect(codec.decode([{ ...small, metadata: marked }])).rejects.toThrow(/failed authentication/);
    const other = { ...large?.metadata, 'encryption-compression': Buffer.from('zstd') };
    await expect(codec.decode([{ ...large, metadata: other }])).rejects.toThrow(/unknown compression "zstd"/);
  });
});

describe('DONDOC_PAYLOAD_KEYS and the generated key', () => {
  let dataDir: string;
  beforeEach(async () => (dataDir = await mkdtemp(path.join(os.tmpdir(), 'dondoc-payload-key-'))));
  afterEach(async () => rm(dataDir, { recursive: true, force: true }));
  const config = (env: Record<string, string> = {}) => loadConfig({ DONDOC_DATA_DIR: dataDir, ...env });

  it('parses `<id>:<base64>` entries, the first one encrypting', async () => {
    const [a, b] = [key('a'), key('b')];
    const ring = await loadPayloadKeyRing(config({ DONDOC_PAYLOAD_KEYS: `${entry(a)}, ${entry(b)}` }));
    expect(ring.keys.map((k) => k.id)).toEqual(['a', 'b']);
    expect(ring.keys[0]?.key.equals(a.key)).toBe(true);
    expect(ring.file).toBeUndefined();
  });

  it.each([
    ['no id', `:${randomBytes(32).toString('base64')}`, /entry 1 must be `<id>:<base64 of 32 bytes>`/],
    ['a short key', `k:${randomBytes(16).toString('base64')}`, /key "k" must be 32 bytes/],
    ['not base64', `k:${'!'.repeat(44)}`, /key "k" must be 32 bytes/],
    ['an id twice', `k:${randomBytes(32).toString('base64')},k:${randomBytes(32).toString('base64')}`, /twice/],
  ])('refuses %s with one line naming the variable, never the key', (_case, value, reason) => {
    const refused = () => config({ DONDOC_PAYLOAD_KEYS: value });
    expect(refused).toThrow(reason);
    expect(refused).toThrow(/^DONDOC_PAYLOAD_KEYS /);
    expect(refused).not.toThrow(value.split(':')[1] ?? value);
  });

  it('is required with DATABASE_URL or TEMPORAL_ADDRESS, never generated there', async () => {
    const secret = randomBytes(32).toString('base64');
    expect(() => config({ TEMPORAL_ADDRESS: '127.0.0.1:7233', DONDOC_SECRET: secret })).toThrow(
      /DONDOC_PAYLOAD_KEYS is required when TEMPORAL_ADDRESS is set/,
    );
    await expect(stat(payloadKeyFile(dataDir))).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('embedded mode: generated once under data/secrets/payload-key (0600) by `dondoc start`, reused', async () => {
    // The CLI never makes one: from another folder it would encrypt with a key the worker lacks.
    await expect(loadPayloadKeyRing(config())).rejects.toThrow(/no payload key yet; run `dondoc start` first/);
    await expect(stat(payloadKeyFile(dataDir))).rejects.toMatchObject({ code: 'ENOENT' });
    const first = await loadPayloadKeyRing(config(), { generate: true });
    expect(first.file).toBe(payloadKeyFile(dataDir));
    expect((await stat(payloadKeyFile(dataDir))).mode & 0o777).toBe(0o600);
    const second = await loadPayloadKeyRing(config());
    expect(second.file).toBe(payloadKeyFile(dataDir));
    expect(second.keys[0]?.key.equals(first.keys[0]?.key ?? Buffer.alloc(0))).toBe(true);
    const line = (await readFile(payloadKeyFile(dataDir), 'utf8')).trim();
    expect(parsePayloadKeys(line)).toEqual({ keys: first.keys });
  });

  it('embedded mode: a damaged key file refuses to start instead of making a new key', async () => {
    await mkdir(path.dirname(payloadKeyFile(dataDir)), { recursive: true });
    await writeFile(payloadKeyFile(dataDir), 'not-a-key\n');
    const refused = loadPayloadKeyRing(config(), { generate: true });
    await expect(refused).rejects.toMatchObject({ code: 'CONFIG_INVALID' });
    await expect(refused).rejects.toThrow(/payload-key: the payload key is not `<id>:<base64 of 32 bytes>`/);
  });
});
