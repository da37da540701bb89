import { deflateRawSync } from 'node:zlib';

/** A one-entry-per-name ZIP local header sequence: enough for sniffing (no central directory needed). */
export function zipOf(names: string[]): Buffer {
  const parts = names.map((name) => {
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(Buffer.byteLength(name), 26);
    const data = deflateRawSync(Buffer.from('<x/>'));
    header.writeUInt32LE(data.length, 18);
    return Buffer.concat([header, Buffer.from(name), data]);
  });
  return Buffer.concat(parts);
}

export const SAMPLES = {
  pdf: Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj\n'),
  png: Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'),
  jpeg: Buffer.from('ffd8ffe000104a464946', 'hex'),
  exe: Buffer.from('4d5a90000300000004000000ffff0000', 'hex'),
  ole: Buffer.from('d0cf11e0a1b11ae1000000000000000000', 'hex'),
  docx: zipOf(['[Content_Types].xml', '_rels/.rels', 'word/document.xml']),
  xlsx: zipOf(['[Content_Types].xml', 'xl/workbook.xml']),
};
