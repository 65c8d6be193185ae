import type { TextStyle } from '../style.js';
import { nines } from '../../units/nines.js';
import { figureDef, formatFigure } from '../sweep/format.js';
import { emptyFigures, type DesignView, type FigureDef, type SweepPoint } from '../sweep/view.js';
import { table } from '../table.js';
import { columnWidth, fitFigures } from '../sweep/fit.js';
import { wrap } from '../wrap.js';
import { lineChart } from './line-chart.js';

/**
 * The text report of `nines design`: how the space was searched, the best design as a command
 * to run, the cheapest designs that meet every target, and the Pareto frontier (a table and a
 * chart of availability against cost).
 * @example renderDesign(view, textStyle(false), 100)
 */
export function renderDesign(view: DesignView, style: TextStyle, width: number): string {
  const { chalk } = style;
  const space = view.axes.map((a) => `${a.path} = ${a.range}`).join(' × ');
  const how =
    view.search === 'exhaustive'
      ? `exhaustive search, ${view.evaluated.toLocaleString('en-US')} points`
      : `pruned search along ${view.lineAxis ?? ''} (assumes the targets and the cost monotone along it), ${view.evaluated.toLocaleString('en-US')} of ${view.points.toLocaleString('en-US')} points evaluated`;
  const out = [wrap(`${chalk.bold(view.modelName)}: designs over ${space}; ${how}`, '', width)];
  const best = view.best;
  const figures: FigureDef[] = ['costPerMonth', 'availability', 'downtimePerYear'].map((id) =>
    figureDef(id as 'availability'),
  );
  figures.push(...view.frontierRpo.map(figureDef));
  if (best === null || best.figures === null) {
    out.push(chalk.red(`  no design in this space meets every target (${view.targets.join(', ') || 'none given'})`));
  } else {
    out.push(
      '',
      chalk.bold(
        `Cheapest design that meets every target (${view.passingCount.toLocaleString('en-US')} of ${view.evaluated.toLocaleString('en-US')} evaluated do)`,
      ),
      wrap(
        figures.map((f) => `${f.label} ${best.figures === null ? '' : formatFigure(f, best.figures)}`).join(' · '),
        '  ',
        width,
      ),
      command(['nines', 'check', view.file, ...view.bestSet.map((s) => `--set ${shellQuote(s)}`)], width),
    );
    if (view.designs.length > 1) out.push('', pointsTable(view, view.designs, figures, style, false, width));
  }
  out.push(
    '',
    wrap(
      chalk.bold(
        `Pareto frontier: cost against availability${view.frontierRpo.length > 0 ? ` and ${view.frontierRpo.join(', ')}` : ''} (${view.frontier.length} design${view.frontier.length === 1 ? '' : 's'})`,
      ),
      '',
      width,
    ),
  );
  out.push(pointsTable(view, view.frontier, figures, style, true, width));
  if (view.frontier.length > 1) {
    out.push(
      '',
      lineChart(
        [
          {
            label: 'frontier',
            points: view.frontier.flatMap((p) =>
              p.figures === null ||
              p.figures.costPerMonth === null ||
              p.figures.unavailability === null ||
              p.figures.unavailability <= 0
                ? []
                : [{ x: p.figures.costPerMonth, y: nines(p.figures.unavailability) }],
            ),
          },
        ],
        {
          width: Math.min(width, 100),
          height: 10,
          formatX: (x) => formatFigure(figureDef('costPerMonth'), { ...emptyFigures(), costPerMonth: x }),
          formatY: (y) =>
            formatFigure(figureDef('availability'), {
              ...emptyFigures(),
              availability: 1 - 10 ** -y,
              unavailability: 10 ** -y,
            }),
          xLabel: 'cost per month',
          yLabel: 'Availability (on a nines scale)',
        },
      ).trimEnd(),
    );
  }
  return `${out.join('\n')}\n`;
}

function pointsTable(
  view: DesignView,
  points: readonly SweepPoint[],
  candidates: readonly FigureDef[],
  style: TextStyle,
  withTargets: boolean,
  width: number,
): string {
  let targets = withTargets;
  const axisHead = view.axes.map((a) => a.path.split('.').slice(-2).join('.'));
  const used =
    1 +
    axisHead.reduce(
      (w, h, i) =>
        w +
        columnWidth(
          h,
          points.map((p) => p.values[i] ?? ''),
        ),
      0,
    );
  const cellsOf = (d: FigureDef): string[] => points.map((p) => (p.figures === null ? '' : formatFigure(d, p.figures)));
  // Cost and availability first; the Targets column only when it leaves room for both.
  let figures = fitFigures(
    candidates,
    cellsOf,
    used +
      (targets
        ? columnWidth(
            'Targets',
            points.map((p) => p.status),
          )
        : 0),
    width,
    true,
  ).shown;
  if (targets && figures.length < Math.min(2, candidates.length)) {
    targets = false;
    figures = fitFigures(candidates, cellsOf, used, width, true).shown;
  }
  const head = [
    ...view.axes.map((a) => a.path.split('.').slice(-2).join('.')),
    ...figures.map((f) => f.label),
    ...(targets ? ['Targets'] : []),
  ];
  const t = table(head, style, {
    colAligns: [...view.axes.map(() => 'right' as const), ...figures.map(() => 'right' as const), 'left'],
  });
  for (const p of points) {
    const f = p.figures;
    t.push([
      ...p.values,
      ...figures.map((d) => (f === null ? '' : formatFigure(d, f))),
      ...(targets ? [p.status] : []),
    ]);
  }
  return t.toString();
}

/** A shell command on `  $ ` lines, continued with ` \\` where it would pass the width. */
function command(words: readonly string[], width: number): string {
  const lines: string[] = [];
  let line = '  $';
  for (const word of words) {
    if (line.length + 1 + word.length + 2 > width && line !== '  $') {
      lines.push(`${line} \\`);
      line = '     ';
    }
    line = `${line} ${word}`;
  }
  return [...lines, line].join('\n');
}

/** A `--set` argument quoted for a POSIX shell when it needs it. */
export function shellQuote(text: string): string {
  return /^[A-Za-z0-9_.,:=/%+@[\]-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}
