/**
 * The compare use case (`nines compare`): two validated designs → the delta of each figure,
 * what got worse beyond the tolerance, the exit code (1 on a regression when asked to fail on
 * one), the view its renderers show and the JSON document. No I/O.
 */
import { analyzeModel, type Analysis } from '../analytic/analyze-model.js';
import type { Problem } from '../config/problem.js';
import { EXIT } from '../errors.js';
import { compareAnalyses, type CompareResult } from '../gate/index.js';
import type { Model } from '../model/types.js';
import { envelope } from '../report/json/envelope.js';
import type { CompareView } from '../report/text/compare.js';
import { resolveObjective, sloGateFigures } from './slo.js';
import type { ModelSource } from './source.js';
import { overridesJson } from './what-if.js';

export type CompareOptions = {
  /** Relative worsening allowed before a figure counts as a regression (0.01 = 1%). */
  readonly tolerance?: number;
  /** Exit 1 on a regression. */
  readonly failOnRegression?: boolean | undefined;
  /** The `--set` what-ifs the candidate was loaded with (for the document). */
  readonly set?: readonly string[] | undefined;
};

export type CompareOutcome = {
  readonly view: CompareView;
  readonly document: Record<string, unknown>;
  readonly exitCode: number;
  readonly result: CompareResult;
};

/** Compares a candidate design with a base. */
export async function runCompare(
  base: ModelSource,
  candidate: ModelSource,
  options: CompareOptions = {},
): Promise<CompareOutcome> {
  const baseAnalysis = analyzeModel(base.model);
  const candidateAnalysis = analyzeModel(candidate.model);
  const slo = await sloFor(base.model, baseAnalysis, candidate.model, candidateAnalysis);
  const result = compareAnalyses(baseAnalysis, candidateAnalysis, options.tolerance ?? 0, slo);
  const failOnRegression = options.failOnRegression === true;
  const exitCode = failOnRegression && result.regressed ? EXIT.targetMissed : EXIT.ok;
  const view: CompareView = {
    baseName: base.model.name,
    baseFile: base.fileLabel,
    candidateName: candidate.model.name,
    candidateFile: candidate.fileLabel,
    failOnRegression,
    result,
  };
  const info = (s: ModelSource) => ({
    name: s.model.name,
    ...(s.model.description === undefined ? {} : { description: s.model.description }),
    file: s.fileLabel,
  });
  const document = {
    ...envelope('compare'),
    model: info(candidate),
    exitCode,
    compare: {
      base: info(base),
      candidate: info(candidate),
      tolerance: result.tolerance,
      failOnRegression,
      regressed: result.regressed,
      metrics: result.metrics,
    },
    overrides: overridesJson(options.set, undefined),
  };
  return { view, document, exitCode, result };
}

/** The `nines compare --json` document when either model did not validate. */
export function compareFailureDocument(
  problems: readonly Problem[],
  options: CompareOptions = {},
): Record<string, unknown> {
  return { ...envelope('compare'), valid: false, problems, overrides: overridesJson(options.set, undefined) };
}

/**
 * The SLO rows: errorBudget when either model has an objective; budgetExhaustionProbability
 * (simulated, seeded) when either has an `slo` section or such a target.
 */
async function sloFor(
  base: Model,
  baseAnalysis: Analysis,
  candidate: Model,
  candidateAnalysis: Analysis,
): Promise<Parameters<typeof compareAnalyses>[3]> {
  if (resolveObjective(base) === undefined && resolveObjective(candidate) === undefined) return undefined;
  const wants = (m: Model): boolean =>
    m.slo !== undefined || m.targets.some((t) => t.metric === 'budgetExhaustionProbability');
  const exhaustion = wants(base) || wants(candidate);
  return {
    base: await sloGateFigures(base, baseAnalysis.availability, { exhaustion }),
    candidate: await sloGateFigures(candidate, candidateAnalysis.availability, { exhaustion }),
    exhaustion,
  };
}
