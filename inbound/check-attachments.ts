import path from 'node:path';
import { sniffKind } from '../storage/file-policy/sniff-type';
import { ACCEPTED_EXTENSIONS, acceptedContentType } from '../storage/file-policy/upload-policy';
import type { InboundAttachment } from './parse-inbound';

export interface CheckedAttachments {
  /** Documents accepted exactly as the upload form accepts them. */
  documents: (InboundAttachment & { contentType: string })[];
  /** Filled form templates (CSV or XLSX named `bieu-mau-…`), read for values. */
  forms: InboundAttachment[];
  /** Each refused file with why, in Vietnamese. */
  refused: { filename: string; reason: string }[];
}

const FORM_NAME = /^bieu-mau-.*\.(csv|xlsx)$/i;

/** Sorts a reply's attachments: the upload policy decides (size, extension, content sniffed); forms go apart. */
export function checkAttachments(attachments: readonly InboundAttachment[], maxFileBytes: number): CheckedAttachments {
  const out: CheckedAttachments = { documents: [], forms: [], refused: [] };
  const limitMb = Math.floor(maxFileBytes / 1024 / 1024);
  for (const attachment of attachments) {
    const { filename, content } = attachment;
    if (content.length > maxFileBytes) {
      out.refused.push({ filename, reason: `tệp lớn hơn ${limitMb} MB` });
      continue;
    }
    if (FORM_NAME.test(filename) || path.extname(filename).toLowerCase() === '.csv') {
      out.forms.push(attachment);
      continue;
    }
    const contentType = acceptedContentType(filename, sniffKind(content));
    if (!contentType) {
      out.refused.push({
        filename,
        reason: `nội dung không đúng loại tệp theo tên, hoặc không phải văn bản được nhận (${ACCEPTED_EXTENSIONS.join(', ')})`,
      });
      continue;
    }
    out.documents.push({ ...attachment, contentType });
  }
  return out;
}
