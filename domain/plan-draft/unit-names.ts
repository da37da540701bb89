import { UNIT_KINDS, type UnitKind } from '../plan/plan-shape';
import { slugify } from './slug';

export interface NamedUnit {
  id: string;
  name: string;
  kind: UnitKind;
  /** The usual title of the unit's head, e.g. "Trưởng phòng". */
  headTitle: string;
}

const UNIT_START =
  /^(Phòng|Thanh tra|Văn phòng|Trung tâm|Ban|Đài|Hạt|Đội|(?:Ủy|Uỷ) ban nhân dân (?:xã|thị trấn|phường)|UBND (?:xã|thị trấn|phường))\s+\S/u;

const KINDS: readonly [RegExp, UnitKind, string][] = [
  [/^Phòng\b/u, 'department', 'Trưởng phòng'],
  [/^Thanh tra\b/u, 'department', 'Chánh Thanh tra'],
  [/^Văn phòng\b/u, 'department', 'Chánh Văn phòng'],
  [/^Trung tâm\b/u, 'public-service-unit', 'Giám đốc'],
  [/^(Ban|Đài|Hạt|Đội)\b/u, 'public-service-unit', 'Trưởng ban'],
  [/^(?:(?:Ủy|Uỷ) ban nhân dân|UBND)\s+(?:xã|thị trấn|phường)(?!\p{L})/u, 'commune', 'Chủ tịch UBND xã'],
];

/** "Phòng Văn hoá - Thông tin và Trung tâm VH TT - Thể thao huyện" → the two names. */
export function splitUnitNames(heading: string): string[] {
  const parts = heading.split(/(\s*,\s*|\s+và\s+)/u);
  const names: string[] = [parts[0] ?? ''];
  for (let i = 1; i + 1 < parts.length; i += 2) {
    const [separator, piece] = [parts[i] ?? '', parts[i + 1] ?? ''];
    // "Phòng Tài nguyên và Môi trường": a piece that does not start a unit name belongs to the previous one.
    if (UNIT_START.test(piece)) names.push(piece);
    else names[names.length - 1] += separator + piece;
  }
  return names.filter((name) => UNIT_START.test(name));
}

/** The id of a unit: its name without the trailing "huyện", abbreviated the way the name itself abbreviates. */
export function unitId(name: string): string {
  const base = name.replace(/\s+(huyện|tỉnh|thị xã|thành phố|quận)$/u, '');
  const generic = /^(Thanh tra|Văn phòng)$/u.test(base);
  const core = (generic ? name : base).replace(/^(?:(?:Ủy|Uỷ) ban nhân dân|UBND)\s+/u, '');
  const usesAbbreviations = /(?<!\p{L})\p{Lu}{2,}(?!\p{L})/u.test(core);
  if (!usesAbbreviations) return slugify(core);
  // "Trung tâm VH TT - Thể thao": the spelled-out part is shortened to initials like the rest ("tt").
  const segments = core.split(/\s+-\s+/u).map((segment, i) =>
    i === 0 || /(?<!\p{L})\p{Lu}{2,}(?!\p{L})/u.test(segment)
      ? segment
      : segment
          .split(/\s+/u)
          .map((word) => word.charAt(0))
          .join(''),
  );
  return slugify(segments.join(' '));
}

export function unitFromName(name: string): NamedUnit | undefined {
  const rule = KINDS.find(([pattern]) => pattern.test(name));
  if (!rule) return undefined;
  return { id: unitId(name), name, kind: rule[1], headTitle: rule[2] };
}

/**
 * "các cơ quan, đơn vị, địa phương", "Thủ trưởng các cơ quan, đơn vị, Chủ tịch UBND các xã": the kinds of unit a
 * collective phrase addresses, in the plan's order; undefined when the text names no collective.
 */
export function collectiveKinds(text: string): UnitKind[] | undefined {
  const collective = /\bcác\s+((?:cơ quan|phòng|ban|đơn vị|xã|thị trấn|địa phương|UBND|Ủy ban nhân dân)[^.;:]*)/iu.exec(
    text,
  );
  if (!collective) return undefined;
  const words = text.slice(collective.index);
  const kinds = new Set<UnitKind>();
  if (/cơ quan|phòng,? ban|các phòng/iu.test(words)) kinds.add('department');
  if (/đơn vị/iu.test(words)) kinds.add('public-service-unit');
  if (/\bxã(?!\p{L})|thị trấn|địa phương/iu.test(words)) kinds.add('commune');
  return kinds.size > 0 ? UNIT_KINDS.filter((kind) => kinds.has(kind)) : undefined;
}
