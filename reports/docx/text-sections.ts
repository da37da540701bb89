import type { ReportField, TextIndicator } from '../../domain/report/consolidated-report';

/** The report's sections that gather units' written answers (II to V). */
export type TextSection = 'results' | 'shortcomings' | 'directions' | 'proposals';

/** Forms differ from plan to plan: a field goes to the section its key or label names, else to the results (II). */
const SECTION_WORDS: readonly { section: TextSection; words: readonly string[] }[] = [
  { section: 'shortcomings', words: ['han-che', 'ton-tai', 'kho-khan', 'vuong-mac'] },
  { section: 'directions', words: ['phuong-huong', 'nhiem-vu', 'ke-hoach-toi'] },
  { section: 'proposals', words: ['kien-nghi', 'de-xuat', 'de-nghi'] },
  { section: 'results', words: ['ket-qua'] },
];

/**
 * The key decides before the label, and within one of them the word said first wins: "ket-qua-thuc-hien-nhiem-vu" is
 * a result, "phuong-huong-nhiem-vu" a direction.
 */
export function textSectionOf(field: ReportField): TextSection {
  for (const text of [slug(field.key), slug(field.label)]) {
    let first: { section: TextSection; at: number } | undefined;
    for (const { section, words } of SECTION_WORDS) {
      for (const word of words) {
        const at = text.indexOf(word);
        if (at >= 0 && (first === undefined || at < first.at)) first = { section, at };
      }
    }
    if (first) return first.section;
  }
  return 'results';
}

export function textIndicatorsOf(indicators: readonly TextIndicator[], section: TextSection): TextIndicator[] {
  return indicators.filter((indicator) => textSectionOf(indicator.field) === section);
}

/** "Hạn chế, nguyên nhân" → "han-che-nguyen-nhan". */
function slug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/giu, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}
