/**
 * The allocation of an error budget over the model (Treynor, Dahlin, Rau, Beyer, "The Calculus
 * of Service Availability", ACM Queue 15(2), 2017): each unique critical dependency consumes its
 * own unavailability, counted once however deep it sits (a region under every tier is one
 * dependency, not one per tier); what the design consumes in all is its modelled
 * unavailability; what is left is for the service's own releases and incidents.
 */
import { alwaysUp, conditionModel } from '../../model/condition.js';
import type { Model } from '../../model/types.js';
import { SECONDS_PER_YEAR } from '../../units/conventions.js';
import { analyzeAvailability, type AvailabilityResult } from '../availability/index.js';

/** A part of the model whose failure alone takes the service down. */
export type CriticalDependency = {
  readonly kind: 'tier' | 'zone' | 'region';
  readonly name: string;
  /**
   * Its own unavailability: a zone's or region's own failures; a tier's from its nodes alone
   * (its zones and regions up, which are counted as dependencies of their own).
   */
  readonly unavailability: number;
  /** unavailability / (1 − objective). */
  readonly budgetShare: number;
  /** Treynor's rule of the extra 9: unavailability ≤ (1 − objective) / 10. */
  readonly extraNine: boolean;
};

export type Allocation = {
  /** 1 − objective, the budget as a fraction of the window. */
  readonly budget: number;
  readonly dependencies: readonly CriticalDependency[];
  /** P(at least one critical dependency down) = 1 − Π(1 − q_d): simultaneous failures counted once. */
  readonly dependenciesUnavailability: number;
  /**
   * With failover nodes: the service down while a failover switches to its standby (and fails
   * back), q_switchover = Σ_F I_F·Δq_F (see the availability engine), a loss that starts
   * several switchovers counted once; null without failovers.
   */
  readonly switchover: {
    readonly unavailability: number;
    /** q_switchover × 365 d. */
    readonly secondsPerYear: number;
    /** q_switchover / (1 − objective). */
    readonly budgetShare: number;
  } | null;
  /** The rest of the modelled unavailability: failures that exhaust redundancy across parts (q − the above, ≥ 0). */
  readonly combinedUnavailability: number;
  /** The model's service unavailability q (the analytic engine). */
  readonly designUnavailability: number;
  /** q / (1 − objective): the `errorBudget` target metric. */
  readonly budgetShare: number;
  /** (1 − objective) − q: left for releases and incidents (negative: over budget). */
  readonly leftUnavailability: number;
  /** q ≤ 1 − objective: the design alone can meet the objective. */
  readonly feasible: boolean;
  /** log10((1 − objective) / q): nines the design has in hand over the objective (null when q = 0). */
  readonly headroomNines: number | null;
  /** The highest objective the design supports: 1 − q. */
  readonly maxObjective: number;
};

/**
 * Allocates the budget 1 − objective over the model's critical dependencies.
 * Dependencies are the tiers the service cannot do without (the tier down, everything else up,
 * takes the service down) and the zones and regions whose loss alone does. Their events involve
 * disjoint sets of independent components, so the union is 1 − Π(1 − q_d) = −expm1(Σ log1p(−q_d)).
 * Failovers' switchover windows are their own row (the primary down, the standby not yet
 * serving: no critical dependency is down then, to first order); the rest is redundancy exhausted.
 * @example allocateBudget(model, availability, 1e-4).feasible
 */
export function allocateBudget(model: Model, availability: AvailabilityResult, budget: number): Allocation {
  const q = availability.service.unavailability;
  const dependencies: CriticalDependency[] = [];
  const dep = (kind: CriticalDependency['kind'], name: string, unavailability: number): void => {
    if (unavailability > 0)
      dependencies.push({
        kind,
        name,
        unavailability,
        budgetShare: unavailability / budget,
        extraNine: unavailability <= budget / 10,
      });
  };
  for (const r of availability.regions)
    if (r.nodes > 0 && !r.serviceSurvivesLoss) dep('region', r.name, r.unavailability);
  for (const z of availability.zones) if (z.nodes > 0 && !z.serviceSurvivesLoss) dep('zone', z.name, z.unavailability);
  const critical = model.tiers.filter(
    (t) =>
      analyzeAvailability(conditionModel(model, [{ kind: 'tier', name: t.name }], 'others-up')).service.availability ===
      0,
  );
  if (critical.length > 0) {
    const domainsUp: Model = {
      ...model,
      regions: model.regions.map((r) => ({ ...r, failure: r.failure === undefined ? undefined : alwaysUp(r.failure) })),
      zones: model.zones.map((z) => ({ ...z, failure: z.failure === undefined ? undefined : alwaysUp(z.failure) })),
    };
    const own = analyzeAvailability(domainsUp);
    for (const t of critical) dep('tier', t.name, own.tiers.find((x) => x.name === t.name)?.unavailability ?? 0);
  }
  const union = -Math.expm1(dependencies.reduce((s, d) => s + Math.log1p(-d.unavailability), 0));
  const sw = availability.switchoverUnavailability;
  const switchover =
    sw === undefined ? null : { unavailability: sw, secondsPerYear: sw * SECONDS_PER_YEAR, budgetShare: sw / budget };
  return {
    budget,
    dependencies,
    dependenciesUnavailability: Math.min(union, q),
    switchover,
    combinedUnavailability: Math.max(0, q - union - (sw ?? 0)),
    designUnavailability: q,
    budgetShare: q / budget,
    leftUnavailability: budget - q,
    feasible: q <= budget,
    headroomNines: q > 0 ? Math.log10(budget / q) : null,
    maxObjective: 1 - q,
  };
}
