/** Vietnamese text → an ASCII id: "Phòng Nội vụ" → "phong-noi-vu" (đ → d, diacritics dropped). */
export function slugify(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** "ỦY BAN NHÂN DÂN HUYỆN IA PA" → "Ủy Ban Nhân Dân Huyện Ia Pa": each word capitalised. */
export function titleCaseWords(text: string): string {
  return text
    .toLocaleLowerCase('vi')
    .split(/\s+/)
    .map((word) => word.charAt(0).toLocaleUpperCase('vi') + word.slice(1))
    .join(' ');
}

export function capitalize(text: string): string {
  return text.charAt(0).toLocaleUpperCase('vi') + text.slice(1);
}

/** A sentence shortened for a comment: whole words, an ellipsis when cut. */
export function shorten(text: string, max = 160): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max / 2)).trimEnd()} …`;
}
