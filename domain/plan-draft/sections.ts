/** One paragraph of the body, with the numbered headings it sits under ("III. TỔ CHỨC THỰC HIỆN" › "4. …"). */
export interface Block {
  /** "III.4", "II.7", "I" or "" before the first Roman heading. */
  ref: string;
  part?: string;
  item?: string;
  text: string;
}

export interface DocumentParts {
  /** Paragraphs before the first Roman-numbered heading: number, place and date, title. */
  preamble: string[];
  body: Block[];
  /** From "Nơi nhận" on: recipients and the signature block. */
  closing: string[];
}

const ROMAN = /^([IVX]{1,4})\.\s+(.+)$/;
const ARABIC = /^(\d{1,2})\.\s*(.+)$/;
const LETTER = /^([a-zđ])\)\s+(.+)$/;
/** "Phòng Nội vụ: chủ trì …": a short name before a colon is the item's heading. */
const HEADING_THEN_TEXT = /^([^:.;]{3,90}):\s+(.+)$/;

interface Heading {
  heading?: string;
  text?: string;
}

/** A numbered line is a heading when it is short and does not end a sentence; else a numbered paragraph. */
function splitHeading(rest: string): Heading {
  if (rest.length <= 100 && !/[.;]$/.test(rest)) return { heading: rest.replace(/:$/, '') };
  const colon = HEADING_THEN_TEXT.exec(rest);
  if (colon?.[1] && colon[2]) return { heading: colon[1], text: colon[2] };
  return { text: rest };
}

export function splitDocument(paragraphs: readonly string[]): DocumentParts {
  const preamble: string[] = [];
  const body: Block[] = [];
  const closing: string[] = [];
  let roman: string | undefined;
  let part: string | undefined;
  let number: string | undefined;
  let item: string | undefined;
  let letter: string | undefined;
  for (const paragraph of paragraphs) {
    if (closing.length > 0 || /^Nơi nhận\b/i.test(paragraph)) {
      closing.push(paragraph);
      continue;
    }
    const romanMatch = ROMAN.exec(paragraph);
    if (romanMatch?.[1] && romanMatch[2]) {
      [roman, part, number, item, letter] = [romanMatch[1], romanMatch[2], undefined, undefined, undefined];
      continue;
    }
    if (roman === undefined) {
      preamble.push(paragraph);
      continue;
    }
    let text: string | undefined = paragraph;
    const arabic = ARABIC.exec(paragraph);
    const lettered = LETTER.exec(paragraph);
    if (arabic?.[1] && arabic[2]) {
      number = arabic[1];
      letter = undefined;
      ({ heading: item, text } = splitHeading(arabic[2]));
    } else if (lettered?.[1] && lettered[2] && number !== undefined) {
      letter = lettered[1];
      const split = splitHeading(lettered[2]);
      if (split.heading) item = split.heading;
      text = split.text;
    }
    if (text === undefined) continue;
    const ref = [roman, number, letter].filter((x) => x !== undefined).join('.');
    body.push({ ref, ...(part ? { part } : {}), ...(item ? { item } : {}), text });
  }
  return { preamble, body, closing };
}

/** The Roman part that assigns the work: "TỔ CHỨC THỰC HIỆN" (or "TRÁCH NHIỆM THỰC HIỆN"). */
export function isExecutionPart(part: string | undefined): boolean {
  return part !== undefined && /(TỔ CHỨC|TRÁCH NHIỆM) THỰC HIỆN/i.test(part);
}
