/**
 * Actual values of target metrics, extracted from the engines' results. A figure that does
 * not exist (no data section, a scenario that is not recoverable, an unknown tier, an outage
 * frequency of static components) is `missing` with the reason, never an exception.
 */
import type { ScenarioResult } from '../analytic/data-protection/index.js';
import type { Scenario, Target } from '../model/types.js';
import { SECONDS_PER_YEAR } from '../units/conventions.js';
import { distrust, type McEstimate } from '../simulate/estimate/trust.js';
import type { GateFigures } from './types.js';

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

const missing = (reason: string): Measured => ({ kind: 'missing', reason });

const direct = (value: number, scenario?: Scenario): Measured => ({
  kind: 'value',
  value,
  complement: undefined,
  compared: value,
  method: 'analytic',
  interval: undefined,
  scenario,
});

/** The figure a target measures: `compared` is in the space of `comparedThreshold(target)`. */
export function measure(target: Target, figures: GateFigures): Measured {
  const { availability, dataProtection, simulation } = figures;
  switch (target.metric) {
    case 'availability': {
      if (target.tier === undefined) {
        const sim = simulation?.service.unavailability;
        const svc = availability.service;
        return unavailabilityFigure(svc.unavailability, sim, boundOf(svc, svc.prunedProbability));
      }
      const tier = availability.tiers.find((t) => t.name === target.tier);
      if (tier === undefined) {
        const names = availability.tiers.map((t) => t.name).join(', ');
        return missing(`no tier named '${target.tier}' (tiers: ${names})`);
      }
      const sim = simulation?.tiers.find((t) => t.name === target.tier)?.unavailability;
      return unavailabilityFigure(tier.unavailability, sim, boundOf(tier, availability.service.prunedProbability));
    }
    case 'downtimePerYear': {
      const q = availability.service.unavailability;
      const sim = simulation?.service.unavailability;
      if (sim === undefined) {
        const b = boundOf(availability.service, availability.service.prunedProbability);
        const figure = direct(q * SECONDS_PER_YEAR);
        if (b === undefined || figure.kind !== 'value') return figure;
        return { ...figure, bound: { ...b, lower: b.lower * SECONDS_PER_YEAR, upper: b.upper * SECONDS_PER_YEAR } };
      }
      const scale = (x: number): number => x * SECONDS_PER_YEAR;
      return {
        kind: 'value',
        value: scale(sim.estimate),
        complement: undefined,
        compared: scale(sim.estimate),
        method: 'simulate',
        interval: {
          estimate: scale(sim.estimate),
          ci: [scale(sim.ci[0]), scale(sim.ci[1])],
          trials: sim.trials,
          ...doubtOf(sim),
        },
        scenario: undefined,
      };
    }
    case 'outagesPerYear': {
      const nu = availability.service.outagesPerYear;
      return nu === null
        ? missing(
            'outages per year are unknown: a component that can fail has no failure rate (give it an mttr or mtbf)',
          )
        : direct(nu);
    }
    case 'rpo':
    case 'rto':
    case 'dataAtRisk': {
      if (dataProtection === undefined) return missing(`the ${target.metric} target needs a 'data' section to measure`);
      const pick = (s: ScenarioResult): number | null =>
        target.metric === 'rpo' ? s.rpoSeconds : target.metric === 'rto' ? s.rtoSeconds : s.dataAtRiskBytes;
      const scenarios = dataProtection.scenarios.filter(
        (s) => target.scenario === undefined || s.scenario === target.scenario,
      );
      if (scenarios.length === 0) return missing(`no ${target.scenario ?? ''} scenario was analysed`);
      const lost = scenarios.filter((s) => !s.survives || pick(s) === null);
      if (lost.length > 0) {
        return missing(lost.map((s) => `${s.scenario}: ${s.explanation}`).join(' '));
      }
      let worst: ScenarioResult | undefined;
      for (const s of scenarios) if (worst === undefined || (pick(s) ?? 0) > (pick(worst) ?? 0)) worst = s;
      return worst === undefined ? missing('no scenario') : direct(pick(worst) ?? 0, worst.scenario);
    }
    case 'durability': {
      if (dataProtection === undefined) return missing("the durability target needs a 'data' section to measure");
      const d = dataProtection.durability;
      if (d === null)
        return missing('durability is unknown: the shard failure spec has no rate or the rebuild time is unknown');
      const p = d.window.annualLossProbability;
      return {
        kind: 'value',
        value: 1 - p,
        complement: p,
        compared: p,
        method: 'analytic',
        interval: undefined,
        scenario: undefined,
      };
    }
    case 'dataLossPerYear': {
      if (dataProtection === undefined) return missing("the dataLossPerYear target needs a 'data' section to measure");
      const loss = dataProtection.expectedBytesLostPerYear;
      return loss === null ? missing('no disruption of the data has a rate') : direct(loss);
    }
    case 'backupStorage': {
      if (dataProtection === undefined) return missing("the backupStorage target needs a 'data' section to measure");
      if (dataProtection.storageByLocation.length === 0)
        return missing('the model has no backups: no backup storage to measure');
      return direct(dataProtection.storageByLocation.reduce((s, l) => s + l.storageBytes, 0));
    }
    case 'errorBudget': {
      const share = figures.slo?.budgetShare ?? { missing: 'no SLO figures were computed' };
      return typeof share === 'number' ? direct(share) : missing(share.missing);
    }
    case 'budgetExhaustionProbability': {
      const p = figures.slo?.exhaustion ?? { missing: 'no SLO figures were computed' };
      if ('missing' in p) return missing(p.missing);
      return {
        kind: 'value',
        value: p.estimate,
        complement: undefined,
        compared: p.estimate,
        method: 'simulate',
        interval: { estimate: p.estimate, ci: [p.ci[0], p.ci[1]], trials: p.trials },
        scenario: undefined,
      };
    }
    case 'costPerMonth': {
      const cost = figures.cost;
      return cost === undefined
        ? missing("the model prices nothing: give a 'cost' to its tiers, zones, regions, data or backups")
        : direct(cost.perMonth);
    }
    case 'runway': {
      const plan = figures.plan;
      if (plan === undefined || plan.runway.length === 0)
        return missing('the runway target needs a tier with capacity, data.capacity or data.backupCapacity to measure');
      let worst = plan.runway[0];
      for (const r of plan.runway)
        if ((r.breaksAtSeconds ?? Infinity) < (worst?.breaksAtSeconds ?? Infinity)) worst = r;
      // Beyond the horizon: the horizon itself is a lower bound, and check plans at least past the threshold.
      return direct(worst?.breaksAtSeconds ?? plan.horizonSeconds);
    }
    default: {
      const never: never = target.metric;
      throw new Error(`unknown metric ${String(never)}`);
    }
  }
}

/** The unavailability bounds of a figure that is not exact; undefined when it is. */
function boundOf(
  figure: {
    readonly exact: boolean;
    readonly unavailabilityBounds: { readonly lower: number; readonly upper: number };
  },
  skippedProbability: number,
): AnalyticBound | undefined {
  if (figure.exact) return undefined;
  return { lower: figure.unavailabilityBounds.lower, upper: figure.unavailabilityBounds.upper, skippedProbability };
}

/** Availability from its unavailability q: compared in q, with the simulated interval if any. */
function unavailabilityFigure(q: number, sim: McEstimate | undefined, bound?: AnalyticBound): Measured {
  if (sim === undefined) {
    return {
      kind: 'value',
      value: 1 - q,
      complement: q,
      compared: q,
      method: 'analytic',
      interval: undefined,
      scenario: undefined,
      ...(bound === undefined ? {} : { bound }),
    };
  }
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

function doubtOf(sim: McEstimate): { doubt?: string } {
  const doubt = distrust(sim);
  return doubt === undefined ? {} : { doubt };
}
