import { dayNumberFromParts, formatLocalDate, parseLocalDate, partsFromDayNumber } from '../../domain/local-date';
import { vnDate } from '../../domain/plan-time';
import type { Progress } from '../cycles/cycle-charts';
import { el, legend, num, svgRoot, text, textWidth, tooltip, type LegendItem } from './svg';

const WIDTH = 420;
const PLOT = { left: 34, right: WIDTH - 14, top: 46, bottom: 196 };
const TODAY = '#1d4ed8';
const LINE = '#15803d';
const DEADLINE = '#b91c1c';
const TARGET = '#4b5563';

/** `2026-03-17` → `17/03`. */
function dayMonth(date: string): string {
  return vnDate(date).slice(0, 5);
}

function dayOf(date: string): number {
  return parseLocalDate(date) ?? 0;
}

/** A tick and `T<month>` under the axis at each first of a month inside the range, when there are few enough. */
function monthTicks(progress: Progress, x: (date: string) => number): string[] {
  const from = dayOf(progress.from);
  const to = dayOf(progress.to);
  if (to - from > 400) return [];
  const ticks: string[] = [];
  let { year, month } = partsFromDayNumber(from);
  for (;;) {
    month += 1;
    if (month > 12) [year, month] = [year + 1, 1];
    const first = dayNumberFromParts(year, month, 1);
    if (first > to) return ticks;
    const date = formatLocalDate(first);
    ticks.push(
      el('line', { x1: x(date), y1: PLOT.bottom, x2: x(date), y2: PLOT.bottom + 4, stroke: '#111827' }),
      text(`T${month}`, { x: x(date), y: PLOT.bottom + 16, 'text-anchor': 'middle', 'font-size': 11, fill: '#4b5563' }),
    );
  }
}

/**
 * Submissions so far as a step line (cumulative, one step per day that had some), against what must be submitted
 * in all, with a vertical dashed marker at each due date labelled dd/MM.
 */
export function progressLineSvg(progress: Progress | undefined, id = 'chart-progress'): string {
  const title = 'Tiến độ nộp theo ngày';
  if (!progress)
    return svgRoot(
      { id, width: WIDTH, height: 40, title, desc: 'Chưa có hạn nộp hay báo cáo nào.' },
      text('Chưa có hạn nộp hay báo cáo nào.', { x: 8, y: 24 }),
    );
  const from = dayOf(progress.from);
  const span = Math.max(1, dayOf(progress.to) - from);
  const top = Math.max(1, progress.required);
  const x = (date: string) => PLOT.left + ((dayOf(date) - from) / span) * (PLOT.right - PLOT.left);
  const y = (value: number) => PLOT.bottom - (value / top) * (PLOT.bottom - PLOT.top);

  const axes = [
    el('line', { x1: PLOT.left, y1: PLOT.bottom, x2: PLOT.right, y2: PLOT.bottom, stroke: '#111827' }),
    el('line', { x1: PLOT.left, y1: PLOT.top, x2: PLOT.left, y2: PLOT.bottom, stroke: '#111827' }),
    text('0', { x: PLOT.left - 6, y: PLOT.bottom + 4, 'text-anchor': 'end' }),
    text(String(progress.required), { x: PLOT.left - 6, y: y(progress.required) + 4, 'text-anchor': 'end' }),
    text(vnDate(progress.from), { x: PLOT.left, y: PLOT.bottom + 34 }),
    text(vnDate(progress.to), { x: PLOT.right, y: PLOT.bottom + 34, 'text-anchor': 'end' }),
    ...monthTicks(progress, x),
  ];
  const target = [
    el('line', {
      x1: PLOT.left,
      y1: y(progress.required),
      x2: PLOT.right,
      y2: y(progress.required),
      stroke: TARGET,
      'stroke-dasharray': '2 3',
    }),
  ];

  // Labels of nearby due dates go to a second row so they do not overlap.
  const rowEnds = [-Infinity, -Infinity];
  const deadlines = progress.deadlines.map((deadline) => {
    const at = x(deadline.date);
    const label = dayMonth(deadline.date);
    const half = textWidth(label) / 2 + 2;
    const centre = Math.min(Math.max(at, PLOT.left + half), PLOT.right - half);
    const row = centre - half >= (rowEnds[0] ?? 0) || centre - half < (rowEnds[1] ?? 0) ? 0 : 1;
    rowEnds[row] = centre + half;
    return el(
      'g',
      { 'data-deadline': deadline.date },
      tooltip(`Hạn ${vnDate(deadline.date)}: ${deadline.titles.join('; ')}`),
      el('line', {
        x1: at,
        y1: PLOT.top - 4 - row * 14,
        x2: at,
        y2: PLOT.bottom,
        stroke: DEADLINE,
        'stroke-width': 1.5,
        'stroke-dasharray': '5 3',
      }),
      text(label, {
        x: centre,
        y: PLOT.top - 8 - row * 14,
        'text-anchor': 'middle',
        fill: DEADLINE,
        'font-weight': 600,
      }),
    );
  });

  let path = `M${num(x(progress.from))},${num(y(0))}`;
  for (const day of progress.days) path += ` H${num(x(day.date))} V${num(y(day.cumulative))}`;
  path += ` H${num(x(progress.lineEnds))}`;
  const points = progress.days.map((day) =>
    el(
      'circle',
      {
        cx: x(day.date),
        cy: y(day.cumulative),
        r: 3.5,
        fill: LINE,
        'data-date': day.date,
        'data-submitted': day.submitted,
        'data-cumulative': day.cumulative,
      },
      tooltip(`${vnDate(day.date)}: ${day.submitted} báo cáo, lũy kế ${day.cumulative}/${progress.required}`),
    ),
  );
  const last = progress.days.at(-1)?.cumulative ?? 0;
  const today = progress.today
    ? [
        el('line', {
          x1: x(progress.today),
          y1: PLOT.top,
          x2: x(progress.today),
          y2: PLOT.bottom,
          stroke: TODAY,
          'stroke-width': 1,
        }),
      ]
    : [];

  const items: LegendItem[] = [
    {
      sample: el('line', { x1: 0, y1: 6, x2: 12, y2: 6, stroke: LINE, 'stroke-width': 3 }),
      label: `Đã nộp (lũy kế): ${last}`,
    },
    {
      sample: el('line', {
        x1: 0,
        y1: 6,
        x2: 12,
        y2: 6,
        stroke: TARGET,
        'stroke-width': 1.5,
        'stroke-dasharray': '2 2',
      }),
      label: `Phải nộp: ${progress.required}`,
    },
    {
      sample: el('line', {
        x1: 6,
        y1: 0,
        x2: 6,
        y2: 12,
        stroke: DEADLINE,
        'stroke-width': 1.5,
        'stroke-dasharray': '4 2',
      }),
      label: 'Hạn nộp (ngày/tháng)',
    },
    ...(progress.today
      ? [
          {
            sample: el('line', { x1: 6, y1: 0, x2: 6, y2: 12, stroke: TODAY }),
            label: `Hôm nay ${vnDate(progress.today)}`,
          },
        ]
      : []),
  ];
  const key = legend(items, { x: 8, y: PLOT.bottom + 44, width: WIDTH - 16 });
  const desc =
    `Từ ${vnDate(progress.from)} đến ${vnDate(progress.to)}: đã nộp ${last} trên ${progress.required} báo cáo phải nộp. ` +
    `Hạn nộp: ${progress.deadlines.map((d) => `${vnDate(d.date)} (${d.titles.join('; ')})`).join(', ')}.`;
  return svgRoot(
    { id, width: WIDTH, height: PLOT.bottom + 44 + key.height + 6, title, desc },
    ...target,
    ...deadlines,
    ...today,
    ...axes,
    el('path', { d: path, fill: 'none', stroke: LINE, 'stroke-width': 2.5, 'stroke-linejoin': 'round' }),
    ...points,
    key.markup,
  );
}
