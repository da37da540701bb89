import JSZip from 'jszip';

/**
 * Just enough reading of a DOCX's WordprocessingML for the tests: paragraphs with their runs' text and formatting,
 * tables as rows of cell texts. The XML is the docx library's, without nested paragraphs or tables.
 */

export interface Run {
  text: string;
  bold: boolean;
  italics: boolean;
  /** Half-points, when the run sets its own size. */
  size?: number;
  highlight?: string;
}

export interface ParagraphXml {
  xml: string;
  text: string;
  style?: string;
  alignment?: string;
  runs: Run[];
}

export interface DocxParts {
  document: string;
  styles: string;
  /** Header XML by relationship id. */
  headers: Map<string, string>;
}

export async function readDocx(docx: Buffer): Promise<DocxParts> {
  const zip = await JSZip.loadAsync(docx);
  const read = async (name: string) => {
    const file = zip.file(name);
    if (!file) throw new Error(`the DOCX has no ${name}`);
    return file.async('string');
  };
  const rels = await read('word/_rels/document.xml.rels');
  const headers = new Map<string, string>();
  for (const [, id, target] of rels.matchAll(/<Relationship Id="([^"]+)" Type="[^"]*\/header" Target="([^"]+)"/g)) {
    headers.set(id as string, await read(`word/${target}`));
  }
  return { document: await read('word/document.xml'), styles: await read('word/styles.xml'), headers };
}

export function paragraphsOf(xml: string): ParagraphXml[] {
  return [...xml.matchAll(/<w:p(?:\s[^>]*)?>([\s\S]*?)<\/w:p>/g)].map(([whole, inner]) => {
    const runs = runsOf(inner as string);
    const style = /<w:pStyle w:val="([^"]+)"/.exec(inner as string)?.[1];
    const alignment = /<w:jc w:val="([^"]+)"/.exec(inner as string)?.[1];
    return {
      xml: whole,
      text: runs.map((run) => run.text).join(''),
      ...(style ? { style } : {}),
      ...(alignment ? { alignment } : {}),
      runs,
    };
  });
}

/** The one paragraph whose whole text is `text`. */
export function paragraphWithText(xml: string, text: string): ParagraphXml {
  const found = paragraphsOf(xml).filter((paragraph) => paragraph.text === text);
  if (found.length !== 1) throw new Error(`${found.length} paragraphs read «${text}»`);
  return found[0] as ParagraphXml;
}

export function tablesOf(xml: string): string[] {
  return [...xml.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)].map(([, inner]) => inner as string);
}

/** A table's rows, each a list of its cells' texts. */
export function tableRows(table: string): string[][] {
  return [...table.matchAll(/<w:tr>([\s\S]*?)<\/w:tr>/g)].map(([, row]) =>
    [...(row as string).matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map(([, cell]) =>
      paragraphsOf(cell as string)
        .map((paragraph) => paragraph.text)
        .join('\n'),
    ),
  );
}

/** The `w:sectPr` blocks, in order: one per section, the last one the body's own. */
export function sectionsOf(xml: string): string[] {
  return [...xml.matchAll(/<w:sectPr>([\s\S]*?)<\/w:sectPr>/g)].map(([, inner]) => inner as string);
}

export function attribute(xml: string, element: string, name: string): string | undefined {
  const tag = new RegExp(`<${element}\\s[^>]*>`).exec(xml)?.[0];
  return tag ? new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1] : undefined;
}

function runsOf(paragraph: string): Run[] {
  return [...paragraph.matchAll(/<w:r>([\s\S]*?)<\/w:r>/g)].map(([, inner]) => {
    const properties = /<w:rPr>([\s\S]*?)<\/w:rPr>/.exec(inner as string)?.[1] ?? '';
    const size = /<w:sz w:val="(\d+)"/.exec(properties)?.[1];
    const highlight = /<w:highlight w:val="([^"]+)"/.exec(properties)?.[1];
    return {
      text: [...(inner as string).matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)]
        .map(([, text]) => decode(text as string))
        .join(''),
      bold: isOn(properties, 'w:b'),
      italics: isOn(properties, 'w:i'),
      ...(size ? { size: Number(size) } : {}),
      ...(highlight ? { highlight } : {}),
    };
  });
}

/** `<w:b/>` or `<w:b w:val="true"/>` is on; `<w:b w:val="false"/>` and `<w:bCs/>` are not `<w:b>`. */
function isOn(properties: string, element: string): boolean {
  const match = new RegExp(`<${element}(?:\\s+w:val="([^"]*)")?\\s*/>`).exec(properties);
  return match !== null && !['false', '0', 'off'].includes(match[1] ?? 'true');
}

function decode(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}
