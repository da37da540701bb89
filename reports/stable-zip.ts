import JSZip from 'jszip';

/**
 * An Office file (a zip) whose bytes depend only on its content: every entry and the core properties dated `at`.
 * The libraries stamp entries with the wall clock, so a retried aggregation would store a second, different copy of
 * the same report; with this it stores one.
 */
export async function stableZip(file: Buffer | Uint8Array, at: Date): Promise<Buffer> {
  const source = await JSZip.loadAsync(file);
  const target = new JSZip();
  const stamp = `${at.toISOString().slice(0, 19)}Z`;
  for (const [name, entry] of Object.entries(source.files)) {
    if (entry.dir) continue;
    let content: Uint8Array | string = await entry.async('uint8array');
    if (name === 'docProps/core.xml') {
      content = Buffer.from(content)
        .toString('utf8')
        .replace(/(<dcterms:(?:created|modified)[^>]*>)[^<]*(<\/dcterms:)/g, `$1${stamp}$2`);
    }
    target.file(name, content, { date: at, createFolders: false });
  }
  return target.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 } });
}
