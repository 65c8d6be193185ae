/**
 * `nines sweep`: every point of the grid spanned by the `--vary` axes, analysed from the model
 * prepared once (see config/variation.ts), with its figures and the targets' verdict.
 */
import type { Problem } from '../../config/problem.js';
import type { Variation } from '../../config/variation.js';
import { ninesError } from '../../errors.js';
import { modelInfo } from '../../report/json/analysis.js';
import { envelope } from '../../report/json/envelope.js';
import type { FigureId, SweepPoint, SweepShown, SweepView } from '../../report/sweep/view.js';
import { targetId } from '../../gate/index.js';
import { overridesJson } from '../what-if.js';
import { evaluatePoint, type PointOptions } from './evaluate.js';

/** Points of the grid: the product of the axes' sizes. */
export function gridSize(variation: Pick<Variation, 'axes'>): number {
  return variation.axes.reduce((n, a) => n * a.values.length, 1);
}

/**
 * The i-th point of the grid (row-major: the first axis varies slowest), as value indices.
 * @example gridIndices([3, 2], 3) // [1, 1]
 */
export function gridIndices(sizes: readonly number[], i: number): number[] {
  const at = new Array<number>(sizes.length).fill(0);
  let rest = i;
  for (let a = sizes.length - 1; a >= 0; a--) {
    const n = sizes[a] ?? 1;
    at[a] = rest % n;
    rest = Math.floor(rest / n);
  }
  return at;
}

/**
 * One point by its value indices: invalid (with the problems) when the combination makes the
 * model invalid, else its figures and target verdict.
 */
export function sweepPoint(variation: Variation, at: readonly number[], options: PointOptions): SweepPoint {
  const values = variation.axes.map((a, i) => a.labels[at[i] ?? 0] ?? '');
  const set = variation.axes.map((a, i) => `${a.path}=${values[i] ?? ''}`);
  const model = variation.point(at);
  if (!model.ok) {
    return {
      at,
      values,
      set,
      valid: false,
      problems: model.problems.map((p) => `${p.path}: ${p.message}`),
      figures: null,
      status: 'invalid',
      missed: [],
    };
  }
  const point = evaluatePoint(model.value, options);
  const missed = point.gate.records.filter((r) => r.status !== 'pass').map((r) => r.id);
  return {
    at,
    values,
    set,
    valid: true,
    problems: [],
    figures: point.figures,
    status: point.gate.records.length === 0 ? 'none' : point.gate.status,
    missed,
    ...(point.simulation === undefined ? {} : { simulation: point.simulation }),
  };
}

/**
 * Every point of the grid, in row-major order; `progress` hears the fraction done now and then.
 * @example runSweep(variation, options).points.length // the product of the axes' sizes
 */
export function runSweep(
  variation: Variation,
  options: PointOptions,
  file: string,
  progress?: (fraction: number) => void,
): SweepView {
  const sizes = variation.axes.map((a) => a.values.length);
  const total = gridSize(variation);
  const points = Array.from({ length: total }, (_, i) => {
    if (progress !== undefined && i % 100 === 0) progress(i / total);
    return sweepPoint(variation, gridIndices(sizes, i), options);
  });
  const targets = [...variation.base.targets.map(targetId), ...options.flagTargets.map((t) => targetId(t.target))];
  return {
    modelName: variation.base.name,
    file,
    method: options.method,
    axes: variation.axes.map((a) => ({ path: a.path, range: a.range, values: a.labels })),
    targets: [...new Set(targets)],
    points,
  };
}

export type SweepOptions = {
  /** The figure the text charts against the first axis (one line per value of the second). */
  readonly plot?: FigureId | undefined;
  /** Refuse a grid of more points (default 100,000). */
  readonly maxPoints?: number | undefined;
  /** The `--set` what-ifs the variation was prepared with (for the document). */
  readonly set?: readonly string[] | undefined;
  readonly progress?: ((fraction: number) => void) | undefined;
};

export type SweepOutcome = { readonly view: SweepShown; readonly document: Record<string, unknown> };

/**
 * `nines sweep` on a prepared variation: every point, the view its renderers show and the JSON
 * document. A grid over `maxPoints`, or a plot of more than two axes, is a coded error.
 * @example runSweepOutcome({ variation, point, fileLabel: 'm.yaml' }).document.sweep
 */
export function runSweepOutcome(
  input: { readonly variation: Variation; readonly point: PointOptions; readonly fileLabel: string },
  options: SweepOptions = {},
): SweepOutcome {
  const { variation, fileLabel } = input;
  const size = gridSize(variation);
  const maxPoints = options.maxPoints ?? 100_000;
  if (size > maxPoints)
    throw ninesError(
      'bad-vary',
      `the grid has ${size.toLocaleString('en-US')} points, more than --max-points ${maxPoints.toLocaleString('en-US')}; narrow the ranges or raise --max-points`,
    );
  if (options.plot !== undefined && variation.axes.length > 2)
    throw ninesError(
      'bad-vary',
      '--plot draws one or two axes (x, and one line per value of the second); this sweep has more',
    );
  const view = runSweep(variation, input.point, fileLabel, options.progress);
  const document = {
    ...envelope('sweep'),
    model: modelInfo(variation.base, fileLabel),
    sweep: { method: view.method, axes: view.axes, targets: view.targets, points: view.points },
    overrides: overridesJson(options.set, undefined),
  };
  return { view: { ...view, plot: options.plot }, document };
}

/** The `nines sweep --json` document of a model that did not validate. */
export function sweepFailureDocument(problems: readonly Problem[], set?: readonly string[]): Record<string, unknown> {
  return { ...envelope('sweep'), valid: false, problems, overrides: overridesJson(set, undefined) };
}
