import { Document, isMap, isPair, isScalar, isSeq, visit, type Node } from 'yaml';
import type { DraftNote, NotePath, PlanDraft } from './draft-plan';
import { isPlaceholder } from './placeholder';

/** Keys whose small maps read best on one line: `due: {date: "05-10"}`. */
const FLOW_KEYS = new Set(['appliesTo', 'due', 'aggregate']);

const PREAMBLE = [
  ' Bản nháp do `dondoc plan draft` tạo từ văn bản kế hoạch (quy tắc, không dùng dịch vụ ngoài).',
  ' «ĐOÁN»: giá trị suy ra, cần kiểm tra lại. «CẦN ĐIỀN»: văn bản không có, phải điền trước khi dùng.',
  ' Kiểm tra: dondoc plan validate <tệp này>',
];

function noteText(note: DraftNote): string {
  return note.kind === 'guess' ? ` ĐOÁN: ${note.text}` : ` ${note.text}`;
}

/** The node a note is written before: the key of a map entry, or the item of a list. */
function anchorOf(doc: Document, path: NotePath): { commentBefore?: string | null } | undefined {
  const parent = path.length > 1 ? doc.getIn(path.slice(0, -1), true) : doc.contents;
  const last = path.at(-1);
  if (typeof last === 'number' && isSeq(parent)) return parent.items[last] as Node | undefined;
  if (isMap(parent)) {
    const pair = parent.items.find((item) => isScalar(item.key) && item.key.value === last);
    return pair && isScalar(pair.key) ? pair.key : undefined;
  }
  return undefined;
}

/** The draft as a YAML plan file: notes as comments, placeholders quoted and marked, what is left at the end. */
export function renderDraft(draft: PlanDraft, remaining: readonly string[]): string {
  const doc = new Document(draft.plan, { aliasDuplicateObjects: false });
  visit(doc, {
    Pair(_, pair) {
      if (isScalar(pair.key) && pair.key.value === 'fields' && isSeq(pair.value)) {
        for (const field of pair.value.items) if (isMap(field)) field.flow = true;
      }
      if (isScalar(pair.key) && FLOW_KEYS.has(String(pair.key.value)) && isMap(pair.value)) {
        const placeholderInside = pair.value.items.some(
          (item) => isPair(item) && isScalar(item.value) && isPlaceholder(item.value.value),
        );
        if (!placeholderInside) pair.value.flow = true;
      }
    },
    Scalar(_, scalar) {
      if (isPlaceholder(scalar.value)) {
        scalar.type = 'QUOTE_DOUBLE';
        scalar.comment = ' CẦN ĐIỀN';
      } else if (typeof scalar.value === 'string' && /^(?:\d{4}-)?\d{2}-\d{2}$/u.test(scalar.value)) {
        scalar.type = 'QUOTE_DOUBLE';
      }
    },
  });
  const grouped = new Map<string, { path: NotePath; texts: string[] }>();
  for (const note of draft.notes) {
    const key = JSON.stringify(note.path);
    const group = grouped.get(key) ?? { path: note.path, texts: [] };
    group.texts.push(noteText(note));
    grouped.set(key, group);
  }
  for (const { path, texts } of grouped.values()) {
    const anchor = anchorOf(doc, path);
    if (anchor) anchor.commentBefore = [anchor.commentBefore, ...texts].filter(Boolean).join('\n');
  }
  doc.commentBefore = PREAMBLE.join('\n');
  doc.comment =
    remaining.length === 0
      ? ' Bản nháp hợp lệ.'
      : [' Còn phải điền trước khi dùng:', ...remaining.map((line) => `   ${line}`)].join('\n');
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false });
}
