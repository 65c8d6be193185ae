/**
 * The `nines plan` use case: the capacity plan of a model over a horizon (the view its
 * renderers show and the JSON document), and the plan `check` gates runway targets on. No I/O.
 */
import { planCapacity, type PlanResult } from '../analytic/capacity/index.js';
import type { Model, Target } from '../model/types.js';
import { modelInfo } from '../report/json/analysis.js';
import { envelope } from '../report/json/envelope.js';
import type { PlanView } from '../report/text/plan.js';
import { SECONDS_PER_MONTH, SECONDS_PER_YEAR } from '../units/conventions.js';
import type { ModelSource } from './source.js';
import { overridesJson } from './what-if.js';

export type { PlanResult } from '../analytic/capacity/index.js';

/** The capacity plan over `years` with a timeline step (default: a month). */
export function planReport(
  model: Model,
  options: { readonly years: number; readonly stepSeconds?: number },
): PlanResult {
  return planCapacity(model, {
    horizonSeconds: options.years * SECONDS_PER_YEAR,
    stepSeconds: options.stepSeconds ?? SECONDS_PER_MONTH,
  });
}

export type PlanOutcome = { readonly view: PlanView; readonly document: Record<string, unknown> };

/**
 * `nines plan` on a validated model (`set`: the `--set` what-ifs it was loaded with, for the document).
 * @example runPlan(loadSource(text), { years: 3 }).document.runway
 */
export function runPlan(
  source: ModelSource,
  options: { readonly years: number; readonly stepSeconds?: number; readonly set?: readonly string[] | undefined },
): PlanOutcome {
  const { model, fileLabel } = source;
  const plan = planReport(model, options);
  const document = {
    ...envelope('plan'),
    model: modelInfo(model, fileLabel),
    ...plan,
    overrides: overridesJson(options.set, undefined),
  };
  return { view: { modelName: model.name, description: model.description, plan }, document };
}

/**
 * The plan `check` needs for runway targets (undefined without any): at least three years and
 * a month past the largest threshold, so a limit "beyond the horizon" passes honestly.
 */
export function planForTargets(model: Model, targets: readonly { readonly target: Target }[]): PlanResult | undefined {
  const runways = targets.filter((t) => t.target.metric === 'runway').map((t) => t.target.threshold);
  if (runways.length === 0) return undefined;
  const horizonSeconds = Math.max(3 * SECONDS_PER_YEAR, ...runways.map((r) => r + SECONDS_PER_MONTH));
  return planCapacity(model, { horizonSeconds, stepSeconds: SECONDS_PER_MONTH });
}
