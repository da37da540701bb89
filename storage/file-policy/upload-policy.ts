import path from 'node:path';
import { contentTypeOfKind, type SniffedKind } from './sniff-type';

/** The file name extensions a submission may carry, and what their content must be. */
const ACCEPTED: Record<string, { kind: SniffedKind; contentType?: string }> = {
  '.pdf': { kind: 'pdf' },
  '.docx': { kind: 'docx' },
  '.xlsx': { kind: 'xlsx' },
  '.odt': { kind: 'odt' },
  '.ods': { kind: 'ods' },
  '.doc': { kind: 'ole', contentType: 'application/msword' },
  '.xls': { kind: 'ole', contentType: 'application/vnd.ms-excel' },
  '.png': { kind: 'png' },
  '.jpg': { kind: 'jpeg' },
  '.jpeg': { kind: 'jpeg' },
  '.gif': { kind: 'gif' },
  '.webp': { kind: 'webp' },
};

export const ACCEPTED_EXTENSIONS = Object.keys(ACCEPTED);

/**
 * The content type to store a file under, or undefined when its bytes are not what its name says (a `.pdf` that
 * is a PNG or a program), or the name is not an accepted kind at all.
 */
export function acceptedContentType(filename: string, sniffed: SniffedKind | undefined): string | undefined {
  const rule = ACCEPTED[path.extname(filename).toLowerCase()];
  if (!rule || sniffed !== rule.kind) return undefined;
  return rule.contentType ?? contentTypeOfKind(rule.kind);
}
