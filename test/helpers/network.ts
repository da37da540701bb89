import os from 'node:os';

/** An IPv4 address of this machine that is not loopback, if it has one: what a neighbour on the network would dial. */
export function externalIPv4(): string | undefined {
  return Object.values(os.networkInterfaces())
    .flat()
    .find((address) => address?.family === 'IPv4' && !address.internal)?.address;
}
