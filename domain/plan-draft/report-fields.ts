import type { FormField } from '../plan/plan-shape';
import { capitalize, slugify } from './slug';

export type DraftField = Pick<FormField, 'key' | 'label' | 'type'> & { min?: number; max?: number; required?: boolean };

/** Where a sentence lists what a report must contain: "báo cáo …, gồm: số …, tỷ lệ …". */
export const FIELD_LIST = /\b(?:gồm|bao gồm)(?:\s+các\s+(?:nội dung|chỉ tiêu|thông tin|số liệu))?\s*:\s*/iu;

/** "số lượt tiếp công dân, tỷ lệ hồ sơ giải quyết đúng hạn (%) và những khó khăn, vướng mắc" → one field each. */
export function fieldsFromList(list: string): DraftField[] {
  const items = list
    .replace(/[.;]+\s*$/u, '')
    .split(/\s*[;,]\s*(?:và\s+)?|\s+và\s+(?=(?:số|tỷ lệ|những|các|kết quả|đề xuất|kiến nghị|đã)(?!\p{L}))/iu)
    .map((item) => item.replace(/^[-–+•]\s*/u, '').trim())
    .filter((item) => item.length > 0);
  const fields: DraftField[] = [];
  for (const item of items) {
    // "những khó khăn, vướng mắc", "số cuộc thanh tra, kiểm tra": a bare noun continues the previous item.
    const previous = fields.at(-1);
    if (previous && !/^(số|tỷ lệ|những|các|kết quả|đã|có)(?!\p{L})/iu.test(item)) {
      previous.label = `${previous.label}, ${item}`;
      previous.key = fieldKey(previous.label);
      continue;
    }
    fields.push(fieldOf(item));
  }
  return fields;
}

function fieldKey(label: string): string {
  return slugify(label.replace(/\(%\)/u, '')).split('-').slice(0, 8).join('-');
}

function fieldOf(item: string): DraftField {
  const label = capitalize(item);
  const key = fieldKey(item);
  if (/^tỷ lệ(?!\p{L})|\(%\)|phần trăm/iu.test(item)) return { key, label, type: 'percent', min: 0, max: 100 };
  if (/^số(?!\p{L})/iu.test(item)) return { key, label, type: 'integer', min: 0 };
  if (/^(đã|có)(?!\p{L})/iu.test(item)) return { key, label, type: 'boolean' };
  return { key, label, type: 'text' };
}

/** The usual outline of a Vietnamese report, when the plan lists no fields. */
export const REPORT_OUTLINE: readonly DraftField[] = [
  { key: 'ket-qua-dat-duoc', label: 'Kết quả đạt được', type: 'text', required: true },
  { key: 'han-che-nguyen-nhan', label: 'Hạn chế, nguyên nhân', type: 'text', required: true },
  { key: 'phuong-huong-nhiem-vu', label: 'Phương hướng, nhiệm vụ thời gian tới', type: 'text' },
  { key: 'kien-nghi-de-xuat', label: 'Kiến nghị, đề xuất', type: 'text' },
];
