import { AlignmentType, BorderStyle, LineRuleType, Paragraph, TextRun, type IRunOptions } from 'docx';
import { STYLE } from './page-setup';

/**
 * What the office must write itself (its own assessment, the signer's name) is a bracketed, yellow-highlighted run:
 * visible on screen, impossible to miss when the draft is finished, and the rest of the document stays clean.
 */
export function placeholderRun(text: string, options: IRunOptions = {}): TextRun {
  return new TextRun({ ...options, text: `[${text}]`, highlight: 'yellow' });
}

/** `keepNext` holds a lead-in sentence on the page of the table it introduces. */
export function bodyParagraph(children: readonly (TextRun | string)[], keepNext = false): Paragraph {
  return new Paragraph({
    style: STYLE.body,
    ...(keepNext ? { keepNext: true } : {}),
    children: children.map((child) => (typeof child === 'string' ? new TextRun(child) : child)),
  });
}

/** "I. TÌNH HÌNH CHUNG", "1. Số liệu tổng hợp": bold, at the body's indent. */
export function headingParagraph(text: string): Paragraph {
  return new Paragraph({ style: STYLE.heading, children: [new TextRun(text)] });
}

export function placeholderParagraph(text: string): Paragraph {
  return bodyParagraph([placeholderRun(text)]);
}

/** A unit's written answer, one paragraph per line it wrote, the first led by the unit's name. */
export function answerParagraphs(unitName: string, text: string): Paragraph[] {
  const lines = text
    .split(/\r?\n/u)
    .map((line) => line.trim())
    .filter((line) => line !== '');
  return lines.map((line, index) =>
    bodyParagraph(index === 0 ? [new TextRun({ text: `- ${unitName}: `, italics: true }), line] : [line]),
  );
}

export function centredParagraph(runs: readonly TextRun[], spacingAfter = 0): Paragraph {
  return new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: spacingAfter }, children: [...runs] });
}

/**
 * A centred solid rule `width` twips long inside a space `available` twips wide: the bottom border of an empty, 4 pt
 * high paragraph narrowed by its indents (Phụ lục I draws rules under the issuing body, the Tiêu ngữ and the subject).
 * A bottom border, since LibreOffice draws the top border of so low a line across the descenders above it.
 */
export function ruleParagraph(width: number, available: number): Paragraph {
  const side = Math.max(0, Math.round((available - width) / 2));
  return new Paragraph({
    indent: { left: side, right: side },
    spacing: { before: 0, after: 0, line: 80, lineRule: LineRuleType.EXACT },
    border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 0 } },
    children: [new TextRun({ text: '', size: 2 })],
  });
}

/** A rough width of a line of Times New Roman, for sizing the rules under it (no font metrics at hand). */
export function estimatedTextWidth(text: string, halfPoints: number, bold: boolean): number {
  const emPerCharacter = text === text.toLocaleUpperCase('vi') ? (bold ? 0.7 : 0.66) : bold ? 0.47 : 0.44;
  return Math.round(text.length * emPerCharacter * halfPoints * 10);
}
