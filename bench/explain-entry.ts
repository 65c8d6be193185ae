// Bench entry, bundled by bench/explain.mjs: times analyze (importance, cut sets), explain of
// every named figure and every number of analyze's JSON (by jq path), and the sensitivity
// analysis on one model text.
import { performance } from 'node:perf_hooks';
import { analyzeModel } from '../src/analytic/analyze-model.js';
import { analysisDocument, explain, figureIds, numericPaths } from '../src/app/explain/index.js';
import { sensitivity } from '../src/app/sensitivity/index.js';
import { loadModelDocument } from '../src/config/load.js';
import { DEFAULT_CUT_SETS } from '../src/report/json/analysis.js';

export function run(
  text: string,
  file: string,
): { analyze: number; explain: number; figures: number; sensitivity: number; reruns: number; total: number } {
  const t0 = performance.now();
  const loaded = loadModelDocument(text);
  if (!loaded.ok) throw new Error(`${file} is invalid`);
  const analysis = analyzeModel(loaded.value.model, { cutSets: true });
  const t1 = performance.now();
  const ctx = { document: loaded.value, file, applied: [], failed: [] };
  // The numbers analyze --json prints (its default listing of cut sets).
  const paths = numericPaths(analysisDocument(analysis, DEFAULT_CUT_SETS));
  const result = explain(ctx, analysis, [...figureIds(ctx, analysis), ...paths]);
  if (!result.ok) throw new Error(result.message);
  const t2 = performance.now();
  const s = sensitivity({ text, file, set: [], targets: [], fail: [] });
  const t3 = performance.now();
  return {
    analyze: t1 - t0,
    explain: t2 - t1,
    figures: result.explanations.length,
    sensitivity: t3 - t2,
    reruns: 2 * (s?.rows.length ?? 0),
    total: t3 - t0,
  };
}
