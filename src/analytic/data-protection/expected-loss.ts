/**
 * Expected data lost per year: Σ over disruptions of rate × data at risk (DESIGN §4, "a
 * disruption with a rate adds rate × data at risk of expected loss"). Rates: a node loss
 * happens at Σ n_g·λ_g·a_g over the data tier's nodes, a zone (region) loss at λ·a of the
 * primary's zone (region), logical corruption at `data.corruption` (1 / MTBF). A disruption
 * nothing survives loses the whole data set S(H).
 */
import type { ResolvedModel } from '../../model/resolve.js';
import type { Component } from '../../model/component.js';
import type { Scenario } from '../../model/types.js';
import { SECONDS_PER_YEAR } from '../../units/conventions.js';
import type { ScenarioResult } from './types.js';

const frequencyOf = (c: Component | undefined): number | null =>
  c === undefined || c.failureRate === undefined ? null : c.failureRate * (1 - c.unavailability);

/** Disruptions per second of one scenario; null without a rate. @example disruptionRate(resolved, 'corruption') // 1 / (5 year) */
export function disruptionRate(resolved: ResolvedModel, scenario: Scenario): number | null {
  const { model } = resolved;
  const places = resolved.data;
  const tier = places === undefined ? undefined : model.tiers[places.tier];
  const zone = places === undefined ? undefined : model.zones[places.primary.zone];
  switch (scenario) {
    case 'node': {
      if (tier === undefined) return null;
      let sum = 0;
      for (const g of tier.groups) {
        const f = frequencyOf(g.failure);
        if (f === null) return null;
        sum += g.count * f;
      }
      return sum;
    }
    case 'zone':
      return zone === undefined ? null : frequencyOf(zone.failure);
    case 'region': {
      const region = zone === undefined || places === undefined ? undefined : model.regions[places.primary.region];
      return region === undefined ? null : frequencyOf(region.failure);
    }
    case 'corruption':
      return model.data?.corruptionRate ?? null;
    default: {
      const never: never = scenario;
      throw new Error(`unknown scenario ${String(never)}`);
    }
  }
}

/** Each scenario with its rate and expected loss, and their sum (null when none has a rate). */
export function withExpectedLoss(
  resolved: ResolvedModel,
  scenarios: readonly ScenarioResult[],
  sizeBytes: number,
): { readonly scenarios: ScenarioResult[]; readonly expectedBytesLostPerYear: number | null } {
  let total: number | null = null;
  const out = scenarios.map((s): ScenarioResult => {
    const rate = disruptionRate(resolved, s.scenario);
    if (rate === null) return { ...s, disruptionsPerYear: null, expectedBytesLostPerYear: null };
    const perYear = rate * SECONDS_PER_YEAR;
    const loss = perYear * (s.dataAtRiskBytes ?? sizeBytes);
    total = (total ?? 0) + loss;
    return { ...s, disruptionsPerYear: perYear, expectedBytesLostPerYear: loss };
  });
  return { scenarios: out, expectedBytesLostPerYear: total };
}
