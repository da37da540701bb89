/**
 * The names a Nghị định 30/2020 header and Nơi nhận print, derived from the plan's issuer and the supervising office:
 * "Ủy ban nhân dân huyện Ia Pa" → "UBND HUYỆN IA PA", "Phòng Nội vụ huyện" → "PHÒNG NỘI VỤ" and the code "PNV".
 */

const PEOPLES_COMMITTEE = /^(ủy|uỷ) ban nhân dân\b/iu;
const WORDS_LEFT_OUT_OF_CODES = new Set(['và', 'huyện', 'xã', 'tỉnh']);

/** The parent body (cơ quan chủ quản) line: capitals, "Ủy ban nhân dân" abbreviated as Phụ lục I allows. */
export function parentBodyLine(issuer: string): string {
  return upperVietnamese(abbreviateCommittee(issuer));
}

/** "Ủy ban nhân dân huyện Ia Pa" → "UBND huyện Ia Pa". */
export function abbreviateCommittee(name: string): string {
  return name.normalize('NFC').trim().replace(PEOPLES_COMMITTEE, 'UBND');
}

/**
 * The office's name as its own documents print it. A "Phòng … huyện" drops "huyện": under a "UBND HUYỆN …" parent line
 * the district is already said; "Thanh tra huyện" and "Văn phòng HĐND và UBND huyện" keep it, since it is part of the name.
 */
export function officeName(supervisorName: string): string {
  const name = supervisorName.normalize('NFC').trim();
  return /^phòng\s/iu.test(name) ? name.replace(/\s+huyện$/iu, '') : name;
}

/** The issuing body line under the parent: the office's name in capitals. */
export function issuingBodyLine(supervisorName: string): string {
  return upperVietnamese(officeName(supervisorName));
}

/**
 * The office's abbreviation for document codes and "Lưu: VT, …": the initials of its name ("Phòng Nội vụ" → "PNV",
 * "Phòng Giáo dục và Đào tạo" → "PGDĐT"). Each body fixes its own codes; Ia Pa's are unconfirmed (reference §4.2).
 */
export function officeCode(supervisorName: string): string {
  return officeName(supervisorName)
    .split(/[\s\-–]+/u)
    .filter((word) => word !== '' && !WORDS_LEFT_OUT_OF_CODES.has(word.toLocaleLowerCase('vi')))
    .map((word) => (isAbbreviation(word) ? word : withoutTones(word.charAt(0))))
    .join('')
    .toLocaleUpperCase('vi');
}

/** "Ủy ban nhân dân huyện Ia Pa" → "UBND huyện": how Nơi nhận names the leadership's body. */
export function leadershipBody(issuer: string, place: string): string {
  const abbreviated = abbreviateCommittee(issuer);
  const withoutPlace = abbreviated.endsWith(` ${place}`) ? abbreviated.slice(0, -place.length - 1) : abbreviated;
  return withoutPlace.trim();
}

export function upperVietnamese(text: string): string {
  return text.normalize('NFC').toLocaleUpperCase('vi');
}

/** "HĐND", "UBND": an abbreviation already, kept whole in a code. */
function isAbbreviation(word: string): boolean {
  return word.length > 1 && word === word.toLocaleUpperCase('vi');
}

/** Drops tone and vowel marks but keeps "Đ", as document codes do ("GDĐT"). */
function withoutTones(letter: string): string {
  return letter.normalize('NFD').replace(/\p{M}/gu, '').normalize('NFC');
}
