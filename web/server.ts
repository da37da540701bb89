import type { FastifyInstance } from 'fastify';
import { AppError } from '../domain/errors';

export interface RunningWebServer {
  url: string;
  /** Stops accepting connections, lets requests in flight finish, then closes the app's plugins. */
  close(): Promise<void>;
}

/** Listens; the service calls `close()` on SIGINT/SIGTERM before it stops the worker and Temporal. */
export async function startWebServer(
  app: FastifyInstance,
  options: { host: string; port: number },
): Promise<RunningWebServer> {
  const url = await app.listen({ host: options.host, port: options.port }).catch((err: NodeJS.ErrnoException) => {
    if (err.code !== 'EADDRINUSE') throw err;
    throw new AppError('PORT_IN_USE', `Port ${options.port} on ${options.host} is taken: set PORT`, { cause: err });
  });
  let closing: Promise<void> | undefined;
  return {
    url,
    close: () => (closing ??= app.close()),
  };
}
