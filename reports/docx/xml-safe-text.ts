/**
 * XML 1.0 forbids most control characters, and the docx library writes text as given: a unit's answer pasted from
 * Word (vertical tab for a line break, stray control codes) would make a DOCX that Word refuses to open. Vertical tabs
 * and form feeds become line breaks, and what XML cannot hold (other controls, lone surrogates) is dropped.
 */
const LINE_BREAKS = new Set([0x0b, 0x0c, 0x2028, 0x2029]);

export function xmlSafeText(text: string): string {
  let safe = '';
  for (const character of text) {
    const code = character.codePointAt(0) ?? 0;
    if (LINE_BREAKS.has(code)) safe += '\n';
    else if (isXmlCharacter(code)) safe += character;
  }
  return safe;
}

/** XML 1.0's Char production; a lone surrogate arrives here as its own code point and fails it. */
export function isXmlCharacter(code: number): boolean {
  return (
    code === 0x09 ||
    code === 0x0a ||
    code === 0x0d ||
    (code >= 0x20 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd) ||
    (code >= 0x10000 && code <= 0x10ffff)
  );
}

/** The same value with every string in it made XML-safe (plain JSON data: objects, arrays, strings, numbers). */
export function withXmlSafeText<T>(value: T): T {
  if (typeof value === 'string') return xmlSafeText(value) as T;
  if (Array.isArray(value)) return value.map((item: unknown) => withXmlSafeText(item)) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([key, item]) => [key, withXmlSafeText(item)]),
    ) as T;
  }
  return value;
}
