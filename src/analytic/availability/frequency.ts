import type { Model } from '../../model/types.js';
import type { Conditioned } from './conditioning.js';
import { isStatic } from './figures.js';

/** A domain's service unavailability and availability given it down, and given it up. */
export type DomainConditional = {
  readonly downQ: number;
  readonly downA: number;
  readonly upQ: number;
  readonly upA: number;
};

/** Outage frequency ν (per second) and its split over node groups, zones and regions. */
export type Frequency = {
  /** null when some component that matters is static (no rate): ν cannot be known. */
  readonly total: number | null;
  readonly nodes: readonly (readonly number[])[];
  readonly zones: readonly number[];
  readonly regions: readonly number[];
  readonly staticSubjects: readonly string[];
};

/**
 * ν = Σ_i I_B(i)·A_i·λ_i over the repairable components (DESIGN §4; Birnbaum 1969, the
 * frequency of a coherent system of independent components). Node groups use the importance
 * summed by {@link conditionService} (count·a·λ·I); zones and regions use
 * I_B = q_svc(d down) − q_svc(d up), with their conditional figures from the state sums.
 * @example serviceFrequency(model, conditioned, zones, regions).total
 */
export function serviceFrequency(
  model: Model,
  cond: Conditioned,
  zones: readonly DomainConditional[],
  regions: readonly DomainConditional[],
): Frequency {
  const staticSubjects: string[] = [];
  const nodes = model.tiers.map((tier, t) =>
    tier.groups.map((g, gi) => {
      const importance = cond.nodeImportance[t]?.[gi] ?? 0;
      if (importance <= 0) return 0;
      if (isStatic(g.failure)) {
        staticSubjects.push(`tier ${tier.name}`);
        return 0;
      }
      const lambda = g.failure.failureRate ?? 0;
      return g.count * (1 - g.failure.unavailability) * lambda * importance;
    }),
  );
  const domain = (
    list: readonly { readonly name: string; readonly failure: Model['zones'][number]['failure'] }[],
    conditionals: readonly DomainConditional[],
    kind: string,
  ): number[] =>
    list.map((d, i) => {
      const c = conditionals[i];
      if (d.failure === undefined || c === undefined) return 0;
      const importance = c.downQ - c.upQ;
      if (!(importance > 0)) return 0;
      if (isStatic(d.failure)) {
        staticSubjects.push(`${kind} ${d.name}`);
        return 0;
      }
      return importance * (1 - d.failure.unavailability) * (d.failure.failureRate ?? 0);
    });
  const zoneNu = domain(model.zones, zones, 'zone');
  const regionNu = domain(model.regions, regions, 'region');
  const sum = (xs: readonly number[]): number => xs.reduce((s, x) => s + x, 0);
  const total = staticSubjects.length > 0 ? null : sum(nodes.map(sum)) + sum(zoneNu) + sum(regionNu);
  return { total, nodes, zones: zoneNu, regions: regionNu, staticSubjects: [...new Set(staticSubjects)] };
}
