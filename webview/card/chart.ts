// A small horizontal bar chart of the values a check compares, drawn as SVG (no chart library; a tree of
// vnode.ts, so labels are text). Colours come from the theme's chart variables; each bar is labelled with its value.
import type { Check } from '../../src/core/check';
import { VElement, svg } from './vnode';

const BAR_HEIGHT = 16;
const GAP = 6;
const LABEL_WIDTH = 120;
const VALUE_WIDTH = 90;
const WIDTH = 420;

/** Formats a value for a bar label: up to four significant digits, no exponent for everyday magnitudes. */
export function formatValue(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const abs = Math.abs(value);
  if (abs !== 0 && (abs >= 1e7 || abs < 1e-3)) return value.toExponential(2);
  return Number(value.toPrecision(4)).toLocaleString('en-US', { maximumFractionDigits: 6 });
}

export function chartFor(check: Check): VElement | undefined {
  const values = check.chart?.filter((v) => Number.isFinite(v.value));
  if (!values || values.length < 2) return undefined;
  const max = Math.max(...values.map((v) => Math.abs(v.value)));
  if (max === 0) return undefined;
  const height = values.length * (BAR_HEIGHT + GAP);
  const chart = svg(
    'svg',
    { class: 'chart', width: WIDTH, height, viewBox: `0 0 ${WIDTH} ${height}`, role: 'img' },
    svg('title', {}, `Compared values: ${values.map((v) => `${v.label} ${formatValue(v.value)}`).join(', ')}`),
  );
  const span = WIDTH - LABEL_WIDTH - VALUE_WIDTH;
  values.forEach((v, i) => {
    const y = i * (BAR_HEIGHT + GAP);
    const width = Math.max(1, (Math.abs(v.value) / max) * span);
    chart.children.push(
      svg('text', { x: LABEL_WIDTH - 6, y: y + BAR_HEIGHT - 4, 'text-anchor': 'end', class: 'chart-label' }, v.label.length > 18 ? `${v.label.slice(0, 17)}…` : v.label),
      svg('rect', { x: LABEL_WIDTH, y, width, height: BAR_HEIGHT, rx: 2, class: `chart-bar chart-bar-${i % 4}` }),
      svg('text', { x: LABEL_WIDTH + width + 6, y: y + BAR_HEIGHT - 4, class: 'chart-value' }, formatValue(v.value)),
    );
  });
  return chart;
}
