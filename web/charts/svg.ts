/** The few pieces every chart is built from: escaped text, elements, the accessible root and a legend. */

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text or an attribute value made safe for XML (and so for HTML around the inline SVG). */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => XML_ESCAPES[c] ?? c);
}

export type Attributes = Record<string, string | number | undefined>;

/** Coordinates with at most two decimals: shorter markup, and the same text on every machine. */
export function num(value: number): string {
  return String(Math.round(value * 100) / 100);
}

function attributes(attrs: Attributes): string {
  return Object.entries(attrs)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([name, value]) => ` ${name}="${escapeXml(typeof value === 'number' ? num(value) : value)}"`)
    .join('');
}

/** `<name attrs>children</name>`; children are markup already (use `text()` for words). */
export function el(name: string, attrs: Attributes = {}, ...children: string[]): string {
  const inner = children.join('');
  return inner === '' ? `<${name}${attributes(attrs)}/>` : `<${name}${attributes(attrs)}>${inner}</${name}>`;
}

/** A `<text>` element with escaped words. */
export function text(words: string, attrs: Attributes = {}): string {
  return el('text', attrs, escapeXml(words));
}

/** A tooltip for the element it is put in (the pointer shows it; screen readers use the table instead). */
export function tooltip(words: string): string {
  return el('title', {}, escapeXml(words));
}

export interface SvgRoot {
  /** Unique on the page: the title and description are referenced by id. */
  id: string;
  width: number;
  height: number;
  title: string;
  desc: string;
}

/**
 * An `<svg>` that scales to its container's width (`viewBox`, `width="100%"`), announced as one image with its
 * title and description; the figure's table carries the same numbers for reading.
 */
export function svgRoot(root: SvgRoot, ...children: string[]): string {
  return el(
    'svg',
    {
      xmlns: 'http://www.w3.org/2000/svg',
      id: root.id,
      class: 'chart-svg',
      viewBox: `0 0 ${num(root.width)} ${num(root.height)}`,
      width: '100%',
      role: 'img',
      'aria-labelledby': `${root.id}-title ${root.id}-desc`,
      'font-family': 'system-ui, -apple-system, Segoe UI, Roboto, Arial, sans-serif',
      'font-size': FONT_SIZE,
    },
    el('title', { id: `${root.id}-title` }, escapeXml(root.title)),
    el('desc', { id: `${root.id}-desc` }, escapeXml(root.desc)),
    ...children,
  );
}

/** The charts' text size in viewBox units: the SVGs are about 480 wide, so this stays legible on a phone. */
export const FONT_SIZE = 13;

/** A rough width of `words` at `fontSize` (no font metrics on the server): enough to lay a legend out. */
export function textWidth(words: string, fontSize = FONT_SIZE): number {
  return words.length * fontSize * 0.56;
}

/** `words` cut to `max` characters, with an ellipsis when cut. */
export function shorten(words: string, max: number): string {
  return words.length <= max ? words : `${words.slice(0, max - 1).trimEnd()}…`;
}

/** How a series is painted: a colour with enough contrast on white, and a pattern so it also reads without colour. */
export interface Swatch {
  /** Used in pattern ids. */
  key: string;
  label: string;
  colour: string;
  pattern: 'solid' | 'stripes' | 'cross' | 'dots' | 'outline';
}

/** The `<pattern>` of a swatch, id `<prefix>-<key>`; solid and outline swatches need none. */
export function patternDef(prefix: string, swatch: Swatch): string {
  const id = `${prefix}-${swatch.key}`;
  const base = el('rect', { width: 8, height: 8, fill: swatch.colour });
  const ink = { stroke: '#ffffff', 'stroke-width': 1.6, 'stroke-opacity': 0.75 };
  switch (swatch.pattern) {
    case 'stripes':
      return el(
        'pattern',
        { id, width: 8, height: 8, patternUnits: 'userSpaceOnUse' },
        base,
        el('path', { d: 'M-2,10 L10,-2 M-2,2 L2,-2 M6,10 L10,6', ...ink }),
      );
    case 'cross':
      return el(
        'pattern',
        { id, width: 8, height: 8, patternUnits: 'userSpaceOnUse' },
        base,
        el('path', { d: 'M0,0 L8,8 M8,0 L0,8', ...ink }),
      );
    case 'dots':
      return el(
        'pattern',
        { id, width: 8, height: 8, patternUnits: 'userSpaceOnUse' },
        base,
        el('circle', { cx: 4, cy: 4, r: 1.6, fill: '#ffffff', 'fill-opacity': 0.8 }),
      );
    default:
      return '';
  }
}

/** The fill and stroke of a shape painted with `swatch`. */
export function paint(prefix: string, swatch: Swatch): Attributes {
  if (swatch.pattern === 'solid') return { fill: swatch.colour };
  if (swatch.pattern === 'outline') return { fill: '#ffffff', stroke: swatch.colour, 'stroke-width': 2 };
  return { fill: `url(#${prefix}-${swatch.key})` };
}

/** One entry of a legend: its sample (markup drawn in a 12×12 box at the origin) and its words. */
export interface LegendItem {
  sample: string;
  label: string;
}

/** The legend entry of a swatch: a small square painted like the shapes. */
export function swatchItem(prefix: string, swatch: Swatch): LegendItem {
  const border = swatch.pattern === 'outline' ? {} : { stroke: swatch.colour };
  return {
    sample: el('rect', { x: 0.5, y: 0.5, width: 11, height: 11, ...paint(prefix, swatch), ...border }),
    label: swatch.label,
  };
}

/** Legend rows from `x`, `y` (the first row's top), wrapped at `width`; returns the markup and the height used. */
export function legend(
  items: readonly LegendItem[],
  box: { x: number; y: number; width: number },
): { markup: string; height: number } {
  const rowHeight = 20;
  let x = box.x;
  let y = box.y;
  const markup = items.map((item) => {
    const itemWidth = 18 + textWidth(item.label) + 14;
    if (x > box.x && x + itemWidth > box.x + box.width) {
      x = box.x;
      y += rowHeight;
    }
    const entry = el(
      'g',
      { transform: `translate(${num(x)},${num(y + 3)})` },
      item.sample,
      text(item.label, { x: 18, y: 11 }),
    );
    x += itemWidth;
    return entry;
  });
  return { markup: el('g', { class: 'legend' }, ...markup), height: y - box.y + rowHeight };
}
