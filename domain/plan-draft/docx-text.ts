import JSZip from 'jszip';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeXml(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/giu, (_, entity: string) => {
    if (entity.startsWith('#x') || entity.startsWith('#X')) return String.fromCodePoint(parseInt(entity.slice(2), 16));
    if (entity.startsWith('#')) return String.fromCodePoint(Number(entity.slice(1)));
    return ENTITIES[entity.toLowerCase()] ?? '';
  });
}

/** The paragraphs of a .docx body (`word/document.xml`), one line each; undefined when it is not a .docx. */
export async function docxText(bytes: Uint8Array): Promise<string | undefined> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    return undefined;
  }
  const xml = await zip.file('word/document.xml')?.async('string');
  if (xml === undefined) return undefined;
  const body = /<w:body\b[^>]*>([\s\S]*)<\/w:body>/u.exec(xml)?.[1] ?? xml;
  // An empty paragraph is written `<w:p/>`; it must not swallow the next one.
  const paragraphs = body.match(/<w:p(?:\s[^>]*)?\/>|<w:p(?:\s[^>]*)?>[\s\S]*?<\/w:p>/gu) ?? [];
  return paragraphs
    .map((paragraph) =>
      [...paragraph.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:(tab|br)\b[^>]*\/>/gu)]
        .map((match) => (match[2] === 'tab' ? '\t' : match[2] === 'br' ? '\n' : decodeXml(match[1] ?? '')))
        .join(''),
    )
    .join('\n');
}
