/**
 * The subject (trích yếu) under "BÁO CÁO", from the reported obligation's title: "Báo cáo kết quả thực hiện công tác
 * Dân vận chính quyền 6 tháng đầu năm" → "Kết quả thực hiện công tác Dân vận chính quyền 6 tháng đầu năm 2022".
 * The document type is already said above it, and a trailing note in brackets is the form's, not the subject's.
 */
export function reportSubject(obligationTitle: string, year: number): string {
  const title = obligationTitle
    .normalize('NFC')
    .trim()
    .replace(/^báo cáo\s+/iu, '')
    .replace(/\s*\([^)]*\)\s*$/u, '');
  const dated = /\bnăm$/u.test(title) ? `${title} ${year}` : title;
  return capitalise(dated);
}

/** The subject inside a sentence: "… báo cáo kết quả thực hiện …". */
export function subjectInSentence(subject: string): string {
  return subject.charAt(0).toLocaleLowerCase('vi') + subject.slice(1);
}

function capitalise(text: string): string {
  return text.charAt(0).toLocaleUpperCase('vi') + text.slice(1);
}
