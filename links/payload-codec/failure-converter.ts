import { DefaultFailureConverter } from '@temporalio/common';

/**
 * Failures' messages and stack traces go into the encoded attributes, so that the payload codec encrypts them too: an
 * SMTP reply quoting a recipient's address must not sit in a history in clear. Loaded by path (clients, workers and the
 * workflow bundle each load it), so it imports only `@temporalio/common`.
 */
export const failureConverter = new DefaultFailureConverter({ encodeCommonAttributes: true });
