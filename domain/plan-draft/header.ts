import { capitalize, shorten, slugify, titleCaseWords } from './slug';

/** A value read from the document, or guessed (`guess` says how, `source` quotes the line it came from). */
export interface Read<T> {
  value: T;
  guess?: string;
  source?: string;
}

export interface DocumentHeader {
  issuer: Read<string>;
  /** "Ủy ban nhân dân huyện", "UBND huyện": the issuer's short form for titles. */
  issuerShort: string;
  place?: Read<string>;
  year?: number;
  issuedOn?: Read<string>;
  /** The document number; undefined when left blank ("Số: /KH-UBND"). */
  number?: string;
  /** "KH-UBND". */
  symbol?: string;
  title?: Read<string>;
  id: Read<string>;
  signer?: { name: string; title: string; source: string };
}

const LEVELS = 'huyện|tỉnh|xã|thị xã|thành phố|quận|phường|thị trấn';
const ISSUER_LINE = new RegExp(`^(?:ỦY|UỶ|Ủy|Uỷ) BAN NHÂN DÂN\\s+(${LEVELS.toUpperCase()})\\s+(.+)$`, 'u');
const ISSUER_IN_TEXT = new RegExp(`(?:Ủy|Uỷ) ban nhân dân (${LEVELS})(?!\\p{L})`, 'u');
const PLACE_DATE = /^([^,]{2,40}),\s*ngày\s*(\d{1,2})?\s*tháng\s*(\d{1,2})\s*năm\s*(\d{4})/u;
/** A blank day ("ngày  tháng 4") is guessed as the middle of the month. */
const BLANK_DAY = 15;

const pad = (n: number): string => String(n).padStart(2, '0');

export function readHeader(preamble: readonly string[], closing: readonly string[], fullText: string): DocumentHeader {
  const placeLine = preamble.find((line) => PLACE_DATE.test(line));
  const placeDate = placeLine ? PLACE_DATE.exec(placeLine) : null;
  const place = placeDate?.[1]?.trim();
  const month = placeDate?.[3] ? Number(placeDate[3]) : undefined;
  const year = placeDate?.[4] ? Number(placeDate[4]) : undefined;

  const issuerLine = preamble.find((line) => ISSUER_LINE.test(line));
  const issuerMatch = issuerLine ? ISSUER_LINE.exec(issuerLine) : null;
  let issuer: Read<string>;
  let level: string;
  if (issuerMatch?.[1] && issuerMatch[2]) {
    level = issuerMatch[1].toLocaleLowerCase('vi');
    issuer = { value: `Ủy ban nhân dân ${level} ${titleCaseWords(issuerMatch[2])}`, source: issuerLine };
  } else {
    const inText = ISSUER_IN_TEXT.exec(fullText);
    level = inText?.[1] ?? 'huyện';
    const sentence = inText ? sentenceAround(fullText, inText.index) : undefined;
    issuer = {
      value: `Ủy ban nhân dân ${level} ${place ?? '<điền tên địa bàn>'}`,
      guess: `văn bản không có dòng tên cơ quan ban hành: cấp «${level}» lấy từ câu dưới, địa danh lấy từ dòng địa điểm, ngày`,
      ...(sentence ? { source: sentence } : {}),
    };
  }

  let issuedOn: Read<string> | undefined;
  if (placeLine && month !== undefined) {
    issuedOn = placeDate?.[2]
      ? { value: `${pad(month)}-${pad(Number(placeDate[2]))}`, source: placeLine }
      : {
          value: `${pad(month)}-${pad(BLANK_DAY)}`,
          guess: `ngày ban hành để trống: lấy ngày ${BLANK_DAY} (giữa tháng); sửa theo ngày ký`,
          source: placeLine,
        };
  }

  const numberLine = preamble.find((line) => /^Số\s*:/u.test(line));
  const numberMatch = numberLine ? /^Số\s*:\s*([^/\s]*)\s*\/\s*(\S+)/u.exec(numberLine) : null;
  const title = readTitle(preamble);
  return {
    issuer,
    issuerShort: `UBND ${level}`,
    ...(place && placeLine ? { place: { value: place, source: placeLine } } : {}),
    ...(year !== undefined ? { year } : {}),
    ...(issuedOn ? { issuedOn } : {}),
    ...(numberMatch?.[1] ? { number: numberMatch[1] } : {}),
    ...(numberMatch?.[2] ? { symbol: numberMatch[2] } : {}),
    ...(title ? { title } : {}),
    id: planId(title?.value, place),
    ...readSigner(closing, `UBND ${level}${place ? ` ${place}` : ''}`),
  };
}

function sentenceAround(text: string, index: number): string {
  const start = Math.max(text.lastIndexOf('\n', index), text.lastIndexOf('. ', index) + 1, 0);
  const end = text.indexOf('\n', index);
  return shorten(text.slice(start, end < 0 ? undefined : end).trim());
}

/** "KẾ HOẠCH" then its subject line: "Kế hoạch triển khai … chính quyền" (the year dropped: the plan repeats yearly). */
function readTitle(preamble: readonly string[]): Read<string> | undefined {
  const index = preamble.findIndex((line) => /^KẾ HOẠCH$/u.test(line));
  const subject = index >= 0 ? preamble[index + 1] : undefined;
  if (!subject) return undefined;
  const text = subject.replace(/\s+năm\s+\d{4}$/u, '');
  return { value: `Kế hoạch ${text.charAt(0).toLocaleLowerCase('vi')}${text.slice(1)}`, source: subject };
}

/** "công tác Dân vận chính quyền" of Ia Pa → "dvcq-ia-pa": the initials of the subject and the place. */
function planId(title: string | undefined, place: string | undefined): Read<string> {
  const subject = title ? (/công tác\s+(.+)$/u.exec(title)?.[1] ?? title.replace(/^Kế hoạch\s+/u, '')) : 'ke hoach';
  const initials = slugify(subject)
    .split('-')
    .filter((word) => word.length > 0)
    .slice(0, 6)
    .map((word) => word.charAt(0))
    .join('');
  const value = [initials, place ? slugify(place) : ''].filter((part) => part.length > 0).join('-');
  return {
    value,
    guess: 'chữ đầu của chủ đề kế hoạch và địa danh; đổi nếu muốn',
    ...(title ? { source: subject } : {}),
  };
}

/** "TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH / Ksor Suy" → the signer's name and title. */
function readSigner(closing: readonly string[], issuer: string): Pick<DocumentHeader, 'signer'> {
  const start = closing.findIndex((line) => /^(TM|KT|Q)\.\s/u.test(line));
  if (start < 0) return {};
  const block = closing.slice(start);
  const roles = block.filter((line) => /^(?:(?:TM|KT|Q)\.\s+)?(?:PHÓ\s+)?CHỦ TỊCH$/u.test(line));
  const name = block.at(-1);
  const role = roles.at(-1)?.replace(/^(?:TM|KT|Q)\.\s+/u, '');
  if (!name || !role || name === role || /^(?:TM|KT|Q)\.|\p{Lu}{3,}/u.test(name)) return {};
  const title = `${capitalize(role.toLocaleLowerCase('vi')).replace('chủ tịch', 'Chủ tịch')} ${issuer}`;
  return { signer: { name, title, source: block.join(' / ') } };
}
