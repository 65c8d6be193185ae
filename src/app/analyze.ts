/**
 * The library's one-call entry: model text (YAML or JSON) → the figures of `nines analyze`, or
 * every problem with its line and column. Pure: no I/O.
 */
import { analyzeModel, type Analysis, type AnalysisOptions } from '../analytic/analyze-model.js';
import { loadModelText } from '../config/load.js';
import type { Problem } from '../config/problem.js';

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
