import { readFileSync } from 'node:fs';
import net from 'node:net';
import { assertPortFree, freePort } from '../../workers/port-check';

function ephemeralLow(): number {
  try {
    return Number(readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/)[0]);
  } catch {
    return 32_768;
  }
}

describe('freePort', () => {
  it('hands out distinct ports below the ephemeral range, which nothing gets by asking for port 0', async () => {
    const ports = await Promise.all(Array.from({ length: 20 }, () => freePort()));
    expect(new Set(ports).size).toBe(ports.length);
    for (const port of ports) {
      expect(port).toBeGreaterThanOrEqual(10_000);
      expect(port).toBeLessThan(ephemeralLow());
    }
  });

  it('gives a port that a server can then listen on', async () => {
    const port = await freePort();
    const server = net.createServer();
    await new Promise<void>((resolve) => server.listen({ host: '127.0.0.1', port }, resolve));
    await expect(assertPortFree('127.0.0.1', port, 'test', 'Set PORT.')).rejects.toMatchObject({
      code: 'PORT_IN_USE',
    });
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });
});
