/**
 * The figure of each target metric, extracted from the engines' results: one function per
 * registry entry (src/model/metrics.ts). A figure that does not exist (a scenario that is not
 * recoverable, an unknown tier, an outage frequency of static components) is `missing` with
 * the reason, never an exception. A metric whose registry `source` is `data` gets the data
 * section's results; `measure` (metrics.ts) reports their absence.
 */
import type { DataProtectionResult, ScenarioResult } from '../analytic/data-protection/index.js';
import type { METRICS } from '../model/metrics.js';
import type { Target, TargetMetric } from '../model/types.js';
import { SECONDS_PER_YEAR } from '../units/conventions.js';
import {
  boundOf,
  complementFigure,
  direct,
  type Measured,
  missing,
  scaledInterval,
  simulated,
  unavailabilityFigure,
} from './measured.js';
import type { GateFigures } from './types.js';

/** What a figure is asked for: the metric and its scope. */
export type TargetRef = Pick<Target, 'metric' | 'scenario' | 'tier'>;

/** The figures a data metric is measured from: the data section's results are there. */
export type DataFigures = GateFigures & { readonly dataProtection: DataProtectionResult };

/** The figure of one metric; a `data` metric is handed the data section's results. */
export type Figure<M extends TargetMetric> = (
  target: TargetRef,
  figures: (typeof METRICS)[M]['source'] extends 'data' ? DataFigures : GateFigures,
) => Measured;

/** Every metric's figure: adding a metric to the registry without one does not compile. */
export const FIGURES: { readonly [M in TargetMetric]: Figure<M> } = {
  availability: (target, { availability, simulation }) => {
    if (target.tier === undefined) {
      const svc = availability.service;
      return unavailabilityFigure(
        svc.unavailability,
        simulation?.service.unavailability,
        boundOf(svc, svc.prunedProbability),
      );
    }
    const tier = availability.tiers.find((t) => t.name === target.tier);
    if (tier === undefined) {
      const names = availability.tiers.map((t) => t.name).join(', ');
      return missing(`no tier named '${target.tier}' (tiers: ${names})`);
    }
    const sim = simulation?.tiers.find((t) => t.name === target.tier)?.unavailability;
    return unavailabilityFigure(tier.unavailability, sim, boundOf(tier, availability.service.prunedProbability));
  },
  downtimePerYear: (_, { availability, simulation }) => {
    const sim = simulation?.service.unavailability;
    if (sim !== undefined) return simulated(scaledInterval(sim, SECONDS_PER_YEAR));
    const svc = availability.service;
    const figure = direct(svc.unavailability * SECONDS_PER_YEAR);
    const b = boundOf(svc, svc.prunedProbability);
    if (b === undefined || figure.kind !== 'value') return figure;
    return { ...figure, bound: { ...b, lower: b.lower * SECONDS_PER_YEAR, upper: b.upper * SECONDS_PER_YEAR } };
  },
  outagesPerYear: (_, { availability }) => {
    const svc = availability.service;
    const nu = svc.outagesPerYear;
    if (nu === null)
      return missing(
        'outages per year are unknown: a component that can fail has no failure rate (give it an mttr or mtbf)',
      );
    const figure = direct(nu);
    const b = svc.outagesPerYearBounds;
    // Not exact (states skipped): decided from the rigorous interval, like availability.
    if (svc.exact || b === null || figure.kind !== 'value') return figure;
    return { ...figure, bound: { lower: b.lower, upper: b.upper, skippedProbability: svc.prunedProbability } };
  },
  rpo: (target, { dataProtection }) => worstScenario(target, dataProtection, (s) => s.rpoSeconds),
  rto: (target, { dataProtection }) => worstScenario(target, dataProtection, (s) => s.rtoSeconds),
  dataAtRisk: (target, { dataProtection }) => worstScenario(target, dataProtection, (s) => s.dataAtRiskBytes),
  durability: (_, { dataProtection }) => {
    const d = dataProtection.durability;
    if (d === null)
      return missing('durability is unknown: the shard failure spec has no rate or the rebuild time is unknown');
    return complementFigure(d.window.annualLossProbability);
  },
  dataLossPerYear: (_, { dataProtection }) => {
    const loss = dataProtection.expectedBytesLostPerYear;
    return loss === null ? missing('no disruption of the data has a rate') : direct(loss);
  },
  backupStorage: (_, { dataProtection }) => {
    const locations = dataProtection.storageByLocation;
    if (locations.length === 0) return missing('the model has no backups: no backup storage to measure');
    return direct(locations.reduce((s, l) => s + l.storageBytes, 0));
  },
  errorBudget: (_, { slo }) => {
    const share = slo?.budgetShare ?? { missing: 'no SLO figures were computed' };
    return typeof share === 'number' ? direct(share) : missing(share.missing);
  },
  budgetExhaustionProbability: (_, { slo }) => {
    const p = slo?.exhaustion ?? { missing: 'no SLO figures were computed' };
    if ('missing' in p) return missing(p.missing);
    return simulated({ estimate: p.estimate, ci: [p.ci[0], p.ci[1]], trials: p.trials });
  },
  costPerMonth: (_, { cost }) =>
    cost === undefined
      ? missing("the model prices nothing: give a 'cost' to its tiers, zones, regions, data or backups")
      : direct(cost.perMonth),
  runway: (_, { plan }) => {
    if (plan === undefined || plan.runway.length === 0)
      return missing('the runway target needs a tier with capacity, data.capacity or data.backupCapacity to measure');
    let worst = plan.runway[0];
    for (const r of plan.runway) if ((r.breaksAtSeconds ?? Infinity) < (worst?.breaksAtSeconds ?? Infinity)) worst = r;
    // Beyond the horizon: the horizon itself is a lower bound, and check plans at least past the threshold.
    return direct(worst?.breaksAtSeconds ?? plan.horizonSeconds);
  },
};

/**
 * The worst (largest) figure over the target's scenario, or over every scenario with the one
 * that gave it; missing when a scenario is not recoverable.
 */
function worstScenario(
  target: TargetRef,
  dataProtection: DataProtectionResult,
  pick: (s: ScenarioResult) => number | null,
): Measured {
  const scenarios = dataProtection.scenarios.filter(
    (s) => target.scenario === undefined || s.scenario === target.scenario,
  );
  if (scenarios.length === 0) return missing(`no ${target.scenario ?? ''} scenario was analysed`);
  const lost = scenarios.filter((s) => !s.survives || pick(s) === null);
  if (lost.length > 0) return missing(lost.map((s) => `${s.scenario}: ${s.explanation}`).join(' '));
  let worst: ScenarioResult | undefined;
  for (const s of scenarios) if (worst === undefined || (pick(s) ?? 0) > (pick(worst) ?? 0)) worst = s;
  return worst === undefined ? missing('no scenario') : direct(pick(worst) ?? 0, worst.scenario);
}
