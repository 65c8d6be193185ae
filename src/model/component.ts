import { SECONDS_PER_YEAR } from '../units/conventions.js';

/** A lifetime or repair-time distribution; its mean is always the spec's MTBF or MTTR. */
export type Distribution =
  | { readonly type: 'exponential' }
  | { readonly type: 'fixed' }
  | { readonly type: 'weibull'; readonly shape: number }
  | { readonly type: 'lognormal'; readonly sigma: number };

/**
 * One failing component (a node, a zone, a region, a shard), normalised from one of
 * `{mtbf, mttr}`, `{afr, mttr}`, `{availability[, mttr]}` or `{probability[, mttr]}`.
 *
 * - `unavailability` q: steady-state probability of being down, MTTR / (MTBF + MTTR),
 *   or the given probability / 1 − availability.
 * - `failureRate` λ = 1 / MTBF (per second); `undefined` for a static component
 *   (`availability` or `probability` without `mttr`), which has no time behaviour.
 * - `repairRate` μ = 1 / MTTR (per second); `undefined` likewise.
 * For `{availability | probability, mttr}`: λ = μ·q / (1 − q), so that q = λ / (λ + μ).
 */
export type Component = {
  readonly source: 'mtbf' | 'afr' | 'availability' | 'probability';
  readonly unavailability: number;
  readonly failureRate: number | undefined;
  readonly repairRate: number | undefined;
  readonly mtbfSeconds: number | undefined;
  readonly mttrSeconds: number | undefined;
  readonly lifetime: Distribution;
  readonly repair: Distribution;
};

/** A failure spec with its units already parsed (seconds, fractions). */
export type FailureInput =
  | { readonly mtbfSeconds: number; readonly mttrSeconds: number }
  | { readonly afr: number; readonly mttrSeconds: number }
  | { readonly availability: number; readonly mttrSeconds?: number | undefined }
  | { readonly probability: number; readonly mttrSeconds?: number | undefined };

export type DistributionInput = {
  readonly lifetime?: Distribution | undefined;
  readonly repair?: Distribution | undefined;
};

const EXPONENTIAL: Distribution = { type: 'exponential' };

/**
 * Normalises one failure spec into a {@link Component}.
 *
 * q = MTTR / (MTBF + MTTR); λ = 1 / MTBF; μ = 1 / MTTR; `{afr}` means λ = afr per year (365 d).
 * For `{availability | probability, mttr}`, λ = μ·q / (1 − q) so that q = λ / (λ + μ).
 * `availability` is converted with its exact complement when the caller has it
 * (`unavailability` overrides 1 − availability, which loses digits for many nines).
 *
 * @example component({ mtbfSeconds: 999, mttrSeconds: 1 }).unavailability // 0.001
 */
export function component(
  spec: FailureInput,
  distribution: DistributionInput = {},
  unavailabilityOverride?: number,
): Component {
  const lifetime = distribution.lifetime ?? EXPONENTIAL;
  const repair = distribution.repair ?? EXPONENTIAL;
  if ('mtbfSeconds' in spec) {
    return fromTimes('mtbf', spec.mtbfSeconds, spec.mttrSeconds, lifetime, repair);
  }
  if ('afr' in spec) {
    return fromTimes('afr', SECONDS_PER_YEAR / spec.afr, spec.mttrSeconds, lifetime, repair);
  }
  const source = 'availability' in spec ? 'availability' : 'probability';
  const q = unavailabilityOverride ?? ('availability' in spec ? 1 - spec.availability : spec.probability);
  const mttr = spec.mttrSeconds;
  if (mttr === undefined || q === 0 || q === 1) {
    // Static: no time behaviour (or a component that never fails / never recovers).
    const repairRate = mttr !== undefined && mttr > 0 ? 1 / mttr : undefined;
    return {
      source,
      unavailability: q,
      failureRate: mttr !== undefined && q === 0 ? 0 : undefined,
      repairRate,
      mtbfSeconds: mttr !== undefined && q === 0 ? Infinity : undefined,
      mttrSeconds: mttr,
      lifetime,
      repair,
    };
  }
  const mu = 1 / mttr;
  const lambda = (mu * q) / (1 - q);
  return {
    source,
    unavailability: q,
    failureRate: lambda,
    repairRate: mu,
    mtbfSeconds: 1 / lambda,
    mttrSeconds: mttr,
    lifetime,
    repair,
  };
}

function fromTimes(
  source: 'mtbf' | 'afr',
  mtbf: number,
  mttr: number,
  lifetime: Distribution,
  repair: Distribution,
): Component {
  return {
    source,
    // MTTR / (MTBF + MTTR): exact in floating point for any magnitudes, no cancellation.
    unavailability: mttr / (mtbf + mttr),
    failureRate: 1 / mtbf,
    repairRate: mttr > 0 ? 1 / mttr : undefined,
    mtbfSeconds: mtbf,
    mttrSeconds: mttr,
    lifetime,
    repair,
  };
}
