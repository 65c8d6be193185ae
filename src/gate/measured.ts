/**
 * What the gate measures: a figure with the quantity its threshold is compared with, its
 * engine and, when it is not exact, its interval; or the reason it does not exist.
 */
import type { Scenario } from '../model/types.js';
import { distrust, type McEstimate } from '../simulate/estimate/trust.js';

/** A rigorous interval of the compared quantity (zone/region states skipped), and why. */
export type AnalyticBound = { readonly lower: number; readonly upper: number; readonly skippedProbability: number };

/**
 * A 95% Monte Carlo interval of the compared quantity; `doubt` says why it cannot decide a
 * target (see {@link distrust}).
 */
export type McInterval = {
  readonly estimate: number;
  readonly ci: readonly [number, number];
  readonly trials: number;
  readonly doubt?: string;
};

/**
 * A measured figure. `compared` is what the threshold is compared with: the value itself, or
 * for availability and durability the unavailability / annual loss probability (the
 * complement), compared with the target's exact `thresholdComplement`.
 */
export type Measured =
  | {
      readonly kind: 'value';
      readonly value: number;
      readonly complement: number | undefined;
      readonly compared: number;
      readonly method: 'analytic' | 'simulate';
      readonly interval: McInterval | undefined;
      /** Which scenario gave the worst value, for rpo/rto/dataAtRisk over all scenarios. */
      readonly scenario: Scenario | undefined;
      /** An analytic figure that is not exact: the compared quantity lies in [lower, upper]. */
      readonly bound?: AnalyticBound;
    }
  | { readonly kind: 'missing'; readonly reason: string };

/** A figure that does not exist, and why. */
export const missing = (reason: string): Measured => ({ kind: 'missing', reason });

/** An exact analytic figure compared as it is (not through its complement). */
export const direct = (value: number, scenario?: Scenario): Measured => ({
  kind: 'value',
  value,
  complement: undefined,
  compared: value,
  method: 'analytic',
  interval: undefined,
  scenario,
});

/** A simulated figure compared as it is, with its 95% interval. */
export function simulated(interval: McInterval): Measured {
  return {
    kind: 'value',
    value: interval.estimate,
    complement: undefined,
    compared: interval.estimate,
    method: 'simulate',
    interval,
    scenario: undefined,
  };
}

/** The unavailability bounds of a figure that is not exact; undefined when it is. */
export function boundOf(
  figure: {
    readonly exact: boolean;
    readonly unavailabilityBounds: { readonly lower: number; readonly upper: number };
  },
  skippedProbability: number,
): AnalyticBound | undefined {
  if (figure.exact) return undefined;
  return { lower: figure.unavailabilityBounds.lower, upper: figure.unavailabilityBounds.upper, skippedProbability };
}

/** A figure compared through its complement p (availability from q, durability from P(loss)). */
export function complementFigure(p: number, bound?: AnalyticBound): Measured {
  return {
    kind: 'value',
    value: 1 - p,
    complement: p,
    compared: p,
    method: 'analytic',
    interval: undefined,
    scenario: undefined,
    ...(bound === undefined ? {} : { bound }),
  };
}

/** Availability from its unavailability q: compared in q, with the simulated interval if any. */
export function unavailabilityFigure(q: number, sim: McEstimate | undefined, bound?: AnalyticBound): Measured {
  if (sim === undefined) return complementFigure(q, bound);
  return {
    kind: 'value',
    value: 1 - sim.estimate,
    complement: sim.estimate,
    compared: sim.estimate,
    method: 'simulate',
    interval: { estimate: sim.estimate, ci: [sim.ci[0], sim.ci[1]], trials: sim.trials, ...doubtOf(sim) },
    scenario: undefined,
  };
}

/** A simulated estimate's interval scaled by a constant (unavailability → downtime per year). */
export function scaledInterval(sim: McEstimate, scale: number): McInterval {
  return {
    estimate: sim.estimate * scale,
    ci: [sim.ci[0] * scale, sim.ci[1] * scale],
    trials: sim.trials,
    ...doubtOf(sim),
  };
}

function doubtOf(sim: McEstimate): { doubt?: string } {
  const doubt = distrust(sim);
  return doubt === undefined ? {} : { doubt };
}
