import { readFileSync } from 'node:fs';
import net from 'node:net';
import { AppError } from '../domain/errors';

/** Resolves when nothing listens on host:port; a taken port becomes a PORT_IN_USE error naming its role. */
export async function assertPortFree(host: string, port: number, role: string, hint: string): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'EADDRINUSE' || err.code === 'EACCES') {
        reject(new AppError('PORT_IN_USE', `Port ${port} on ${host} (${role}) is already in use. ${hint}`));
      } else {
        reject(err);
      }
    });
    probe.listen({ host, port, exclusive: true }, () => probe.close(() => resolve()));
  });
}

/** One TCP connect attempt; true when something accepts connections on host:port. */
export function canConnect(host: string, port: number, timeoutMs = 1000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const done = (ok: boolean): void => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/**
 * Ports the kernel never hands out by itself: everything below its ephemeral range. A port picked with
 * `listen(0)` is ephemeral, so between our probe and the real listen another process asking for port 0 (the
 * Temporal dev server picks its internal ports that way) could be given the same one; a port below the range
 * can only be taken by someone who asks for it by number.
 */
const PICK_FLOOR = 10_000;
const DEFAULT_EPHEMERAL_LOW = 32_768;
const handedOut = new Set<number>();

function ephemeralLow(): number {
  try {
    const [low] = readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/);
    const value = Number(low);
    return Number.isInteger(value) && value > PICK_FLOOR + 1000 ? value : DEFAULT_EPHEMERAL_LOW;
  } catch {
    return DEFAULT_EPHEMERAL_LOW; // not Linux: below both Linux's and the IANA (49152) ranges
  }
}

function isFree(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once('error', () => resolve(false));
    probe.listen({ host, port, exclusive: true }, () => probe.close(() => resolve(true)));
  });
}

function osAssignedPort(host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen({ host, port: 0 }, () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/**
 * A free TCP port for a server started a moment later (tests and the simulator). Picked at random below the
 * ephemeral range, never the same one twice in a process; concurrent processes (Jest workers) draw from
 * disjoint slices by process id.
 */
export async function freePort(host = '127.0.0.1'): Promise<number> {
  const slices = 16;
  const sliceSize = Math.floor((ephemeralLow() - PICK_FLOOR) / slices);
  const sliceStart = PICK_FLOOR + (process.pid % slices) * sliceSize;
  for (let attempt = 0; attempt < 64; attempt++) {
    const port = sliceStart + Math.floor(Math.random() * sliceSize);
    if (handedOut.has(port)) continue;
    handedOut.add(port); // before the probe: concurrent calls must not both pick it
    if (await isFree(host, port)) return port;
    handedOut.delete(port);
  }
  return osAssignedPort(host);
}
