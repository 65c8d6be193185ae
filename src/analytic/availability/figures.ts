import type { Component } from '../../model/component.js';
import { ninesOrNull } from '../../units/nines.js';
import type { ComponentFigures, DomainSummary } from './result.js';

/** Clamps a probability accumulated in floating point (a sum can exceed 1 by an ulp) to [0, 1]. */
export function clamp01(x: number): number {
  return x < 0 ? 0 : Math.min(x, 1);
}

/**
 * P(at least one failure within H): F(H) = 1 − e^(−λH) = −expm1(−λH) (exponential lifetime,
 * DESIGN §4); a static component's probability p itself; 0 for a domain that never fails.
 * @example failureWithin(component({ mtbfSeconds: 100, mttrSeconds: 1 }), 100) // 1 − e^−1
 */
export function failureWithin(c: Component | undefined, horizonSeconds: number): number {
  if (c === undefined) return 0;
  if (c.failureRate === undefined) return c.unavailability;
  return -Math.expm1(-c.failureRate * horizonSeconds);
}

/** A component is static when it can fail but has no rate: it has no outage frequency. */
export function isStatic(c: Component | undefined): boolean {
  return c !== undefined && c.unavailability > 0 && c.failureRate === undefined;
}

/**
 * The figures of one component (undefined: never fails): a = 1 − q with q = MTTR/(MTBF + MTTR)
 * as normalised in src/model/component.ts, λ, MTBF, MTTR and F(H).
 * @example componentFigures(component({ mtbfSeconds: 999, mttrSeconds: 1 }), H).availability // 0.999
 */
export function componentFigures(c: Component | undefined, horizonSeconds: number): ComponentFigures {
  if (c === undefined) {
    return {
      availability: 1,
      unavailability: 0,
      nines: null,
      failureRate: 0,
      mtbfSeconds: null,
      mttrSeconds: null,
      failureProbability: 0,
      static: false,
    };
  }
  const finite = (x: number | undefined): number | null => (x === undefined || !Number.isFinite(x) ? null : x);
  return {
    availability: 1 - c.unavailability,
    unavailability: c.unavailability,
    nines: ninesOrNull(c.unavailability),
    failureRate: c.failureRate ?? null,
    mtbfSeconds: finite(c.mtbfSeconds),
    mttrSeconds: finite(c.mttrSeconds),
    failureProbability: failureWithin(c, horizonSeconds),
    static: isStatic(c),
  };
}

/**
 * The textbook questions over independent domains: P(any fails within H) = −expm1(Σ log1p(−F_i)),
 * P(all down at once) = Π q_i, P(any down at once) = −expm1(Σ log1p(−q_i)).
 * @example summarizeDomains([c, c, c], H) // p = 0.01 each: 0.029701 and 1e-6
 */
export function summarizeDomains(failures: readonly (Component | undefined)[], horizonSeconds: number): DomainSummary {
  let logNoneFails = 0;
  let logNoneDown = 0;
  let allDown = failures.length > 0 ? 1 : 0;
  for (const c of failures) {
    const q = c?.unavailability ?? 0;
    logNoneFails += Math.log1p(-failureWithin(c, horizonSeconds));
    logNoneDown += Math.log1p(-q);
    allDown *= q;
  }
  return {
    count: failures.length,
    anyFailsWithinHorizonProbability: -Math.expm1(logNoneFails),
    allDownAtOnceProbability: allDown,
    anyDownAtOnceProbability: -Math.expm1(logNoneDown),
  };
}
