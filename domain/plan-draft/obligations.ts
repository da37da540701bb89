import type { UnitKind } from '../plan/plan-shape';
import { CONSOLIDATION, consolidationObligations } from './consolidation';
import { duePhrases, type DraftDue, type DuePhrase, type Period } from './date-phrases';
import { sentences } from './document-text';
import { nameWords, titleText } from './obligation-words';
import { FIELD_LIST, fieldsFromList, type DraftField } from './report-fields';
import { isExecutionPart, type Block } from './sections';
import { capitalize, shorten, slugify } from './slug';
import { collectiveKinds, splitUnitNames, unitFromName, type NamedUnit } from './unit-names';

export interface DraftAppliesTo {
  kinds?: UnitKind[];
  units?: string[];
}

export interface DraftObligation {
  id: string;
  title: string;
  appliesTo: DraftAppliesTo;
  /** undefined: the text gives no date and none can be guessed; the draft asks for one. */
  due?: DraftDue;
  deliverable: 'document' | 'report';
  period?: Period;
  /** Fields the text lists for a report. */
  fields?: DraftField[];
  /** "III.4: «…»": where it was read. */
  source: string;
  guesses: { due?: string; appliesTo?: string; title?: string };
}

export interface ReadObligations {
  obligations: DraftObligation[];
  /** Units named by the execution part's headings, in order. */
  units: { unit: NamedUnit; source: string }[];
  /** The unit that "theo dõi … tổng hợp", with the sentence that says so. */
  supervisor?: { id: string; source: string };
}

const DOCUMENT_VERB =
  /\b(?:xây dựng(?:\s+và\s+ban hành|,\s*ban hành)?|ban hành|gửi|nộp|trình)\s+(?:các\s+|bản\s+)?(kế hoạch|văn bản|đề án|chương trình|dự thảo)\b(?!\s+này)/iu;
const REPORT_VERB = /\b(?:gửi|nộp|có)?\s*báo cáo\b/iu;
/** The defaults for a document without a date: an implementation plan comes first, everything else later. */
const UNDATED_IMPLEMENTATION_DAYS = 15;
const UNDATED_DOCUMENT_DAYS = 30;

function clausesOf(sentence: string): { clauses: string[]; fields?: DraftField[] } {
  const list = FIELD_LIST.exec(sentence);
  const head = list ? sentence.slice(0, list.index) : sentence;
  const clauses = head.split(/\s*;\s*/u).filter((clause) => clause.length > 0);
  if (!list) return { clauses };
  const fields = fieldsFromList(sentence.slice(list.index + list[0].length));
  // The fields belong to the report of the clause that lists them.
  const last = clauses.length - 1;
  clauses[last] = `${clauses[last] ?? ''} ${list[0].trim()}`;
  return { clauses, ...(fields.length > 0 ? { fields } : {}) };
}

interface Subject {
  appliesTo: DraftAppliesTo;
  guess?: string;
  /** Ids of the named units the clause's block is about (for ids like "thanh-tra-…"). */
  named: string[];
}

function subjectOf(prefix: string, block: Block, headingUnits: readonly NamedUnit[]): Subject {
  const own = collectiveKinds(prefix);
  if (own) return { appliesTo: { kinds: own }, named: [] };
  if (headingUnits.length > 0) {
    return { appliesTo: { units: headingUnits.map((unit) => unit.id) }, named: headingUnits.map((unit) => unit.id) };
  }
  const heading = block.item && isExecutionPart(block.part) ? collectiveKinds(block.item) : undefined;
  if (heading) return { appliesTo: { kinds: heading }, named: [] };
  return {
    appliesTo: { kinds: ['department', 'public-service-unit', 'commune'] },
    guess: 'câu không nói ai thực hiện: giao cho mọi loại đơn vị',
    named: [],
  };
}

export function readObligations(blocks: readonly Block[]): ReadObligations {
  const obligations: DraftObligation[] = [];
  const units: ReadObligations['units'] = [];
  const consolidations: { unit: string; source: string; dues: DuePhrase[]; clause: string }[] = [];
  let supervisor: ReadObligations['supervisor'];
  const seenHeadings = new Set<string>();

  for (const block of blocks) {
    const execution = isExecutionPart(block.part);
    const headingUnits = execution && block.item ? headingUnitsOf(block.item) : [];
    if (execution && block.item && !seenHeadings.has(block.item)) {
      seenHeadings.add(block.item);
      for (const unit of headingUnits) units.push({ unit, source: `${block.ref}: «${block.item}»` });
    }
    for (const sentence of sentences(block.text)) {
      const source = `${block.ref}: «${shorten(sentence, 200)}»`;
      if (execution && headingUnits.length === 1 && /theo dõi/iu.test(sentence) && CONSOLIDATION.test(sentence)) {
        supervisor ??= { id: headingUnits[0]?.id ?? '', source };
      }
      const { clauses, fields } = clausesOf(sentence);
      clauses.forEach((clause, index) => {
        const quoted = clauses.length === 1 ? source : `${block.ref}: «${shorten(clause, 200)}»`;
        const dues = duePhrases(clause);
        const document = DOCUMENT_VERB.exec(clause);
        const consolidation = CONSOLIDATION.exec(clause);
        const report = REPORT_VERB.exec(clause);
        const clauseFields = index === clauses.length - 1 ? fields : undefined;
        if (consolidation && execution && headingUnits.length === 1 && !document) {
          consolidations.push({ unit: headingUnits[0]?.id ?? '', source: quoted, dues, clause });
          return;
        }
        if (document && (execution || dues.length > 0)) {
          const subject = subjectOf(clause.slice(0, document.index), block, headingUnits);
          obligations.push(...documentObligations(clause, document, dues, subject, quoted));
        } else if (report && dues.length > 0) {
          const subject = subjectOf(clause.slice(0, report.index), block, headingUnits);
          obligations.push(...reportObligations(clause, report, dues, subject, quoted, clauseFields));
        }
      });
    }
  }
  // Without "theo dõi", the first unit that consolidates reports is the one that follows the plan.
  const first = consolidations[0];
  if (!supervisor && first) supervisor = { id: first.unit, source: first.source };
  const reports = [...obligations];
  for (const consolidation of consolidations) {
    // An undated consolidation follows the units' reports; only the supervisor receives them.
    if (consolidation.dues.length === 0 && consolidation.unit !== supervisor?.id) continue;
    obligations.push(...consolidationObligations(consolidation, reports));
  }
  return { obligations: uniqueIds(obligations), units: uniqueUnits(units), ...(supervisor ? { supervisor } : {}) };
}

function headingUnitsOf(heading: string): NamedUnit[] {
  return splitUnitNames(heading).flatMap((name) => unitFromName(name) ?? []);
}

function documentObligations(
  clause: string,
  verb: RegExpExecArray,
  dues: readonly DuePhrase[],
  subject: Subject,
  source: string,
): DraftObligation[] {
  const noun = slugify(verb[1] ?? 'kế hoạch');
  const after = clause.slice(verb.index + verb[0].length);
  const what = nameWords(after);
  const topic = subject.named.length === 1 ? nameWords(/công tác\s+(.+)$/iu.exec(after)?.[1] ?? '', 2) : '';
  const prefix = subject.named.length === 1 ? (subject.named[0] ?? '').replace(/-huyen$/u, '') : '';
  const id = [prefix, noun, what, topic].filter((part) => part.length > 0).join('-');
  const title = capitalize(titleText(clause, verb.index, dues));
  const base = {
    id,
    title,
    appliesTo: subject.appliesTo,
    deliverable: 'document' as const,
    source,
    guesses: subject.guess ? { appliesTo: subject.guess } : {},
  };
  if (dues.length === 0) {
    const implementation = /triển khai/iu.test(after.split(/[,;]/u)[0] ?? '');
    const days = implementation ? UNDATED_IMPLEMENTATION_DAYS : UNDATED_DOCUMENT_DAYS;
    const why = implementation ? 'kế hoạch triển khai cần có sớm' : 'để đơn vị có thời gian chuẩn bị';
    return [
      {
        ...base,
        due: { daysAfterIssue: days },
        guesses: { ...base.guesses, due: `văn bản không ghi hạn: ${days} ngày kể từ ngày ban hành (${why})` },
      },
    ];
  }
  return dues.map((due) => ({
    ...base,
    id: due.period ? `${id}-${due.period.slug}` : id,
    due: due.due,
    ...(due.period ? { period: due.period } : {}),
    guesses: { ...base.guesses, ...(due.guess ? { due: due.guess } : {}) },
  }));
}

function reportObligations(
  clause: string,
  verb: RegExpExecArray,
  dues: readonly DuePhrase[],
  subject: Subject,
  source: string,
  fields: DraftField[] | undefined,
): DraftObligation[] {
  const after = titleText(clause, verb.index + verb[0].length, dues);
  const rest = clause.slice(verb.index + verb[0].length);
  const stripped = dues.reduce((text, due) => text.replace(due.phrase, ' '), rest).replace(FIELD_LIST, ' ');
  const about = (/\bvề\s+([^(;:]+)/u.exec(stripped)?.[1] ?? after.replace(FIELD_LIST, ''))
    // "… đến UBND huyện": the recipient is not part of the report's name.
    .replace(/\s+(?:gửi|đến|cho)\s+(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân|Thanh tra|Phòng|Văn phòng)\b.*$/u, '')
    .replace(/[\s,]+$/u, '')
    .trim();
  const what = nameWords(after, /^(kết quả|tình hình|tiến độ)(?!\p{L})/iu.test(after) ? 2 : 3);
  return dues.map((due) => {
    const period = due.period;
    const id = ['bao-cao', period?.slug ?? (what || undefined)].filter(Boolean).join('-');
    const title = ['Báo cáo', period?.label, about.length > 0 ? (period ? `về ${about}` : about) : undefined]
      .filter(Boolean)
      .join(' ')
      .replace(/\s+gồm$/u, '');
    return {
      id,
      title,
      appliesTo: subject.appliesTo,
      due: due.due,
      deliverable: 'report' as const,
      ...(period ? { period } : {}),
      ...(fields ? { fields } : {}),
      source,
      guesses: { ...(subject.guess ? { appliesTo: subject.guess } : {}), ...(due.guess ? { due: due.guess } : {}) },
    };
  });
}

function uniqueIds(obligations: DraftObligation[]): DraftObligation[] {
  const seen = new Map<string, number>();
  return obligations.map((obligation) => {
    const count = (seen.get(obligation.id) ?? 0) + 1;
    seen.set(obligation.id, count);
    return count === 1 ? obligation : { ...obligation, id: `${obligation.id}-${count}` };
  });
}

function uniqueUnits(units: ReadObligations['units']): ReadObligations['units'] {
  const seen = new Set<string>();
  return units.filter(({ unit }) => !seen.has(unit.id) && seen.add(unit.id));
}
