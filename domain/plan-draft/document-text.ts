/**
 * A plan document's text as paragraphs: NFC, without markdown markup (`#`, `**`, `*`, list dashes kept as text),
 * spaces collapsed, empty lines dropped. The same for .md, .txt and the paragraphs of a .docx.
 */
export function documentParagraphs(raw: string): string[] {
  return raw
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map(stripMarkdown)
    .filter((line) => line.length > 0);
}

function stripMarkdown(line: string): string {
  return line
    .replace(/^\s{0,3}#{1,6}\s+/, '')
    .replace(/\*{1,3}|_{2,3}/g, '')
    .replace(/\\([.\-*_#()[\]])/g, '$1')
    .replace(/[\u00a0\t ]+/g, ' ')
    .trim();
}

/** Sentences of a paragraph: a full stop (or "./.") followed by a capital letter starts the next one. */
export function sentences(paragraph: string): string[] {
  return paragraph
    .split(/(?<=[.!?])\s+(?=[\p{Lu}“"(])/u)
    .map((sentence) => sentence.trim())
    .filter((sentence) => sentence.length > 0);
}
