/**
 * The design use case (`nines design`): the cheapest designs of a prepared variation that meet
 * every target, the Pareto frontier, the view its renderers show, the JSON document, the exit
 * code (1 when no design passes) and, when asked, the model text with the best design applied.
 * No I/O.
 */
import type { Problem } from '../../config/problem.js';
import { loadModelText } from '../../config/load.js';
import { patchModelText } from '../../config/patch-document.js';
import type { Variation } from '../../config/variation.js';
import { EXIT, ninesError } from '../../errors.js';
import { modelInfo } from '../../report/json/analysis.js';
import { envelope } from '../../report/json/envelope.js';
import type { DesignView } from '../../report/sweep/view.js';
import type { PointOptions } from '../sweep/evaluate.js';
import { overridesJson } from '../what-if.js';
import { MAX_EXHAUSTIVE, searchDesigns, type SearchMode } from './search.js';

export type DesignInput = {
  readonly variation: Variation;
  readonly fileLabel: string;
  readonly text: string;
  readonly point: PointOptions;
};

export type DesignOptions = {
  readonly search: SearchMode;
  readonly top: number;
  /** The path the patched model is written to (named in the document); the text is returned. */
  readonly writeModel?: string | undefined;
  readonly set?: readonly string[] | undefined;
  readonly progress?: (fraction: number) => void;
};

export type DesignOutcome = {
  readonly view: DesignView;
  readonly document: Record<string, unknown>;
  readonly exitCode: number;
  /** The model text with the best design applied (comments kept), when asked and one passes. */
  readonly patched?: string | undefined;
};

/** Searches the designs. A model that prices nothing or a space too large is a coded error. */
export function runDesign(input: DesignInput, options: DesignOptions): DesignOutcome {
  const { variation } = input;
  if (variation.base.costs === undefined)
    throw ninesError(
      'bad-argument',
      'design',
      'designs are ranked by cost, and this model prices nothing: give its tiers (cost: { perNode: 2.4/h }), zones, regions, data or backups a cost',
    );
  checkSpace(
    variation.axes.map((a) => a.values.length),
    options.search,
  );
  const result = searchDesigns(variation, input.point, {
    mode: options.search,
    keep: options.top,
    ...(options.progress === undefined ? {} : { progress: options.progress }),
  });
  const best = result.passing[0] ?? null;
  const view: DesignView = {
    modelName: variation.base.name,
    file: input.fileLabel,
    axes: variation.axes.map((a) => ({ path: a.path, range: a.range, values: a.labels })),
    targets: [
      ...new Set([
        ...variation.base.targets.map((t) => t.metric),
        ...input.point.flagTargets.map((t) => t.target.metric),
      ]),
    ],
    search: result.search,
    points: result.points,
    evaluated: result.evaluated,
    lineAxis: result.lineAxis,
    passingCount: result.passingCount,
    designs: result.passing,
    best,
    bestSet: best === null ? [] : [...(options.set ?? []), ...best.set],
    frontier: result.frontier,
    frontierRpo: result.frontierRpo,
  };
  const exitCode = best === null ? EXIT.targetMissed : EXIT.ok;
  const writes = options.writeModel !== undefined && best !== null;
  const document = {
    ...envelope('design'),
    model: modelInfo(variation.base, input.fileLabel),
    exitCode,
    design: {
      method: input.point.method,
      axes: view.axes,
      targets: view.targets,
      search: {
        mode: result.search,
        points: result.points,
        evaluated: result.evaluated,
        lineAxis: result.lineAxis ?? null,
      },
      passingCount: result.passingCount,
      best,
      bestSet: view.bestSet,
      designs: result.passing,
      frontier: result.frontier,
      frontierObjectives: ['costPerMonth', 'unavailability', ...result.frontierRpo],
      ...(writes ? { wroteModel: options.writeModel } : {}),
    },
    overrides: overridesJson(options.set, undefined),
  };
  return { view, document, exitCode, patched: writes && best !== null ? patched(input, best.at) : undefined };
}

/** The `nines design --json` document of a model that did not validate. */
export function designFailureDocument(problems: readonly Problem[], set?: readonly string[]): Record<string, unknown> {
  return { ...envelope('design'), valid: false, problems, overrides: overridesJson(set, undefined) };
}

/** The model text with the design at these axis indices applied. */
function patched(input: DesignInput, at: readonly number[]): string {
  const { variation } = input;
  const edits = [
    ...variation.setEdits,
    ...variation.paths.map((path, i) => ({ path, value: variation.axes[i]?.values[at[i] ?? 0] ?? null })),
  ];
  const text = patchModelText(input.text, edits);
  if (!loadModelText(text).ok) throw new Error('the patched model does not validate');
  return text;
}

/** Refuses a space the search would take hours over: > 10⁶ points exhaustively, > 10⁵ lines pruned. */
function checkSpace(sizes: readonly number[], mode: SearchMode): void {
  const total = sizes.reduce((p, n) => p * n, 1);
  const lines = total / Math.max(...sizes);
  const pruned = mode === 'pruned' || (mode === 'auto' && total > MAX_EXHAUSTIVE);
  if (!pruned && total > 10 * MAX_EXHAUSTIVE)
    throw ninesError(
      'bad-vary',
      `the space has ${total.toLocaleString('en-US')} points, more than ${(10 * MAX_EXHAUSTIVE).toLocaleString('en-US')} for an exhaustive search; narrow the ranges or use --search pruned`,
    );
  if (pruned && lines > MAX_EXHAUSTIVE)
    throw ninesError(
      'bad-vary',
      `the space has ${total.toLocaleString('en-US')} points in ${lines.toLocaleString('en-US')} lines along its longest axis, more than ${MAX_EXHAUSTIVE.toLocaleString('en-US')}; narrow the other ranges`,
    );
}
