import { performance } from 'node:perf_hooks';
import { SMTPServer } from 'smtp-server';

export interface SunkMessage {
  rcptTo: string[];
  /** `Date.now()` when its data ended. */
  receivedAt: number;
  raw?: Buffer;
}

export interface SmtpSink {
  url: string;
  messages: SunkMessage[];
  connections(): number;
  /** Resolves once `count` messages have arrived since the last `reset()` (no timed failure: the caller decides). */
  waitFor(count: number, onProgress?: (count: number) => void): Promise<void>;
  reset(): void;
  close(): Promise<void>;
}

/**
 * An SMTP server that accepts and discards (keeping the raw message when asked): the benches measure our side, not
 * a mailbox, and the worker path and its baseline send to the same one. No parsing, so it costs both sides little.
 */
export async function startSmtpSink(options: { keepRaw?: boolean } = {}): Promise<SmtpSink> {
  let connections = 0;
  const messages: SunkMessage[] = [];
  const waiters = new Set<() => void>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    disableReverseLookup: true,
    logger: false,
    closeTimeout: 100,
    size: 0,
    onConnect: (_session, callback) => {
      connections++;
      callback();
    },
    onData: (stream, session, callback) => {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => {
        if (options.keepRaw) chunks.push(chunk);
      });
      stream.on('end', () => {
        messages.push({
          rcptTo: session.envelope.rcptTo.map((r) => r.address),
          receivedAt: Date.now(),
          ...(options.keepRaw && { raw: Buffer.concat(chunks) }),
        });
        for (const wake of waiters) wake();
        callback();
      });
    },
  });
  const port = await new Promise<number>((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const address = server.server.address();
      resolve(typeof address === 'object' && address ? address.port : 0);
    }),
  );
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    connections: () => connections,
    async waitFor(count, onProgress) {
      let lastReport = performance.now();
      while (messages.length < count) {
        await new Promise<void>((resolve) => {
          const wake = (): void => {
            waiters.delete(wake);
            resolve();
          };
          waiters.add(wake);
          setTimeout(wake, 2000).unref();
        });
        if (onProgress && performance.now() - lastReport > 5000) {
          lastReport = performance.now();
          onProgress(messages.length);
        }
      }
    },
    reset() {
      messages.length = 0;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
