import { parseLocalDate } from '../../domain/local-date';
import { vnDate } from '../../domain/plan-time';
import type { Progress } from '../cycles/cycle-charts';
import { el, num, svgRoot, text, textWidth, tooltip } from './svg';

const WIDTH = 480;
const HEIGHT = 280;
const PLOT = { left: 40, right: WIDTH - 14, top: 46, bottom: HEIGHT - 66 };
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
    text(vnDate(progress.from), { x: PLOT.left, y: PLOT.bottom + 18 }),
    text(vnDate(progress.to), { x: PLOT.right, y: PLOT.bottom + 18, 'text-anchor': 'end' }),
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
          stroke: '#1d4ed8',
          'stroke-width': 1,
        }),
      ]
    : [];

  const legendY = HEIGHT - 30;
  const key = el(
    'g',
    { class: 'legend' },
    el('line', { x1: 8, y1: legendY, x2: 30, y2: legendY, stroke: LINE, 'stroke-width': 3 }),
    text(`Đã nộp (lũy kế): ${last}`, { x: 36, y: legendY + 4 }),
    el('line', { x1: 200, y1: legendY, x2: 222, y2: legendY, stroke: TARGET, 'stroke-dasharray': '2 3' }),
    text(`Phải nộp: ${progress.required}`, { x: 228, y: legendY + 4 }),
    el('line', {
      x1: 350,
      y1: legendY - 8,
      x2: 350,
      y2: legendY + 8,
      stroke: DEADLINE,
      'stroke-width': 1.5,
      'stroke-dasharray': '5 3',
    }),
    text('Hạn nộp (dd/MM)', { x: 358, y: legendY + 4 }),
    ...(progress.today
      ? [
          el('line', { x1: 8, y1: legendY + 12, x2: 8, y2: legendY + 26, stroke: '#1d4ed8' }),
          text(`Hôm nay ${vnDate(progress.today)}`, { x: 14, y: legendY + 23 }),
        ]
      : []),
  );
  const desc =
    `Từ ${vnDate(progress.from)} đến ${vnDate(progress.to)}: đã nộp ${last} trên ${progress.required} báo cáo phải nộp. ` +
    `Hạn nộp: ${progress.deadlines.map((d) => `${vnDate(d.date)} (${d.titles.join('; ')})`).join(', ')}.`;
  return svgRoot(
    { id, width: WIDTH, height: HEIGHT, title, desc },
    ...target,
    ...deadlines,
    ...today,
    ...axes,
    el('path', { d: path, fill: 'none', stroke: LINE, 'stroke-width': 2.5, 'stroke-linejoin': 'round' }),
    ...points,
    key,
  );
}
