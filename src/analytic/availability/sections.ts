/**
 * The service, tier and zone/region sections of the availability result, from the conditioned
 * sums, the frequency and the failover terms (the static structure plus switchovers,
 * interruptions: q_svc = q_static + blip + Δq_switchover).
 */
import type { Model } from '../../model/types.js';
import { SECONDS_PER_MONTH, SECONDS_PER_YEAR } from '../../units/conventions.js';
import type { Conditioned, TierCache } from './conditioning.js';
import type { FailoverTerms, SubAnalysis } from './failover-terms.js';
import { ninesOrNull } from '../../units/nines.js';
import { clamp01, componentFigures, failureWithin } from './figures.js';
import { outageBounds } from './frequency-bounds.js';
import type { DomainConditional, Frequency } from './frequency.js';
import { kOfN } from './k-of-n.js';
import { capacityAfterLoss, survivesLoss } from './loss.js';
import { outageWithin } from './outage-within.js';
import type { Prepared } from './prepare.js';
import type { DomainResult, ServiceResult, TierResult, UnavailabilityBounds } from './result.js';
import type { ServiceEvaluator } from './service-expr.js';

/** What the sections read: the model, its preparation and the sums of one analysis. */
export type SectionCtx = {
  readonly model: Model;
  readonly prepared: Prepared;
  readonly service: ServiceEvaluator;
  readonly cache: TierCache;
  readonly cond: Conditioned;
  readonly maxStates: number;
  readonly terms: FailoverTerms;
};

/** The service's q, a (static structure + interruptions + switchovers), outages and mean outage. */
export function serviceCore(cond: Conditioned, terms: FailoverTerms, frequency: Frequency): SubAnalysis['service'] {
  const q = clamp01(cond.q + cond.blipQ + terms.dq);
  const a = clamp01(cond.a - cond.blipQ - terms.dq);
  const nu = frequency.total;
  return {
    availability: a,
    unavailability: q,
    outagesPerYear: nu !== null ? nu * SECONDS_PER_YEAR : null,
    meanOutageSeconds: nu !== null && nu > 0 ? q / nu : null,
  };
}

export function serviceResult(
  cond: Conditioned,
  terms: FailoverTerms,
  frequency: Frequency,
  model: Model,
  zones: readonly DomainConditional[],
  regions: readonly DomainConditional[],
): ServiceResult {
  const { availability: a, unavailability: q, outagesPerYear, meanOutageSeconds } = serviceCore(cond, terms, frequency);
  const nu = frequency.total;
  const has = nu !== null;
  const within = has ? outageWithin(model, model.horizonSeconds, nu, q) : null;
  return {
    availability: a,
    unavailability: q,
    nines: ninesOrNull(q),
    downtimeSecondsPerYear: q * SECONDS_PER_YEAR,
    downtimeSecondsPerMonth: q * SECONDS_PER_MONTH,
    outagesPerYear,
    meanOutageSeconds,
    failureProbability: within === null ? null : clamp01(within.probability),
    failureProbabilityMethod: within === null ? null : within.method,
    mtbfSeconds: has && nu > 0 ? 1 / nu : null,
    meanUpSeconds: has && nu > 0 ? a / nu : null,
    failureFrequency: nu,
    statesEvaluated: cond.states,
    prunedProbability: cond.prunedProbability,
    exact: cond.prunedProbability === 0,
    unavailabilityBounds: bounds(q, cond.qUpper + cond.blipQ + terms.dq),
    outagesPerYearBounds: outageBounds(
      model,
      cond.prunedProbability,
      has ? nu * SECONDS_PER_YEAR : null,
      zones,
      regions,
    ),
  };
}

/** [q, upper] with upper never below q (rounding), both clamped to [0, 1]. */
function bounds(q: number, upper: number): UnavailabilityBounds {
  const hi = Math.max(q, clamp01(upper));
  return { lower: q, upper: hi, width: hi - q };
}

/** The service interruptions tier t's failures cause (all of them when it is the only tier that blips). */
function blipShare(ctx: SectionCtx, t: number): number {
  const all = ctx.cond.tierBlipQ.reduce((x, y) => x + y, 0);
  return all > 0 ? (ctx.cond.blipQ * (ctx.cond.tierBlipQ[t] ?? 0)) / all : 0;
}

function share(total: number, ifPerfect: number): number {
  return total > 0 ? Math.max(0, Math.min(1, (total - ifPerfect) / total)) : 0;
}

export function tierResult(ctx: SectionCtx, t: number, frequency: Frequency): TierResult {
  const { model, cond } = ctx;
  const tier = model.tiers[t];
  if (tier === undefined) throw new Error(`no tier ${t}`);
  const H = model.horizonSeconds;
  let logNone = 0;
  let expected = 0;
  const byF = new Map<number, number>();
  for (const g of tier.groups) {
    const F = failureWithin(g.failure, H);
    logNone += g.count * Math.log1p(-F);
    const lambda = g.failure.failureRate;
    expected +=
      lambda === undefined ? g.count * g.failure.unavailability : g.count * lambda * (1 - g.failure.unavailability) * H;
    byF.set(F, (byF.get(F) ?? 0) + g.count);
  }
  const quorum = kOfN(
    [...byF].map(([q, count]) => ({ q, count })),
    tier.minHealthy,
  );
  const blip = cond.tierBlipQ[t] ?? 0;
  const q = clamp01((cond.tierQ[t] ?? 0) + blip);
  // With the tier perfect, the switchovers its nodes caused vanish; the others remain.
  const kept = ctx.terms.dq - (ctx.terms.nodes[t] ?? []).reduce((x, y) => x + y, 0);
  const perfectQ = (cond.tierPerfectQ[t] ?? 0) + kept + cond.blipQ - blipShare(ctx, t);
  const cap = tier.capacity;
  return {
    name: tier.name,
    nodes: tier.nodes,
    minHealthy: tier.minHealthy,
    failuresTolerated: tier.nodes - tier.minHealthy,
    availability: clamp01((cond.tierA[t] ?? 0) - blip),
    unavailability: q,
    nines: ninesOrNull(q),
    exact: cond.prunedProbability === 0,
    unavailabilityBounds: bounds(q, cond.tierQUpper[t] ?? q),
    anyNodeFailureProbability: -Math.expm1(logNone),
    expectedNodeFailures: expected,
    quorumLossProbability: quorum.q,
    groups: tier.groups.map((g, gi) => ({
      zone: g.zone ?? null,
      count: g.count,
      ...componentFigures(g.failure, H),
      outagesPerYear: frequency.total === null ? null : (frequency.nodes[t]?.[gi] ?? 0) * SECONDS_PER_YEAR,
    })),
    zones: [...new Set(tier.groups.flatMap((g) => (g.zone === undefined ? [] : [g.zone])))],
    serviceAvailabilityIfPerfect: clamp01((cond.tierPerfectA[t] ?? 0) - kept - cond.blipQ + blipShare(ctx, t)),
    unavailabilityShare: share(cond.q + cond.blipQ + ctx.terms.dq, perfectQ),
    capacity:
      cap === undefined
        ? null
        : {
            perNode: cap.perNode,
            demand: cap.demand,
            total: cap.perNode * tier.nodes,
            meetsDemand: cap.perNode * tier.nodes >= cap.demand,
          },
  };
}

export function domainResult(
  ctx: SectionCtx,
  name: string,
  failure: Model['zones'][number]['failure'],
  zonesDown: ReadonlySet<number>,
  c: DomainConditional | undefined,
  switchoverShare: number,
): DomainResult {
  const { model, prepared, service, cond, terms } = ctx;
  // With the domain perfect, the switchovers its losses caused vanish; the others remain.
  const kept = terms.dq - switchoverShare;
  const figures = componentFigures(failure, model.horizonSeconds);
  const nodes = prepared.tiers.reduce(
    (s, tier) => s + tier.groups.reduce((x, g) => x + (zonesDown.has(g.zone) ? g.count : 0), 0),
    0,
  );
  const upQ = (c?.upQ ?? cond.q) + kept + cond.blipQ;
  return {
    name,
    availability: figures.availability,
    unavailability: figures.unavailability,
    nines: figures.nines,
    failureProbability: figures.failureProbability,
    nodes,
    serviceSurvivesLoss: survivesLoss(prepared, service, zonesDown),
    serviceAvailabilityGivenLoss: c?.downA ?? 0,
    serviceUnavailabilityGivenLoss: c?.downQ ?? 1,
    serviceAvailabilityIfPerfect: clamp01((c?.upA ?? cond.a) - kept - cond.blipQ),
    unavailabilityShare: share(cond.q + cond.blipQ + terms.dq, upQ),
    capacityAfterLoss: capacityAfterLoss(model, prepared, zonesDown),
  };
}
