import { CHART_STATES, type ObligationBar } from '../cycles/cycle-charts';
import { inkOn, STATE_SWATCHES } from './state-swatches';
import { el, legend, paint, patternDef, shorten, svgRoot, swatchItem, text, tooltip } from './svg';

const WIDTH = 420;
const PAD = 8;
const BAR_HEIGHT = 24;
/** Room right of the bars for the number of units. */
const TOTAL_WIDTH = 44;
/** A segment narrower than this shows its number in the tooltip and the table only. */
const MIN_LABELLED_WIDTH = 18;

/** Per obligation, one horizontal bar of its units stacked by state, each segment numbered where it fits. */
export function obligationBarsSvg(bars: readonly ObligationBar[], id = 'chart-obligations'): string {
  const swatches = CHART_STATES.map((state) => STATE_SWATCHES[state]);
  const defs = el('defs', {}, ...swatches.map((swatch) => patternDef(id, swatch)));
  const key = legend(
    swatches.map((swatch) => swatchItem(id, swatch)),
    { x: PAD, y: PAD, width: WIDTH - 2 * PAD },
  );
  let y = PAD + key.height + 10;
  const rows: string[] = [];
  const barWidth = WIDTH - 2 * PAD - TOTAL_WIDTH;
  for (const bar of bars) {
    const parts: string[] = [text(shorten(bar.title, 52), { x: PAD, y: y + 12, 'font-weight': 600 })];
    const top = y + 18;
    let x = PAD;
    for (const state of CHART_STATES) {
      const count = bar.counts[state];
      if (count === 0 || bar.total === 0) continue;
      const swatch = STATE_SWATCHES[state];
      const width = (count / bar.total) * barWidth;
      parts.push(
        el(
          'rect',
          { x, y: top, width, height: BAR_HEIGHT, ...paint(id, swatch), 'data-state': state, 'data-count': count },
          tooltip(`${bar.title}: ${swatch.label} ${count}/${bar.total}`),
        ),
      );
      if (width >= MIN_LABELLED_WIDTH)
        parts.push(
          text(String(count), {
            x: x + width / 2,
            y: top + BAR_HEIGHT / 2 + 5,
            'text-anchor': 'middle',
            'font-weight': 700,
            fill: inkOn(swatch),
            ...(swatch.pattern === 'outline'
              ? {}
              : { stroke: swatch.colour, 'stroke-width': 3, 'paint-order': 'stroke' }),
          }),
        );
      x += width;
    }
    if (bar.total === 0)
      parts.push(
        el('rect', { x: PAD, y: top, width: barWidth, height: BAR_HEIGHT, fill: '#f3f4f6', stroke: '#9ca3af' }),
      );
    parts.push(text(`${bar.total} đv`, { x: WIDTH - PAD, y: top + BAR_HEIGHT / 2 + 5, 'text-anchor': 'end' }));
    rows.push(el('g', { 'data-obligation': bar.id, 'data-total': bar.total }, ...parts));
    y = top + BAR_HEIGHT + 14;
  }
  const desc =
    bars.length === 0
      ? 'Kế hoạch chưa có nhiệm vụ nào.'
      : bars
          .map(
            (bar) =>
              `${bar.title}: ${CHART_STATES.map((s) => `${STATE_SWATCHES[s].label} ${bar.counts[s]}`).join(', ')} (trên ${bar.total} đơn vị).`,
          )
          .join(' ');
  return svgRoot(
    { id, width: WIDTH, height: y, title: 'Tình trạng nộp theo từng nhiệm vụ', desc },
    defs,
    key.markup,
    ...rows,
  );
}
