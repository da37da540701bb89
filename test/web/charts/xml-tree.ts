/** A strict little XML reader for the charts' SVG: it throws on anything not well-formed, and gives a tree to query. */
export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  /** The element's own text, entities decoded. */
  text: string;
}

const TOKEN =
  /<!--[\s\S]*?-->|<\/([A-Za-z][\w:.-]*)\s*>|<([A-Za-z][\w:.-]*)((?:\s+[A-Za-z_:][\w:.-]*\s*=\s*"[^"<]*")*)\s*(\/?)>|([^<]+)/y;
const ATTRIBUTE = /([A-Za-z_:][\w:.-]*)\s*=\s*"([^"<]*)"/g;
const BAD_AMPERSAND = /&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/;
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(raw: string): string {
  if (BAD_AMPERSAND.test(raw)) throw new Error(`unescaped & in ${JSON.stringify(raw.slice(0, 60))}`);
  return raw.replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);/g, (_, entity: string) =>
    entity.startsWith('#x')
      ? String.fromCodePoint(parseInt(entity.slice(2), 16))
      : entity.startsWith('#')
        ? String.fromCodePoint(Number(entity.slice(1)))
        : (ENTITIES[entity] ?? ''),
  );
}

export function parseXml(xml: string): XmlElement {
  const root: XmlElement = { name: '#document', attrs: {}, children: [], text: '' };
  const stack = [root];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < xml.length) {
    const at = TOKEN.lastIndex;
    const match = TOKEN.exec(xml);
    if (!match) throw new Error(`not well-formed at ${at}: ${JSON.stringify(xml.slice(at, at + 60))}`);
    const [whole, closing, opening, attrText, selfClosing, words] = match;
    const parent = stack.at(-1) as XmlElement;
    if (whole.startsWith('<!--')) continue;
    if (closing) {
      if (parent.name !== closing) throw new Error(`</${closing}> closes <${parent.name}> at ${at}`);
      stack.pop();
    } else if (opening) {
      const attrs: Record<string, string> = {};
      for (const [, name, value] of (attrText ?? '').matchAll(ATTRIBUTE)) {
        if (name === undefined || value === undefined) continue;
        if (name in attrs) throw new Error(`duplicate attribute ${name} on <${opening}>`);
        attrs[name] = decode(value);
      }
      const element: XmlElement = { name: opening, attrs, children: [], text: '' };
      parent.children.push(element);
      if (!selfClosing) stack.push(element);
    } else if (words !== undefined) {
      if (stack.length === 1 && words.trim() !== '') throw new Error('text outside the root element');
      parent.text += decode(words);
    }
  }
  if (stack.length !== 1) throw new Error(`<${stack.at(-1)?.name}> is never closed`);
  if (root.children.length !== 1) throw new Error(`${root.children.length} root elements`);
  return root.children[0] as XmlElement;
}

/** Every element under `node` (itself included) that `match` accepts, in document order. */
export function findAll(node: XmlElement, match: (element: XmlElement) => boolean): XmlElement[] {
  return [...(match(node) ? [node] : []), ...node.children.flatMap((child) => findAll(child, match))];
}

/** The text of `node` and everything under it. */
export function textOf(node: XmlElement): string {
  return node.text + node.children.map(textOf).join('');
}
