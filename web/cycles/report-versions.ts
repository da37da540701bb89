import type { ReportRecord } from '../../storage/report-store';

/** One aggregation's files: `bao-cao-6-thang-202205120800[-final].{docx,csv,…}`. */
export interface ReportVersion {
  /** The file name without its extension. */
  base: string;
  obligationId: string;
  /** The aggregation instant (ISO, plan time). */
  at: string;
  final: boolean;
  files: { name: string; format: string; size: number }[];
  /** A submission arrived after this version was made: its numbers are out of date. */
  stale: boolean;
}

const NAME = /^(?<obligation>[a-z0-9-]+?)-(?<stamp>\d{12})(?<final>-final)?\.(?<format>[a-z]+)$/;

/**
 * The stored report files grouped into versions, the newest first. A version is stale when the obligation's latest
 * submission (`latestSubmissionAt`, ISO) came after it.
 */
export function reportVersions(
  records: readonly ReportRecord[],
  latestSubmissionAt: ReadonlyMap<string, string>,
): ReportVersion[] {
  const versions = new Map<string, ReportVersion>();
  for (const record of records) {
    const groups = NAME.exec(record.name)?.groups;
    if (!groups) continue;
    const { obligation = '', stamp = '', format = '' } = groups;
    const base = record.name.slice(0, -(format.length + 1));
    let version = versions.get(base);
    if (!version) {
      const at = `${stamp.slice(0, 4)}-${stamp.slice(4, 6)}-${stamp.slice(6, 8)}T${stamp.slice(8, 10)}:${stamp.slice(10, 12)}:00+07:00`;
      const latest = latestSubmissionAt.get(obligation);
      version = {
        base,
        obligationId: obligation,
        at,
        final: groups.final !== undefined,
        files: [],
        stale: latest !== undefined && Date.parse(latest) > Date.parse(at),
      };
      versions.set(base, version);
    }
    // Records come newest first: the first of a name is the one served.
    if (!version.files.some((f) => f.name === record.name)) {
      version.files.push({ name: record.name, format, size: record.size });
    }
  }
  const order = ['docx', 'xlsx', 'csv', 'html', 'json'];
  for (const version of versions.values()) {
    version.files.sort((a, b) => order.indexOf(a.format) - order.indexOf(b.format));
  }
  return [...versions.values()].sort(
    (a, b) => Date.parse(b.at) - Date.parse(a.at) || Number(b.final) - Number(a.final),
  );
}
