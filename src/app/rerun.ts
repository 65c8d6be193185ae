/**
 * Re-running the pipeline on a model's text with more `--set` overrides: the same override
 * machinery (src/config/overrides.ts), validation, drill, engine and gate as the commands, so
 * a change that `nines recommend` or the sensitivity analysis reports is exactly what
 * `nines check --set …` would see.
 */
import { analyzeModel, type Analysis } from '../analytic/analyze-model.js';
import { analyzeAvailability } from '../analytic/availability/index.js';
import { resolveFailures } from '../analytic/drill/index.js';
import { loadParsed, parseModelText, type Parsed } from '../config/load.js';
import { applyOverrides, parseOverride, type Override } from '../config/overrides.js';
import { evaluateTargets, fileTargets, mergeTargets, type GateResult, type GateTarget } from '../gate/index.js';
import { conditionModel } from '../model/condition.js';
import type { Model } from '../model/types.js';

/** What a run is: the model text, its label, the user's `--set`s, `--target` flags and `--fail` drill. */
export type RecommendInput = {
  readonly text: string;
  readonly file: string;
  readonly set: readonly string[];
  readonly targets: readonly GateTarget[];
  readonly fail: readonly string[];
};

/** The last text parsed: every re-run of one command reads the same text. */
let last: { text: string; parsed: Parsed } | undefined;
function parsedText(text: string): Parsed {
  if (last?.text !== text) last = { text, parsed: parseModelText(text) };
  return last.parsed;
}

export type Rerun = {
  readonly model: Model;
  readonly raw: Record<string, unknown>;
  readonly analysis: Analysis;
  readonly gate: GateResult;
};

/**
 * The pipeline with `sets` applied; undefined when a set does not apply or the changed model
 * is invalid. `availabilityOnly` skips data protection (its figures are then absent).
 * @example rerun(input, ['tiers.db.nodes=5'])?.analysis.availability.service.unavailability
 */
export function rerun(input: RecommendInput, sets: readonly string[], availabilityOnly = false): Rerun | undefined {
  const parsed: Override[] = [];
  for (const text of sets) {
    const p = parseOverride(text);
    if (!p.ok) return undefined;
    parsed.push(p.value);
  }
  let bad = false;
  const loaded = loadParsed(parsedText(input.text), (data) => {
    bad = !applyOverrides(data, parsed).ok;
    return [];
  });
  if (bad || !loaded.ok) return undefined;
  let model = loaded.value.model;
  if (input.fail.length > 0) {
    const failures = resolveFailures(model, input.fail);
    if (!failures.ok) return undefined;
    model = conditionModel(model, failures.value);
  }
  const analysis: Analysis = availabilityOnly
    ? { availability: analyzeAvailability(model), dataProtection: undefined, cost: undefined }
    : analyzeModel(model);
  const targets = mergeTargets(fileTargets(loaded.value.model.targets, input.file), input.targets);
  return { model, raw: loaded.value.data, analysis, gate: evaluateTargets(targets, analysis) };
}
