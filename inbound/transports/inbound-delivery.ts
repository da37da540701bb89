import type { InboundSource } from '../inbound-mail-handler';

/**
 * What a transport hands each raw email to: `createInboundMailHandler`'s result fits. It resolves once the message
 * is stored durably; when it throws, the transport offers the message again later.
 */
export type InboundDelivery = (raw: Buffer, source: InboundSource) => Promise<unknown>;

/** The few logger methods the transports use (the process's pino logger has them). */
export interface TransportLogger {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}
