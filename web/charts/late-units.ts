import type { LateUnit } from '../cycles/cycle-charts';
import { inkOn, STATE_SWATCHES } from './state-swatches';
import { el, legend, paint, patternDef, shorten, svgRoot, swatchItem, text, tooltip } from './svg';

const WIDTH = 420;
const PAD = 8;
const NAME_WIDTH = 176;
const ROW = 28;
const BAR_HEIGHT = 20;
const MIN_LABELLED_WIDTH = 18;

/** The units with the most obligations submitted late or still overdue, one bar each (late, then overdue). */
export function lateUnitsSvg(units: readonly LateUnit[], id = 'chart-late-units'): string {
  const title = 'Đơn vị nộp trễ hoặc quá hạn nhiều nhất';
  const swatches = [STATE_SWATCHES['submitted-late'], STATE_SWATCHES.overdue];
  if (units.length === 0)
    return svgRoot(
      { id, width: WIDTH, height: 40, title, desc: 'Không có đơn vị nào nộp trễ hoặc quá hạn.' },
      text('Không có đơn vị nào nộp trễ hoặc quá hạn.', { x: PAD, y: 24 }),
    );
  const key = legend(
    swatches.map((swatch) => swatchItem(id, swatch)),
    { x: PAD, y: PAD, width: WIDTH - 2 * PAD },
  );
  const max = Math.max(...units.map((u) => u.total));
  const barLeft = PAD + NAME_WIDTH;
  const barWidth = WIDTH - PAD - 30 - barLeft;
  let y = PAD + key.height + 6;
  const rows = units.map((unit) => {
    const top = y + (ROW - BAR_HEIGHT) / 2;
    const parts: string[] = [text(shorten(unit.name, 22), { x: PAD, y: top + 15 })];
    let x = barLeft;
    for (const [state, count] of [
      ['submitted-late', unit.late],
      ['overdue', unit.overdue],
    ] as const) {
      if (count === 0) continue;
      const swatch = STATE_SWATCHES[state];
      const width = (count / max) * barWidth;
      parts.push(
        el(
          'rect',
          { x, y: top, width, height: BAR_HEIGHT, ...paint(id, swatch), 'data-state': state, 'data-count': count },
          tooltip(`${unit.name}: ${swatch.label} ${count}`),
        ),
      );
      if (width >= MIN_LABELLED_WIDTH)
        parts.push(
          text(String(count), {
            x: x + width / 2,
            y: top + 15,
            'text-anchor': 'middle',
            'font-weight': 700,
            fill: inkOn(swatch),
            stroke: swatch.colour,
            'stroke-width': 3,
            'paint-order': 'stroke',
          }),
        );
      x += width;
    }
    parts.push(text(String(unit.total), { x: x + 5, y: top + 15, 'font-weight': 700 }));
    y += ROW;
    return el('g', { 'data-unit': unit.unitId, 'data-total': unit.total }, tooltip(unit.name), ...parts);
  });
  const desc = units.map((u) => `${u.name}: ${u.late} nộp trễ, ${u.overdue} quá hạn chưa nộp.`).join(' ');
  return svgRoot(
    { id, width: WIDTH, height: y + PAD, title, desc },
    el('defs', {}, ...swatches.map((swatch) => patternDef(id, swatch))),
    key.markup,
    ...rows,
  );
}
