/** `nines sweep --format markdown`: the sweep as a table for a pull request or a design doc. */
import { formatPercentFromUnavailability } from '../format.js';
import { figureColumns, formatFigure, statusCell } from '../sweep/format.js';
import type { SweepView } from '../sweep/view.js';
import { escapeCell, markdownTable } from './escape.js';

/**
 * Heading, one row per point (axes, every figure present in the sweep, MC interval, targets).
 * @example renderSweepMarkdown(view)
 */
export function renderSweepMarkdown(view: SweepView): string {
  const { columns } = figureColumns(view.points, false);
  const simulated = view.method === 'simulate';
  const head = [
    ...view.axes.map((a) => `\`${a.path}\``),
    ...columns.map((c) => c.label),
    ...(simulated ? ['MC 95% availability'] : []),
    'Targets',
  ];
  const rows = view.points.map((p) => {
    const figures = p.figures;
    const mc =
      p.simulation === undefined
        ? ''
        : `${formatPercentFromUnavailability(p.simulation.ci[1])} – ${formatPercentFromUnavailability(p.simulation.ci[0])}`;
    return [
      ...p.values,
      ...columns.map((c) => (figures === null ? '' : formatFigure(c, figures))),
      ...(simulated ? [mc] : []),
      statusCell(p),
    ];
  });
  const heading = `### nines sweep: ${escapeCell(view.modelName)}`;
  const over = view.axes.map((a) => `\`${a.path}\` = ${escapeCell(a.range)}`).join(' × ');
  return `${heading}\n\n${view.points.length} points over ${over} (${view.method})\n\n${markdownTable(head, rows)}\n`;
}
