import { InvalidArgumentError, type Command } from 'commander';
import {
  FAKE_ZALO_DEFAULTS,
  FAKE_ZALO_TEMPLATE_IDS,
  FAKE_ZALO_UNAPPROVED_TEMPLATE_ID,
  startFakeZaloServer,
  type FakeZaloServer,
} from '../../channels/fake-zalo';
import { AppError } from '../../domain/errors';
import type { CliIo } from '../program';

/** @defaultValue port of `dondoc fake-zalo` when --port is not given */
const FAKE_ZALO_DEFAULT_PORT = 8790;

export interface FakeZaloCommandOptions {
  port: number;
  host: string;
}

export function registerFakeZalo(program: Command, io: CliIo): void {
  program
    .command('fake-zalo')
    .description('run a fake Zalo API (ZNS, OA messages, OAuth) for development, until Ctrl-C')
    .option('--port <port>', 'port to listen on (0 picks a free one)', parsePort, FAKE_ZALO_DEFAULT_PORT)
    .option('--host <host>', 'interface to bind', '127.0.0.1')
    .action(async (options: FakeZaloCommandOptions) => {
      const server = await startFakeZalo(options, io);
      const signal = await untilSignal();
      await server.close();
      io.stdout(`Fake Zalo stopped (${signal}).\n`);
    });
}

/** Starts the server and prints what a dondoc configured against it needs. */
export async function startFakeZalo(options: FakeZaloCommandOptions, io: CliIo): Promise<FakeZaloServer> {
  let server: FakeZaloServer;
  try {
    server = await startFakeZaloServer({ host: options.host, port: options.port });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE' || code === 'EACCES') {
      throw new AppError('PORT_IN_USE', `Port ${options.port} on ${options.host} (fake Zalo) is already in use.`, {
        cause: err,
      });
    }
    throw err;
  }
  const templates = Object.entries(FAKE_ZALO_TEMPLATE_IDS).map(
    ([name, id]) => `${id} ${name} (${FAKE_ZALO_DEFAULTS.templates[id]?.params.join(', ') ?? ''})`,
  );
  io.stdout(
    [
      `Fake Zalo listening on ${server.url}`,
      `  base URL (ZNS, OA and OAuth): ${server.url}`,
      `  app id:                ${FAKE_ZALO_DEFAULTS.appId}`,
      `  secret key:            ${FAKE_ZALO_DEFAULTS.secretKey}`,
      `  initial refresh token: ${FAKE_ZALO_DEFAULTS.refreshToken} (single use, rotated on every refresh)`,
      `  templates:             ${templates.join('\n                         ')}`,
      `                         ${FAKE_ZALO_UNAPPROVED_TEMPLATE_ID} not approved (-131)`,
      `  OA followers:          ${FAKE_ZALO_DEFAULTS.followers.join(', ')} (outside the window: ${FAKE_ZALO_DEFAULTS.outsideWindow.join(', ')})`,
      `  test API:              POST /__fake/script, GET /__fake/messages, POST /__fake/reset, POST /__fake/expire-tokens`,
      'Press Ctrl-C to stop.',
      '',
    ].join('\n'),
  );
  return server;
}

function parsePort(text: string): number {
  const port = Number(text);
  if (!/^\d+$/.test(text) || port > 65535) throw new InvalidArgumentError('must be a port number 0..65535');
  return port;
}

function untilSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const stop = (signal: NodeJS.Signals): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve(signal);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
