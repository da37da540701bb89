/** What the first bytes (and, for ZIP containers, the entry names) say a file is. */
export type SniffedKind = 'pdf' | 'docx' | 'xlsx' | 'odt' | 'ods' | 'ole' | 'zip' | 'png' | 'jpeg' | 'gif' | 'webp';

const CONTENT_TYPES: Record<SniffedKind, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  odt: 'application/vnd.oasis.opendocument.text',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
  ole: 'application/x-ole-storage',
  zip: 'application/zip',
  png: 'image/png',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
};

const startsWith = (bytes: Buffer, prefix: number[] | string, offset = 0): boolean => {
  const expected = typeof prefix === 'string' ? Buffer.from(prefix, 'latin1') : Buffer.from(prefix);
  return bytes.length >= offset + expected.length && bytes.subarray(offset, offset + expected.length).equals(expected);
};

/**
 * Sniffs by magic bytes. `head` is the start of the file; `tail` its end, where a ZIP keeps its central directory
 * (entry names there tell DOCX from XLSX even when large entries come first).
 */
export function sniffKind(head: Buffer, tail: Buffer = Buffer.alloc(0)): SniffedKind | undefined {
  if (startsWith(head, '%PDF-')) return 'pdf';
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(head, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(head, 'GIF87a') || startsWith(head, 'GIF89a')) return 'gif';
  if (startsWith(head, 'RIFF') && startsWith(head, 'WEBP', 8)) return 'webp';
  if (startsWith(head, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'ole';
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04])) return zipKind(head, tail);
  return undefined;
}

function zipKind(head: Buffer, tail: Buffer): SniffedKind {
  // ODF puts an uncompressed `mimetype` entry first, its content right after the 38-byte header + name.
  if (startsWith(head, 'mimetype', 30)) {
    const mime = head.subarray(38, 38 + 60).toString('latin1');
    if (mime.startsWith(CONTENT_TYPES.odt)) return 'odt';
    if (mime.startsWith(CONTENT_TYPES.ods)) return 'ods';
  }
  const names = Buffer.concat([head, tail]).toString('latin1');
  if (!names.includes('[Content_Types].xml')) return 'zip';
  if (names.includes('word/')) return 'docx';
  if (names.includes('xl/')) return 'xlsx';
  return 'zip';
}

export function contentTypeOfKind(kind: SniffedKind): string {
  return CONTENT_TYPES[kind];
}
