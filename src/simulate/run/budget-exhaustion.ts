/**
 * P(a window exhausts its error budget), by the timeline simulator: each simulated horizon is
 * one window, started in the steady state; a window exhausts its budget when its downtime
 * exceeds (1 − objective) × its length (the simulator's `missProbability` for a target equal
 * to the objective).
 */
import type { Objective, SloFigures } from '../../analytic/slo/figures.js';
import type { Model, Target } from '../../model/types.js';
import { SECONDS_PER_YEAR } from '../../units/conventions.js';
import type { WindowLength } from '../../units/slo-window.js';
import { compileModel } from '../compile/compile.js';
import type { ProportionEstimate } from '../types.js';
import { simulate } from './simulate.js';
import { DEFAULT_SEED, DEFAULT_TIMELINE_TRIALS } from './simulation.js';

export type Exhaustion = WindowLength & {
  /** P(downtime in a window > its budget): the share of simulated windows that exhaust it. */
  readonly probability: ProportionEstimate;
  /** Mean share of the budget a window uses: simulated (time-average downtime / budget) and analytic (q / (1 − objective)). */
  readonly meanBudgetShare: {
    readonly simulated: number;
    readonly simulatedCi: readonly [number, number];
    readonly analytic: number;
  };
};

export type ExhaustionResult =
  | {
      readonly simulated: true;
      readonly seed: number;
      readonly trials: number;
      readonly start: 'steady';
      readonly windows: readonly Exhaustion[];
    }
  | { readonly simulated: false; readonly reason: string };

/** A copy of the model for the budget simulation: no data section, one availability target (the objective). */
function simulationModel(model: Model, objective: Objective): Model {
  const target: Target = {
    metric: 'availability',
    operator: '>=',
    threshold: objective.availability,
    thresholdComplement: objective.unavailability,
    level: 'error',
    scenario: undefined,
    tier: undefined,
    position: undefined,
  };
  return { ...model, data: undefined, targets: [target] };
}

/**
 * P(a window exhausts its budget) for each window length, by the timeline simulator: windows
 * start in the steady state; a window exhausts its budget when its downtime exceeds
 * (1 − objective) × its length (the simulator's `missProbability` over a horizon of one window).
 */
export async function budgetExhaustion(
  model: Model,
  figures: SloFigures,
  options: { readonly seed?: number; readonly trials?: number; readonly workers?: 'auto' | number } = {},
): Promise<ExhaustionResult> {
  const statics = compileModel(model).staticComponents;
  if (statics.length > 0) {
    return {
      simulated: false,
      reason: `components without an mttr have no time behaviour (${statics.slice(0, 3).join(', ')}${statics.length > 3 ? ', …' : ''}): give them an mttr to simulate windows`,
    };
  }
  const seed = options.seed ?? DEFAULT_SEED;
  const trials = options.trials ?? DEFAULT_TIMELINE_TRIALS;
  const copy = simulationModel(model, figures.objective);
  const q = figures.objective.unavailability;
  const windows: Exhaustion[] = [];
  for (const length of figures.window.lengths) {
    const result = await simulate(copy, {
      seed,
      trials,
      mode: 'timeline',
      years: length.seconds / SECONDS_PER_YEAR,
      workers: options.workers ?? 'auto',
    });
    const miss = result.missProbability;
    const u = result.timeline?.unavailability;
    if (miss === undefined || u === undefined)
      throw new Error('slo: the timeline simulation returned no budget figure');
    const { target: _target, ...probability } = miss;
    windows.push({
      ...length,
      probability,
      meanBudgetShare: {
        simulated: u.estimate / q,
        simulatedCi: [u.ci[0] / q, u.ci[1] / q],
        analytic: figures.allocation.budgetShare,
      },
    });
  }
  return { simulated: true, seed, trials, start: 'steady', windows };
}
