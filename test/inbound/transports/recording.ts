import { Writable } from 'node:stream';
import type { InboundSource } from '../../../inbound/inbound-mail-handler';
import { createLogger } from '../../../observability/logger';

export interface Delivered {
  messageId: string;
  raw: Buffer;
  source: InboundSource;
}

/** Stands in for the inbound mail handler: records each delivery; `failNext` makes the next calls throw. */
export function recordingHandler() {
  const delivered: Delivered[] = [];
  const failures: string[] = [];
  let failCount = 0;
  let gate: Promise<void> | undefined;
  const waiters = new Set<() => void>();
  let calls = 0;
  const deliver = async (raw: Buffer, source: InboundSource): Promise<unknown> => {
    calls++;
    for (const wake of waiters) wake();
    const messageId = /^Message-ID:\s*(\S+)/im.exec(raw.toString('utf8'))?.[1] ?? '(none)';
    if (failCount > 0) {
      failCount--;
      failures.push(messageId);
      for (const wake of waiters) wake();
      throw new Error('database is down');
    }
    if (gate) await gate;
    delivered.push({ messageId, raw, source });
    for (const wake of waiters) wake();
    return { id: messageId };
  };
  return {
    deliver,
    /** Calls so far, whatever became of them. */
    calls: () => calls,
    delivered,
    failures,
    failNext(count: number) {
      failCount = count;
    },
    /** Deliveries wait at the gate until `open()` is called. */
    hold(): { open: () => void } {
      let open = (): void => undefined;
      gate = new Promise<void>((resolve) => {
        open = () => {
          gate = undefined;
          resolve();
        };
      });
      return { open };
    },
    /** Resolves once the condition holds; re-checked at each delivery or failure. */
    until(condition: () => boolean, timeoutMs = 90_000): Promise<void> {
      return new Promise((resolve, reject) => {
        const check = (): void => {
          if (!condition()) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve();
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`condition not met after ${timeoutMs} ms: ${delivered.length} delivered`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
  };
}

/** The real pino logger (JSON), its lines kept for assertions. */
export function capturedLogger() {
  type LogLine = { level: number; msg: string; [key: string]: unknown };
  const lines: LogLine[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) lines.push(JSON.parse(line) as LogLine);
      callback();
    },
  });
  return { logger: createLogger({ LOG_FORMAT: 'json', LOG_LEVEL: 'info' }, destination), lines };
}

/** A small reply email (UTF-8 body, as a unit's officer would write it). */
export function replyEmail(messageId: string, to = 'dondoc@localhost'): Buffer {
  return Buffer.from(
    [
      `Message-ID: ${messageId}`,
      // "Phòng Tư pháp", encoded as a mail client does.
      'From: =?UTF-8?B?UGjDsm5nIFTGsCBwaMOhcA==?= <tuphap@example.vn>',
      `To: ${to}`,
      'Subject: Re: Nhac viec',
      'Date: Mon, 30 Nov 2026 09:00:00 +0700',
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset=utf-8',
      'Content-Transfer-Encoding: 8bit',
      '',
      'Đã nộp báo cáo ngày 30/11/2026.',
      '',
    ].join('\r\n'),
    'utf8',
  );
}
