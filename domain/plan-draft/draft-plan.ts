import type { UnitKind } from '../plan/plan-shape';
import { UNIT_KINDS } from '../plan/plan-shape';
import { documentParagraphs } from './document-text';
import { readHeader, type DocumentHeader, type Read } from './header';
import { readObligations, type DraftObligation, type ReadObligations } from './obligations';
import { placeholder } from './placeholder';
import { REPORT_OUTLINE } from './report-fields';
import { splitDocument } from './sections';

export type NotePath = (string | number)[];

/** A comment for the admin at a path of the draft: where a value came from, or that it was guessed. */
export interface DraftNote {
  path: NotePath;
  kind: 'source' | 'guess';
  text: string;
}

export interface PlanDraft {
  /** The plan file's content, in the order it is written; placeholders are `<điền …>` strings. */
  plan: Record<string, unknown>;
  notes: DraftNote[];
  /** Units the document names itself (not the placeholders added for collectives). */
  namedUnits: string[];
}

/** Days between a report's due date and its aggregation, when the plan says nothing. */
const AGGREGATE_WORKING_DAYS = 2;

const KIND_PLACEHOLDERS: Record<UnitKind, { id: string; name: string; title: string; words: string }> = {
  department: { id: 'id phòng', name: `Phòng ${placeholder('tên phòng')}`, title: 'Trưởng phòng', words: 'cơ quan' },
  'public-service-unit': {
    id: 'id đơn vị',
    name: placeholder('tên đơn vị sự nghiệp'),
    title: 'Giám đốc',
    words: 'đơn vị',
  },
  commune: { id: 'id xã', name: `UBND xã ${placeholder('tên xã')}`, title: 'Chủ tịch UBND xã', words: 'xã' },
};

function contact(title: string): Record<string, string> {
  return {
    name: placeholder('họ tên'),
    title,
    email: placeholder('email'),
    phone: placeholder('số điện thoại'),
  };
}

function readNote(path: NotePath, read: Read<unknown> | undefined): DraftNote[] {
  if (!read) return [];
  if (read.guess) return [{ path, kind: 'guess', text: read.source ? `${read.guess} — «${read.source}»` : read.guess }];
  return read.source ? [{ path, kind: 'source', text: `«${read.source}»` }] : [];
}

function reference(header: DocumentHeader): string {
  const number = header.number ?? placeholder('số');
  const symbol = header.symbol ?? 'KH';
  const date = header.issuedOn
    ? header.issuedOn.guess
      ? `${placeholder('ngày')}/${header.issuedOn.value.slice(0, 2)}/${header.year ?? placeholder('năm')}`
      : `${header.issuedOn.value.slice(3)}/${header.issuedOn.value.slice(0, 2)}/${header.year ?? placeholder('năm')}`
    : placeholder('ngày ban hành dd/MM/yyyy');
  return `Kế hoạch số ${number}/${symbol} ngày ${date} của ${header.issuer.value}`;
}

/** A plan document's text → a plan file draft, with a note for every value read or guessed. */
export function draftPlan(text: string): PlanDraft {
  const paragraphs = documentParagraphs(text);
  const parts = splitDocument(paragraphs);
  const header = readHeader(parts.preamble, parts.closing, paragraphs.join('\n'));
  const read = readObligations(parts.body);
  const notes: DraftNote[] = [];

  const plan: Record<string, unknown> = { id: header.id.value };
  notes.push(...readNote(['id'], header.id));
  plan.title = header.title?.value ?? placeholder('tên kế hoạch');
  notes.push(...readNote(['title'], header.title));
  plan.reference = reference(header);
  plan.issuer = header.issuer.value;
  notes.push(...readNote(['issuer'], header.issuer));
  if (header.place) {
    plan.place = header.place.value;
    notes.push(...readNote(['place'], header.place));
  }
  if (header.issuedOn) {
    plan.issuedOn = header.issuedOn.value;
    notes.push(...readNote(['issuedOn'], header.issuedOn));
  }
  plan.timezone = 'Asia/Ho_Chi_Minh';
  plan.supervisor = read.supervisor?.id ?? placeholder('id đơn vị theo dõi, tổng hợp');
  notes.push(
    read.supervisor
      ? { path: ['supervisor'], kind: 'guess', text: `đơn vị «theo dõi … tổng hợp» — ${read.supervisor.source}` }
      : { path: ['supervisor'], kind: 'source', text: 'văn bản không nói đơn vị nào theo dõi, tổng hợp' },
  );
  if (header.signer) {
    plan.leadership = [{ ...contact(header.signer.title), name: header.signer.name }];
    notes.push({ path: ['leadership', 0], kind: 'source', text: `người ký: «${header.signer.source}»` });
  }
  plan.units = units(read, notes);
  plan.obligations = read.obligations.map((obligation, i) => obligationEntry(obligation, i, notes));
  const forms = formsOf(read.obligations, notes);
  if (Object.keys(forms).length > 0) plan.forms = forms;
  return { plan, notes, namedUnits: read.units.map(({ unit }) => unit.id) };
}

function units(read: ReadObligations, notes: DraftNote[]): Record<string, unknown>[] {
  const entries: Record<string, unknown>[] = read.units.map(({ unit, source }, i) => {
    notes.push({ path: ['units', i], kind: 'source', text: `nêu tên ở ${source}` });
    return { id: unit.id, name: unit.name, kind: unit.kind, head: contact(unit.headTitle) };
  });
  const named = new Set(read.units.map(({ unit }) => unit.kind));
  const wanted = new Set(read.obligations.flatMap((obligation) => obligation.appliesTo.kinds ?? []));
  for (const kind of UNIT_KINDS.filter((k) => wanted.has(k) && !named.has(k))) {
    const blank = KIND_PLACEHOLDERS[kind];
    notes.push({
      path: ['units', entries.length],
      kind: 'source',
      text: `văn bản chỉ nói «các ${blank.words}» mà không kể tên: thêm một mục như thế này cho mỗi ${blank.words}`,
    });
    entries.push({ id: placeholder(blank.id), name: blank.name, kind, head: contact(blank.title) });
  }
  return entries;
}

function obligationEntry(obligation: DraftObligation, i: number, notes: DraftNote[]): Record<string, unknown> {
  notes.push({ path: ['obligations', i], kind: 'source', text: obligation.source });
  if (obligation.guesses.appliesTo) {
    notes.push({ path: ['obligations', i, 'appliesTo'], kind: 'guess', text: obligation.guesses.appliesTo });
  }
  if (obligation.guesses.due)
    notes.push({ path: ['obligations', i, 'due'], kind: 'guess', text: obligation.guesses.due });
  const entry: Record<string, unknown> = {
    id: obligation.id,
    title: obligation.title,
    appliesTo: obligation.appliesTo,
    due: obligation.due ?? { date: placeholder('hạn MM-DD') },
    deliverable: obligation.deliverable,
  };
  if (obligation.deliverable === 'report') {
    entry.form = formId(obligation);
    entry.aggregate = { workingDaysAfterDue: AGGREGATE_WORKING_DAYS };
    notes.push({
      path: ['obligations', i, 'aggregate'],
      kind: 'guess',
      text: `tổng hợp ${AGGREGATE_WORKING_DAYS} ngày làm việc sau hạn báo cáo`,
    });
  }
  return entry;
}

/** The reports of one repeating period share a form: bao-cao-quy-1 … bao-cao-quy-4 → bao-cao-quy. */
function formId(obligation: DraftObligation): string {
  return obligation.id.replace(/-(quy|thang)-\d+$/u, '-$1');
}

function formsOf(obligations: readonly DraftObligation[], notes: DraftNote[]): Record<string, unknown> {
  const forms: Record<string, unknown> = {};
  for (const obligation of obligations.filter((o) => o.deliverable === 'report')) {
    const id = formId(obligation);
    if (forms[id]) continue;
    if (!obligation.fields) {
      notes.push({
        path: ['forms', id],
        kind: 'guess',
        text: 'văn bản không liệt kê nội dung báo cáo: dùng dàn ý báo cáo thông thường',
      });
    }
    forms[id] = { fields: (obligation.fields ?? REPORT_OUTLINE).map((field) => ({ ...field })) };
  }
  return forms;
}
