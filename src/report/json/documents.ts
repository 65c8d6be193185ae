/**
 * The JSON documents of analyze, check and simulate, built in one place: the commands print
 * them and the report embeds them, so the two can never differ.
 */
import type { Analysis } from '../../analytic/analyze-model.js';
import type { GateExit, GateResult } from '../../gate/index.js';
import type { Model } from '../../model/types.js';
import type { SimulationResult } from '../../simulate/types.js';
import { analysisJson, modelInfo } from './analysis.js';
import { envelope } from './envelope.js';

export type Overrides = { readonly set: readonly string[]; readonly fail: readonly string[] };
const NONE: Overrides = { set: [], fail: [] };

/** `nines analyze --json` (without a drill); `cutSets`: how many minimal cut sets to list. */
export function analyzeDocument(
  model: Model,
  file: string,
  analysis: Analysis,
  overrides: Overrides = NONE,
  options: { cutSets?: number | undefined } = {},
) {
  return {
    ...envelope('analyze'),
    model: modelInfo(model, file),
    ...analysisJson(analysis, options),
    overrides: { set: [...overrides.set], fail: [...overrides.fail] },
  };
}

/** `nines simulate --json`. */
export function simulateDocument(
  model: Model,
  file: string,
  simulation: SimulationResult,
  overrides: Overrides = NONE,
) {
  return {
    ...envelope('simulate'),
    model: modelInfo(model, file),
    horizonSeconds: model.horizonSeconds,
    simulation,
    overrides: { set: [...overrides.set], fail: [...overrides.fail] },
  };
}

/** `nines check --json` with the analytic method (without a drill). */
export function checkDocument(
  model: Model,
  file: string,
  result: GateResult,
  exit: GateExit,
  overrides: Overrides = NONE,
) {
  return {
    ...envelope('check'),
    model: modelInfo(model, file),
    method: 'analytic' as const,
    status: result.status,
    exitCode: exit.code,
    summary: result.summary,
    records: result.records,
    overrides: { set: [...overrides.set], fail: [...overrides.fail] },
  };
}
