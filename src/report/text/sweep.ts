import { formatPercentFromUnavailability } from '../format.js';
import { ninesOrNull } from '../../units/nines.js';
import type { TextStyle } from '../style.js';
import { figureColumns, figureDef, formatFigure, statusCell } from '../sweep/format.js';
import { emptyFigures, type FigureDef, type FigureId, type SweepPoint, type SweepView } from '../sweep/view.js';
import { table } from '../table.js';
import { columnWidth, fitFigures } from '../sweep/fit.js';
import { wrap } from '../wrap.js';
import { lineChart, MAX_SERIES, type ChartSeries } from './line-chart.js';

/**
 * The text report of `nines sweep`: one row per point with the axes' values, every figure that
 * changes across the sweep and the targets' verdict; the figures that do not change, once
 * below; with `plot`, a line chart of that figure against the first axis (one line per value
 * of the second).
 * @example renderSweep(view, textStyle(false), { plot: 'availability', width: 80 })
 */
export function renderSweep(
  view: SweepView,
  style: TextStyle,
  options: { plot?: FigureId | undefined; width: number },
): string {
  const { chalk } = style;
  const { text, hidden, constant } = sweepTable(view, style, options.width);
  const points = view.points.length;
  const valid = view.points.filter((p) => p.valid);
  const out = [
    wrap(
      `${chalk.bold(view.modelName)}: ${points.toLocaleString('en-US')} point${points === 1 ? '' : 's'} over ${view.axes.map((a) => `${a.path} = ${a.range}`).join(' × ')} (${view.method})`,
      '',
      options.width,
    ),
    text,
  ];
  if (hidden.length > 0)
    out.push(
      wrap(
        `not shown at this width: ${hidden.map((c) => c.label).join(', ')} (--format csv, markdown or json has every figure)`,
        '  ',
        options.width,
      ),
    );
  if (constant.length > 0 && valid[0]?.figures) {
    const first = valid[0].figures;
    out.push(
      wrap(
        `the same at every point: ${constant.map((c) => `${c.label} ${formatFigure(c, first)}`).join(', ')}`,
        '  ',
        options.width,
      ),
    );
  }
  const passing = view.points.filter((p) => p.status === 'pass').length;
  if (view.targets.length > 0)
    out.push(wrap(`targets met at ${passing} of ${points} points: ${view.targets.join(', ')}`, '  ', options.width));
  const invalid = view.points.filter((p) => !p.valid);
  if (invalid.length > 0) {
    out.push(
      wrap(
        `${invalid.length} point${invalid.length === 1 ? '' : 's'} make the model invalid, e.g. ${invalid[0]?.set.join(' ') ?? ''}: ${invalid[0]?.problems[0] ?? ''}`,
        '  ',
        options.width,
      ),
    );
  }
  if (options.plot !== undefined) out.push('', renderPlot(view, figureDef(options.plot), options.width));
  return `${out.join('\n')}\n`;
}

/** The table of points (the figures that change and fit the width), with what it left out. */
function sweepTable(
  view: SweepView,
  style: TextStyle,
  width: number,
): { text: string; hidden: FigureDef[]; constant: FigureDef[] } {
  const { columns: candidates, constant } = figureColumns(view.points, true);
  const simulated = view.method === 'simulate';
  const axisHead = view.axes.map((a) => a.path.split('.').slice(-2).join('.'));
  const mcCells = view.points.map((p) =>
    p.simulation === undefined
      ? ''
      : `${formatPercentFromUnavailability(p.simulation.ci[1])} – ${formatPercentFromUnavailability(p.simulation.ci[0])}`,
  );
  const verdicts = view.points.map((p) => statusCell(p, true));
  const cellsOf = (def: FigureDef): string[] =>
    view.points.map((p) => (p.figures === null ? '' : formatFigure(def, p.figures)));
  let used =
    1 +
    axisHead.reduce(
      (w, h, i) =>
        w +
        columnWidth(
          h,
          view.points.map((p) => p.values[i] ?? ''),
        ),
      0,
    );
  if (simulated) used += columnWidth('MC 95% availability', mcCells);
  if (view.targets.length > 0) used += columnWidth('Targets', verdicts);
  const { shown: columns, hidden } = fitFigures(candidates, cellsOf, used, width);
  const head = [
    ...axisHead,
    ...columns.map((c) => c.label),
    ...(simulated ? ['MC 95% availability'] : []),
    ...(view.targets.length > 0 ? ['Targets'] : []),
  ];
  const aligns = [
    ...view.axes.map(() => 'right' as const),
    ...columns.map(() => 'right' as const),
    ...(simulated ? ['right' as const] : []),
    'left' as const,
  ];
  const t = table(head, style, { colAligns: aligns });
  const cells = columns.map(cellsOf);
  view.points.forEach((p, i) => {
    t.push([
      ...p.values,
      ...cells.map((c) => c[i] ?? ''),
      ...(simulated ? [mcCells[i] ?? ''] : []),
      ...(view.targets.length > 0 ? [colour(style, p, verdicts[i] ?? '')] : []),
    ]);
  });
  return { text: t.toString(), hidden, constant };
}

function colour(style: TextStyle, p: SweepPoint, text: string): string {
  const { chalk } = style;
  return p.status === 'pass'
    ? chalk.green(text)
    : p.status === 'fail' || p.status === 'invalid'
      ? chalk.red(text)
      : p.status === 'none'
        ? text
        : chalk.yellow(text);
}

/** The figure against the first axis; one series per value of the second axis, if any. */
export function renderPlot(view: SweepView, def: FigureDef, width: number): string {
  const [xAxis, seriesAxis] = view.axes;
  if (xAxis === undefined) return '';
  const xs = axisNumbers(xAxis.values);
  const groups = seriesAxis === undefined ? [''] : seriesAxis.values;
  const series: ChartSeries[] = groups.map((g, gi) => ({
    label: seriesAxis === undefined ? def.label : `${seriesAxis.path}=${g}`,
    points: view.points.flatMap((p) => {
      if (seriesAxis !== undefined && p.at[1] !== gi) return [];
      const y = p.figures === null ? null : plotValue(def, p.figures[def.id], p.figures.unavailability);
      return y === null ? [] : [{ x: xs.values[p.at[0] ?? 0] ?? 0, y }];
    }),
  }));
  const chart = lineChart(series, {
    width: Math.min(width, 100),
    height: 12,
    formatX: (x) => (xs.numeric ? String(Number(x.toPrecision(6))) : (xAxis.values[Math.round(x)] ?? '')),
    formatY: (y) => formatPlotted(def, y),
    xLabel: xAxis.path,
    yLabel: `${def.label}${def.unit === 'fraction' ? ' (on a nines scale)' : ''}`,
  });
  const dropped =
    series.length > MAX_SERIES ? `  (only the first ${MAX_SERIES} of ${series.length} series are drawn)\n` : '';
  return chart + dropped;
}

/** The plotted y: availability as nines (−log10 q), so that 99.9% and 99.99% are a step apart. */
function plotValue(def: FigureDef, x: number | null, q: number | null): number | null {
  if (x === null) return null;
  if (def.unit === 'fraction') return q === null ? null : ninesOrNull(q);
  return x;
}

function formatPlotted(def: FigureDef, y: number): string {
  const figures = {
    ...emptyFigures(),
    [def.id]: def.unit === 'fraction' ? 1 - 10 ** -y : y,
    unavailability: def.unit === 'fraction' ? 10 ** -y : null,
  };
  return formatFigure(def, figures);
}

/** Axis labels as numbers when each starts with one (counts, "2 h", "99.9%"), else their indices. */
function axisNumbers(labels: readonly string[]): { numeric: boolean; values: number[] } {
  const numbers = labels.map((l) => Number(/^\s*([+-]?\d+(?:\.\d*)?(?:[eE][+-]?\d+)?)/.exec(l)?.[1] ?? NaN));
  const numeric = numbers.every(Number.isFinite) && new Set(numbers).size === numbers.length;
  return { numeric, values: numeric ? numbers : labels.map((_, i) => i) };
}
