/**
 * A terminal line chart: one or more series of (x, y) points on a character grid, each point a
 * glyph, the segments between them dotted, y ticks at the top, middle and bottom, x at the ends.
 */
export type ChartSeries = {
  readonly label: string;
  readonly points: readonly { readonly x: number; readonly y: number }[];
};

export type ChartOptions = {
  /** Total width in columns (the y labels included). */
  readonly width: number;
  /** Rows of the plotting area. */
  readonly height: number;
  readonly formatX: (x: number) => string;
  readonly formatY: (y: number) => string;
  readonly xLabel: string;
  readonly yLabel: string;
};

const GLYPHS = ['●', '○', '■', '□', '▲', '△', '◆', '◇'] as const;

/** Most series a chart draws (one glyph each). */
export const MAX_SERIES = GLYPHS.length;

/**
 * Renders the series; a series with one point is a lone glyph. Series beyond {@link MAX_SERIES}
 * are not drawn (the caller says so).
 * @example lineChart([{ label: 'a', points: [{ x: 1, y: 1 }, { x: 2, y: 4 }] }], options)
 */
export function lineChart(series: readonly ChartSeries[], options: ChartOptions): string {
  const all = series.flatMap((s) => s.points).filter((p) => Number.isFinite(p.y) && Number.isFinite(p.x));
  if (all.length === 0) return `  (nothing to plot: ${options.yLabel} has no finite value)\n`;
  let [yMin, yMax] = [Math.min(...all.map((p) => p.y)), Math.max(...all.map((p) => p.y))];
  if (yMin === yMax) [yMin, yMax] = [yMin - 1, yMax + 1];
  const [xMin, xMax] = [Math.min(...all.map((p) => p.x)), Math.max(...all.map((p) => p.x))];
  const ticks = [yMax, (yMin + yMax) / 2, yMin].map(options.formatY);
  const margin = Math.max(...ticks.map((t) => t.length)) + 1;
  const cols = Math.max(10, options.width - margin - 2);
  const rows = Math.max(3, options.height);
  const grid: string[][] = Array.from({ length: rows }, () => new Array<string>(cols).fill(' '));
  const col = (x: number): number =>
    xMax === xMin ? Math.floor(cols / 2) : Math.round(((x - xMin) / (xMax - xMin)) * (cols - 1));
  const row = (y: number): number => rows - 1 - Math.round(((y - yMin) / (yMax - yMin)) * (rows - 1));
  series.slice(0, MAX_SERIES).forEach((s, si) => {
    const points = [...s.points].filter((p) => Number.isFinite(p.y) && Number.isFinite(p.x)).sort((a, b) => a.x - b.x);
    for (let i = 1; i < points.length; i++) {
      const [a, b] = [points[i - 1], points[i]];
      if (a === undefined || b === undefined) continue;
      const [c0, c1] = [col(a.x), col(b.x)];
      for (let c = c0 + 1; c < c1; c++) {
        const y = a.y + ((b.y - a.y) * (c - c0)) / (c1 - c0);
        const cell = grid[row(y)];
        if (cell !== undefined && cell[c] === ' ') cell[c] = '·';
      }
    }
    for (const p of points) {
      const cell = grid[row(p.y)];
      if (cell !== undefined) cell[col(p.x)] = GLYPHS[si] ?? '*';
    }
  });
  const label = (r: number): string =>
    (r === 0 ? ticks[0] : r === Math.floor((rows - 1) / 2) ? ticks[1] : r === rows - 1 ? ticks[2] : '') ?? '';
  const lines = [`  ${options.yLabel}`];
  grid.forEach((cells, r) => {
    lines.push(`${label(r).padStart(margin)} ┤${cells.join('').trimEnd()}`);
  });
  lines.push(`${' '.repeat(margin)} └${'─'.repeat(cols)}`);
  const [left, right] = [options.formatX(xMin), options.formatX(xMax)];
  lines.push(`${' '.repeat(margin + 2)}${left}${right.padStart(Math.max(1, cols - left.length))}`);
  lines.push(`${' '.repeat(margin + 2)}${options.xLabel}`);
  if (series.length > 1) lines.push(...series.slice(0, MAX_SERIES).map((s, i) => `  ${GLYPHS[i] ?? '*'} ${s.label}`));
  return `${lines.join('\n')}\n`;
}
