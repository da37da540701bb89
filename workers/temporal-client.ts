import { Client, Connection } from '@temporalio/client';
import type { PayloadCodec } from '@temporalio/common';
import type { Config } from '../config/env';
import { AppError } from '../domain/errors';
import { loadPayloadCodec, payloadDataConverter } from '../links/payload-codec/payload-key-ring';
import { temporalTarget } from './temporal-connection';

export interface ConnectedClient {
  client: Client;
  namespace: string;
  address: string;
  close(): Promise<void>;
}

/**
 * A Temporal client on the configured server (or `address`), failing with one clear sentence when it is down. Its
 * payloads go through the payload codec: `payloadCodec`, or the one of the configured (or generated) keys.
 */
export async function connectClient(
  config: Config,
  address?: string,
  payloadCodec?: PayloadCodec,
): Promise<ConnectedClient> {
  const codec = payloadCodec ?? (await loadPayloadCodec(config));
  const target = temporalTarget(config, address);
  const { address: targetAddress = 'localhost:7233', tls, apiKey, metadata } = target.connectionOptions;
  const connection = await Connection.connect({
    address: targetAddress,
    ...(tls !== undefined && { tls }),
    ...(typeof apiKey === 'string' && { apiKey }),
    ...(metadata && { metadata }),
    connectTimeout: 5000,
  }).catch((err: unknown) => {
    throw new AppError(
      'TEMPORAL_UNREACHABLE',
      `Cannot reach Temporal at ${targetAddress} (is \`dondoc start\` running?): ${err instanceof Error ? err.message : String(err)}`,
      { cause: err },
    );
  });
  return {
    client: new Client({ connection, namespace: target.namespace, dataConverter: payloadDataConverter(codec) }),
    namespace: target.namespace,
    address: targetAddress,
    close: () => connection.close(),
  };
}
