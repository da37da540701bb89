import type { DuePhrase } from './date-phrases';
import { slugify } from './slug';

const NAME_STOP =
  /^(?:thực|hiện|việc|về|tại|của|cho|trong|trên|năm|đối|nhằm|để|theo|và|gửi|đến|ubnd|ủy|uỷ|các|đã|được|từ)$/iu;

/** "kế hoạch tự kiểm tra việc thực hiện" → "tu-kiem-tra": up to `max` words, stopping at a function word. */
export function nameWords(text: string, max = 4): string {
  const words: string[] = [];
  // "phòng, chống" is one verb: its comma does not end the name.
  for (const word of text
    .replace(/phòng,\s*chống/giu, 'phòng chống')
    .trim()
    .split(/\s+/u)) {
    const clean = word.replace(/[“”"()]/gu, '');
    if (NAME_STOP.test(clean) || /^\d/u.test(clean) || clean.length === 0) break;
    words.push(clean.replace(/[,.;:]$/u, ''));
    if (/[,.;:]$/u.test(clean) || words.length >= max) break;
  }
  return slugify(words.join(' '));
}
/** The words of a clause from `start` up to its first due phrase, without the date's leftovers. */
export function titleText(clause: string, start: number, dues: readonly DuePhrase[]): string {
  const positions = dues.map((due) => clause.indexOf(due.phrase)).filter((at) => at >= start);
  const end = positions.length > 0 ? Math.min(...positions) : clause.length;
  let text = clause.slice(start, end);
  for (const due of dues) text = text.replace(due.phrase, ' ');
  return text
    .replace(/\s*\(\s*\)/gu, '')
    .replace(/\s+/gu, ' ')
    .replace(/[\s,.;:]+$/u, '')
    .replace(/,?\s+(?:hoàn thành|thực hiện xong|xong|định kỳ|hằng|hàng)$/u, '')
    .trim();
}
