import { calendarStripSvg } from '../../../web/charts/calendar-strip';
import { lateUnitsSvg } from '../../../web/charts/late-units';
import { obligationBarsSvg } from '../../../web/charts/obligation-bars';
import { progressLineSvg } from '../../../web/charts/progress-line';
import { escapeXml } from '../../../web/charts/svg';
import { cycleCharts } from '../../../web/cycles/cycle-charts';
import { fixtureInput } from './chart-fixtures';
import { findAll, parseXml, textOf, type XmlElement } from './xml-tree';

const charts = cycleCharts(fixtureInput());

/** The root's accessibility and scaling attributes, and that every `url(#…)` names a pattern of the same SVG. */
function expectAccessibleRoot(svg: XmlElement, id: string): void {
  expect(svg.name).toBe('svg');
  expect(svg.attrs).toMatchObject({ id, role: 'img', width: '100%', xmlns: 'http://www.w3.org/2000/svg' });
  expect(svg.attrs.viewBox).toMatch(/^0 0 (420|480) \d+(\.\d+)?$/);
  expect(svg.attrs.height).toBeUndefined();
  expect(svg.children.slice(0, 2).map((c) => [c.name, c.attrs.id])).toEqual([
    ['title', `${id}-title`],
    ['desc', `${id}-desc`],
  ]);
  expect(svg.attrs['aria-labelledby']).toBe(`${id}-title ${id}-desc`);
  const patterns = new Set(findAll(svg, (e) => e.name === 'pattern').map((p) => p.attrs.id));
  for (const element of findAll(svg, (e) => (e.attrs.fill ?? '').startsWith('url(')))
    expect(patterns).toContain(/^url\(#(.+)\)$/.exec(element.attrs.fill ?? '')?.[1]);
}

/** The `data-count` of each segment under `scope`, by its `data-state`. */
function counted(scope: XmlElement): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const e of findAll(scope, (e) => e.attrs['data-count'] !== undefined))
    counts[e.attrs['data-state'] ?? ''] = Number(e.attrs['data-count']);
  return counts;
}

describe('the SVG pictures', () => {
  it('escapes text for XML', () => {
    expect(escapeXml(`<a href="x">Tom & 'Jerry'</a>`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/a&gt;',
    );
  });

  it('per obligation: one bar whose segments carry the counts, numbered where they fit', () => {
    const svg = parseXml(obligationBarsSvg(charts.obligations));
    expectAccessibleRoot(svg, 'chart-obligations');
    const bars = findAll(svg, (e) => e.attrs['data-obligation'] !== undefined);
    expect(bars.map((bar) => [bar.attrs['data-obligation'], bar.attrs['data-total'], counted(bar)])).toEqual([
      ['ke-hoach', '5', { 'submitted-on-time': 3, 'submitted-late': 1, waived: 1 }],
      ['bao-cao', '4', { 'submitted-late': 1, overdue: 2, waived: 1 }],
      ['tong-ket', '5', { pending: 5 }],
    ]);
    // Segments fill the bar exactly.
    for (const bar of bars) {
      const widths = findAll(bar, (e) => e.name === 'rect').map((r) => Number(r.attrs.width));
      expect(widths.reduce((a, b) => a + b, 0)).toBeCloseTo(420 - 16 - 44, 1);
    }
    const numbers = findAll(bars[0] as XmlElement, (e) => e.name === 'text').map(textOf);
    expect(numbers).toEqual(['Xây dựng kế hoạch triển khai', '3', '1', '1', '5 đv']);
    const legend = findAll(svg, (e) => e.attrs.class === 'legend')[0] as XmlElement;
    expect(findAll(legend, (e) => e.name === 'text').map(textOf)).toEqual([
      'Đúng hạn',
      'Trễ hạn',
      'Chưa nộp (quá hạn)',
      'Được miễn',
      'Chưa đến hạn',
    ]);
    expect(textOf(svg.children[1] as XmlElement)).toContain(
      'Báo cáo kết quả 6 tháng: Đúng hạn 0, Trễ hạn 1, Chưa nộp (quá hạn) 2, Được miễn 1, Chưa đến hạn 0 (trên 4 đơn vị).',
    );
  });

  it('escapes titles and names that carry markup characters', () => {
    const [first] = charts.obligations;
    if (!first) throw new Error('no obligation in the fixture');
    const svg = obligationBarsSvg([{ ...first, title: 'Báo cáo <Quý I> & "khẩn"' }]);
    expect(svg).toContain('Báo cáo &lt;Quý I&gt; &amp; &quot;khẩn&quot;');
    expect(svg).not.toContain('<Quý');
    expect(findAll(parseXml(svg), (e) => e.name === 'text').map(textOf)).toContain('Báo cáo <Quý I> & "khẩn"');
    const late = lateUnitsSvg([{ unitId: 'x', name: 'UBND xã <A&B>', late: 1, overdue: 0, total: 1 }]);
    expect(findAll(parseXml(late), (e) => e.name === 'text').map(textOf)).toContain('UBND xã <A&B>');
  });

  it('progress: a step line through each day’s cumulative count, due-date markers labelled dd/MM', () => {
    const svg = parseXml(progressLineSvg(charts.progress));
    expectAccessibleRoot(svg, 'chart-progress');
    const points = findAll(svg, (e) => e.name === 'circle');
    expect(points.map((p) => [p.attrs['data-date'], p.attrs['data-submitted'], p.attrs['data-cumulative']])).toEqual([
      ['2026-03-10', '2', '2'],
      ['2026-03-11', '1', '3'],
      ['2026-03-20', '1', '4'],
      ['2026-06-12', '1', '5'],
    ]);
    const deadlines = findAll(svg, (e) => e.attrs['data-deadline'] !== undefined);
    expect(deadlines.map((d) => [d.attrs['data-deadline'], textOf(d.children.at(-1) as XmlElement)])).toEqual([
      ['2026-03-17', '17/03'],
      ['2026-06-10', '10/06'],
      ['2026-12-15', '15/12'],
    ]);
    // The steps rise to each cumulative count (y decreases), never fall, and end flat at today.
    const path = findAll(svg, (e) => e.name === 'path' && e.attrs.fill === 'none')[0]?.attrs.d ?? '';
    const ys = [...path.matchAll(/V([\d.]+)/g)].map((m) => Number(m[1]));
    expect(ys).toHaveLength(4);
    expect([...ys].sort((a, b) => b - a)).toEqual(ys);
    const texts = findAll(svg, (e) => e.name === 'text').map(textOf);
    expect(texts).toEqual(expect.arrayContaining(['Đã nộp (lũy kế): 5', 'Phải nộp: 12', 'Hôm nay 15/06/2026']));
    // From 10/03 to 15/12: a tick at the first of April to December.
    expect(texts.filter((t) => /^T\d+$/.test(t))).toEqual(['T4', 'T5', 'T6', 'T7', 'T8', 'T9', 'T10', 'T11', 'T12']);
    expect(parseXml(progressLineSvg(undefined)).attrs.role).toBe('img');
  });

  it('late units: one bar per unit, late then overdue, with the total at its end', () => {
    const svg = parseXml(lateUnitsSvg(charts.lateUnits));
    expectAccessibleRoot(svg, 'chart-late-units');
    const rows = findAll(svg, (e) => e.attrs['data-unit'] !== undefined);
    expect(rows.map((row) => [row.attrs['data-unit'], row.attrs['data-total'], counted(row)])).toEqual([
      ['xa-dong', '2', { 'submitted-late': 1, overdue: 1 }],
      ['xa-bac', '1', { overdue: 1 }],
      ['xa-tay', '1', { 'submitted-late': 1 }],
    ]);
    expect(findAll(rows[0] as XmlElement, (e) => e.name === 'text').map(textOf)).toEqual([
      'UBND xã Đông',
      '1',
      '1',
      '2',
    ]);
    const empty = parseXml(lateUnitsSvg([]));
    expect(textOf(empty)).toContain('Không có đơn vị nào nộp trễ hoặc quá hạn.');
  });

  it('calendar: 12 rows of day cells whose kinds and due dates match the month counts, with letters and a legend', () => {
    const svg = parseXml(calendarStripSvg(2026, charts.calendar.months));
    expectAccessibleRoot(svg, 'chart-calendar');
    const months = findAll(svg, (e) => e.attrs['data-month'] !== undefined);
    expect(months).toHaveLength(12);
    months.forEach((row, index) => {
      const month = charts.calendar.months[index];
      const kinds = findAll(row, (e) => e.attrs['data-kind'] !== undefined).map((c) => c.attrs['data-kind']);
      const count = (kind: string) => kinds.filter((k) => k === kind).length;
      expect(kinds).toHaveLength(month?.days.length ?? 0);
      expect([
        count('working') + count('working-weekend'),
        count('weekend'),
        count('day-off'),
        count('working-weekend'),
      ]).toEqual([month?.working, month?.weekend, month?.dayOff, month?.workingWeekend]);
      const deadlines = findAll(row, (e) => e.attrs['data-deadline'] !== undefined).map((c) => c.attrs['data-date']);
      expect(deadlines).toEqual(month?.deadlineDates);
    });
    const cell = (date: string) => findAll(svg, (e) => e.attrs['data-date'] === date)[0] as XmlElement;
    expect(textOf(cell('2026-01-10'))).toBe('10/01/2026 — Làm bù cho ngày nghỉ 02/01/2026B');
    expect(textOf(cell('2026-04-30'))).toBe('30/04/2026 — Ngày Chiến thắngL');
    expect(textOf(cell('2026-03-17'))).toBe('17/03/2026 — Hạn: Xây dựng kế hoạch triển khaiH');
    const legend = findAll(svg, (e) => e.attrs.class === 'legend')[0] as XmlElement;
    expect(findAll(legend, (e) => e.name === 'text').map(textOf)).toEqual([
      'Ngày làm việc',
      'Nghỉ cuối tuần',
      'Nghỉ lễ, Tết (L)',
      'Làm bù (B)',
      'Hạn nộp (H)',
      'Hôm nay',
    ]);
  });

  it('the XML reader refuses what is not well-formed', () => {
    expect(() => parseXml('<svg><g></svg>')).toThrow();
    expect(() => parseXml('<svg>a & b</svg>')).toThrow();
    expect(() => parseXml('<svg a="1" a="2"/>')).toThrow();
    expect(() => parseXml('<svg/><svg/>')).toThrow();
  });
});
