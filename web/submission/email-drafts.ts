import type { FastifyInstance } from 'fastify';
import type { InboundFileRecord } from '../../db/stores/inbound-store';
import type { StoredFile } from '../../storage/file-store';
import type { LinkContext } from './link-context';

/**
 * Files a unit sent by replying to a reminder of a report whose values were missing: kept, and shown on its
 * submission page to go with the values it completes there. Only until the obligation has a submission.
 */
export async function emailDrafts(app: FastifyInstance, context: LinkContext): Promise<InboundFileRecord[]> {
  if (!app.inbound || context.obligation.submissions.length > 0 || context.unit.closed) return [];
  const { claims } = context;
  const files = await app.inbound.draftFiles(claims, claims.unitId, claims.obligationId);
  const seen = new Set<string>();
  return files.filter((file) => {
    const key = `${file.sha256}/${file.filename}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function storedFile(file: InboundFileRecord): StoredFile {
  return { ref: { sha256: file.sha256, filename: file.filename, contentType: file.contentType, size: file.size } };
}
