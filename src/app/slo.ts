/**
 * The `nines slo` use case: the analytic SLO figures and the budget-exhaustion simulation of a
 * model, and the SLO figures `check` and `compare` gate on.
 */
import { analyzeAvailability, type AvailabilityResult } from '../analytic/availability/index.js';
import { metricSpec } from '../model/metrics.js';
import {
  resolveObjective,
  sloFigures,
  type Objective,
  type SloFigures,
  type SloOptions,
} from '../analytic/slo/figures.js';
import type { SloGateFigures } from '../gate/types.js';
import type { Model, Target } from '../model/types.js';
import { budgetExhaustion, type ExhaustionResult } from '../simulate/run/budget-exhaustion.js';

export { resolveObjective, sloFigures, type Objective, type SloFigures } from '../analytic/slo/figures.js';
export { budgetExhaustion, type ExhaustionResult } from '../simulate/run/budget-exhaustion.js';

/** Every SLO figure of a model, simulation included. */
export async function sloReport(
  model: Model,
  objective: Objective,
  options: SloOptions & {
    readonly seed?: number;
    readonly trials?: number;
    readonly simulate?: boolean;
    readonly workers?: 'auto' | number;
  } = {},
): Promise<{ figures: SloFigures; exhaustion: ExhaustionResult }> {
  const figures = sloFigures(model, analyzeAvailability(model), objective, options);
  const exhaustion =
    options.simulate === false
      ? { simulated: false as const, reason: '--no-simulate' }
      : await budgetExhaustion(model, figures, options);
  return { figures, exhaustion };
}

/** Whether any target needs the SLO figures. */
export function needsSloFigures(targets: readonly { readonly target: Target }[]): {
  budget: boolean;
  exhaustion: boolean;
} {
  return {
    budget: targets.some((t) => metricSpec(t.target.metric).source === 'slo'),
    exhaustion: targets.some((t) => t.target.metric === 'budgetExhaustionProbability'),
  };
}

/**
 * The figures `check` gates SLO targets on: the budget share and, when asked, the worst window
 * length's exhaustion probability with its 95% interval.
 */
export async function sloGateFigures(
  model: Model,
  availability: AvailabilityResult,
  options: {
    readonly exhaustion: boolean;
    readonly seed?: number;
    readonly trials?: number;
    readonly workers?: 'auto' | number;
  },
): Promise<SloGateFigures> {
  const objective = resolveObjective(model);
  if (objective === undefined) {
    const missing = 'no SLO objective: add slo.objective or an availability target to the model';
    return { budgetShare: { missing }, exhaustion: { missing } };
  }
  const figures = sloFigures(model, availability, objective);
  if (!options.exhaustion)
    return { budgetShare: figures.allocation.budgetShare, exhaustion: { missing: 'not simulated' } };
  const result = await budgetExhaustion(model, figures, options);
  if (!result.simulated) return { budgetShare: figures.allocation.budgetShare, exhaustion: { missing: result.reason } };
  const worst = result.windows.reduce((a, b) => (b.probability.estimate > a.probability.estimate ? b : a));
  return {
    budgetShare: figures.allocation.budgetShare,
    exhaustion: { estimate: worst.probability.estimate, ci: worst.probability.ci, trials: worst.probability.trials },
  };
}
