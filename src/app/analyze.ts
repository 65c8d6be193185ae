/**
 * The analyze use case: model text (YAML or JSON) → the figures of `nines analyze`, or every
 * problem with its line and column; {@link runAnalyze} gives the command's view and JSON
 * document for a validated model. Pure: no I/O.
 */
import { analyzeModel, type Analysis, type AnalysisOptions } from '../analytic/analyze-model.js';
import { loadModelText } from '../config/load.js';
import type { Problem } from '../config/problem.js';
import { analyzeDocument } from '../report/json/documents.js';
import { envelope } from '../report/json/envelope.js';
import type { AnalyzeView } from '../report/text/analyze.js';
import { sensitivity } from './sensitivity/index.js';
import type { ModelSource } from './source.js';
import { drillFor, overridesJson } from './what-if.js';

export type AnalyzeResult =
  | { readonly ok: true; readonly analysis: Analysis; readonly warnings: readonly Problem[] }
  | { readonly ok: false; readonly problems: readonly Problem[] };

/**
 * Validates model text and analyses it.
 * @example
 *   const r = analyze('name: m\ntiers: [{ name: web, nodes: 3, failure: { availability: 99% }, minHealthy: 2 }]');
 *   if (r.ok) r.analysis.availability.service.unavailability; // 3·0.01²·0.99 + 0.01³ = 2.98e-4
 */
export function analyze(modelText: string, options?: AnalysisOptions): AnalyzeResult {
  const loaded = loadModelText(modelText);
  if (!loaded.ok) return { ok: false, problems: loaded.problems };
  return { ok: true, analysis: analyzeModel(loaded.value, options), warnings: loaded.warnings };
}

export type AnalyzeOptions = {
  /** Backup-storage horizon in years (default: the model's, at least 1). */
  readonly years?: number | undefined;
  /** Cut sets listed (the JSON lists the default number without it). */
  readonly cutSets?: number | undefined;
  /** Elasticities of the unavailability to each numeric input. */
  readonly sensitivity?: boolean | undefined;
  /** The `--set` what-ifs the source was loaded with (for the document and the sensitivity re-runs). */
  readonly set?: readonly string[] | undefined;
  /** `--fail` drill names. */
  readonly fail?: readonly string[] | undefined;
};

export type AnalyzeOutcome = { readonly view: AnalyzeView; readonly document: Record<string, unknown> };

/** `nines analyze` on a validated model: the view its renderers show and its JSON document. */
export function runAnalyze(source: ModelSource, options: AnalyzeOptions = {}): AnalyzeOutcome {
  const { model, fileLabel } = source;
  const analysis = analyzeModel(model, { years: options.years, cutSets: true });
  const drill = drillFor(model, options.fail);
  const elasticities =
    options.sensitivity === true
      ? sensitivity({ text: source.text, file: fileLabel, set: [...(options.set ?? [])], targets: [], fail: [] })
      : undefined;
  const document = {
    ...analyzeDocument(model, fileLabel, analysis, overridesJson(options.set, options.fail), {
      cutSets: options.cutSets,
    }),
    ...(drill === undefined ? {} : { drill: drill.result }),
    ...(elasticities === undefined ? {} : { sensitivity: elasticities }),
  };
  const view: AnalyzeView = {
    modelName: model.name,
    description: model.description,
    analysis,
    cutSets: options.cutSets,
    sensitivity: elasticities,
    drill: drill?.result,
  };
  return { view, document };
}

/** The `nines analyze --json` document of a model that did not validate. */
export function analyzeFailureDocument(problems: readonly Problem[]): Record<string, unknown> {
  return { ...envelope('analyze'), valid: false, problems };
}
