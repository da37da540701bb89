import { vnDate } from '../../domain/plan-time';
import type { CalendarDay, CalendarMonth } from '../cycles/cycle-charts';
import { el, legend, svgRoot, text, tooltip, type LegendItem } from './svg';

const WIDTH = 480;
const PAD = 6;
const LABEL_WIDTH = 34;
const CELL = (WIDTH - PAD - LABEL_WIDTH - PAD) / 31;
const ROW = 17;
const HEADER = 16;

interface DayLook {
  label: string;
  fill: string;
  /** A letter in the cell, so that the kind reads without colour. */
  letter?: string;
  ink: string;
}

const LOOKS: Record<CalendarDay['kind'], DayLook> = {
  working: { label: 'Ngày làm việc', fill: '#ffffff', ink: '#111827' },
  weekend: { label: 'Nghỉ cuối tuần', fill: '#868e99', ink: '#111827' },
  'day-off': { label: 'Nghỉ lễ, Tết (L)', fill: '#b91c1c', letter: 'L', ink: '#ffffff' },
  'working-weekend': { label: 'Làm bù (B)', fill: '#1d4ed8', letter: 'B', ink: '#ffffff' },
};
const DEADLINE = { label: 'Hạn nộp (H)', stroke: '#111827', letter: 'H' };
const TODAY = '#15803d';

function dayTooltip(day: CalendarDay): string {
  const notes = [
    ...(day.name ? [day.name] : day.kind === 'weekend' ? ['Nghỉ cuối tuần'] : []),
    ...day.deadlines.map((title) => `Hạn: ${title}`),
    ...(day.today ? ['Hôm nay'] : []),
  ];
  return `${vnDate(day.date)}${notes.length > 0 ? ` — ${notes.join('; ')}` : ''}`;
}

function dayCell(day: CalendarDay, x: number, y: number): string {
  const look = LOOKS[day.kind];
  const deadline = day.deadlines.length > 0;
  const letter = deadline ? DEADLINE.letter : look.letter;
  const special = deadline || day.kind !== 'working' || day.today;
  return el(
    'g',
    { 'data-date': day.date, 'data-kind': day.kind, ...(deadline && { 'data-deadline': day.deadlines.length }) },
    ...(special ? [tooltip(dayTooltip(day))] : []),
    el('rect', {
      x: x + 0.5,
      y: y + 0.5,
      width: CELL - 1,
      height: ROW - 1,
      fill: look.fill,
      stroke: deadline ? DEADLINE.stroke : day.today ? TODAY : '#d1d5db',
      'stroke-width': deadline || day.today ? 2 : 0.6,
    }),
    ...(letter
      ? [
          text(letter, {
            x: x + CELL / 2,
            y: y + ROW / 2 + 3.5,
            'text-anchor': 'middle',
            'font-size': 10,
            'font-weight': 700,
            fill: look.ink,
          }),
        ]
      : []),
  );
}

/**
 * The cycle's year as 12 rows of up to 31 days: weekends, days off (holidays, Tết, announced), làm-bù weekends and the
 * plan's due dates; letters L, B and H say the same as the colours.
 */
export function calendarStripSvg(year: number, months: readonly CalendarMonth[], id = 'chart-calendar'): string {
  const header = [1, 5, 10, 15, 20, 25, 31].map((d) =>
    text(String(d), {
      x: PAD + LABEL_WIDTH + (d - 1) * CELL + CELL / 2,
      y: PAD + 11,
      'text-anchor': 'middle',
      'font-size': 10,
      fill: '#4b5563',
    }),
  );
  const rows = months.map((month, index) => {
    const y = PAD + HEADER + index * ROW;
    return el(
      'g',
      { 'data-month': month.month },
      text(`Th${month.month}`, { x: PAD, y: y + ROW / 2 + 4.5, 'font-size': 12 }),
      ...month.days.map((day) => dayCell(day, PAD + LABEL_WIDTH + (day.day - 1) * CELL, y)),
    );
  });
  const sample = (attrs: Record<string, string | number>) =>
    el('rect', { x: 0.5, y: 0.5, width: 11, height: 11, stroke: '#6b7280', 'stroke-width': 0.6, ...attrs });
  const items: LegendItem[] = [
    ...Object.values(LOOKS).map((look) => ({ label: look.label, sample: sample({ fill: look.fill }) })),
    { label: DEADLINE.label, sample: sample({ fill: '#ffffff', stroke: DEADLINE.stroke, 'stroke-width': 2 }) },
    ...(months.some((m) => m.days.some((d) => d.today))
      ? [{ label: 'Hôm nay', sample: sample({ fill: '#ffffff', stroke: TODAY, 'stroke-width': 2 }) }]
      : []),
  ];
  const key = legend(items, { x: PAD, y: PAD + HEADER + months.length * ROW + 8, width: WIDTH - 2 * PAD });
  const count = (pick: (m: CalendarMonth) => number) => months.reduce((sum, m) => sum + pick(m), 0);
  const deadlines = months.flatMap((m) => m.deadlineDates);
  const desc =
    `Năm ${year}: ${count((m) => m.working)} ngày làm việc, ${count((m) => m.weekend)} ngày nghỉ cuối tuần, ` +
    `${count((m) => m.dayOff)} ngày nghỉ lễ, Tết, ${count((m) => m.workingWeekend)} ngày làm bù; ` +
    `hạn nộp: ${deadlines.length > 0 ? deadlines.map(vnDate).join(', ') : 'không có'}.`;
  return svgRoot(
    {
      id,
      width: WIDTH,
      height: PAD + HEADER + months.length * ROW + 8 + key.height + PAD,
      title: `Lịch năm ${year}: hạn nộp, ngày nghỉ và ngày làm bù`,
      desc,
    },
    ...header,
    ...rows,
    key.markup,
  );
}
