import { resolveModel, type ResolvedModel } from '../../model/resolve.js';
import type { Failover, Model } from '../../model/types.js';
import { SECONDS_PER_MONTH, SECONDS_PER_YEAR } from '../../units/conventions.js';
import { corruptionDowntime, switchovers, type Switchover } from '../failover/switchover.js';
import { withCorruption } from './corruption.js';
import { conditionService, type Conditioned, type TierCache } from './conditioning.js';
import { clamp01, componentFigures, failureWithin, summarizeDomains } from './figures.js';
import { ninesOrNull } from '../../units/nines.js';
import { serviceFrequency, type DomainConditional, type Frequency } from './frequency.js';
import { kOfN } from './k-of-n.js';
import { ALWAYS_DOWN, ALWAYS_UP } from './pair.js';
import { capacityAfterLoss, survivesLoss } from './loss.js';
import { prepare, type Prepared } from './prepare.js';
import type { AvailabilityResult, DomainResult, ServiceResult, TierResult, UnavailabilityBounds } from './result.js';
import { serviceCutSets } from './cut-sets.js';
import { importanceMeasures } from './importance.js';
import { reanalysedImportance } from './importance-reanalysed.js';
import { findRisks } from './risks.js';
import { failoverTerms, type FailoverTerms, type SubAnalysis } from './failover-terms.js';
import { compileService, type ServiceEvaluator } from './service-expr.js';
import { outageWithin } from './outage-within.js';
import { findWarnings } from './warnings.js';
import { MAX_STATES, type DomainSpace } from './zone-states.js';

/** How hard the exact engine may work: evaluations of zone/region states before it bounds. */
export type AvailabilityOptions = {
  readonly maxStates?: number;
  /** Enumerate the service's minimal cut sets (analyze and explain print them). */
  readonly cutSets?: boolean;
};

type Ctx = {
  readonly model: Model;
  readonly prepared: Prepared;
  readonly service: ServiceEvaluator;
  readonly cache: TierCache;
  readonly cond: Conditioned;
  readonly maxStates: number;
  readonly terms: FailoverTerms;
};

/**
 * Analyses a model's availability exactly: zone/region common cause by conditioning on their
 * states, k-of-n tiers by binomial / Poisson-binomial tails, the service expression on (a, q)
 * pairs, outage frequency by Birnbaum importance (DESIGN §4), and each failover node's
 * switchover windows on top of the static structure ({@link failoverTerms}).
 * @example analyzeAvailability(model).service.nines
 */
export function analyzeAvailability(model: Model, options: AvailabilityOptions = {}): AvailabilityResult {
  const resolved = resolveModel(model);
  const list = switchovers(resolved);
  const taus = new Map<Failover, Switchover>();
  resolved.failovers.forEach((f, i) => {
    const tau = list[i];
    if (tau !== undefined) taus.set(f.node.spec, tau);
  });
  const corruption = corruptionDowntime(model);
  const result = withCorruption(analyzeResolved(resolved, taus, options).result, corruption);
  const beyondStatic =
    resolved.failovers.length > 0 ||
    corruption !== undefined ||
    model.tiers.some((t) => (t.interruptionSeconds ?? 0) > 0);
  if (options.cutSets !== true || !beyondStatic) return result;
  // Importance of the whole model (switchovers, interruptions, corruption included), only
  // where it is printed: one re-analysis per part.
  const Q = result.service.unavailability;
  const perfect = new Map(result.tiers.map((t) => [t.name, Q * (1 - t.unavailabilityShare)]));
  const q = (m: Model): number =>
    analyzeAvailability(m, { maxStates: options.maxStates ?? MAX_STATES }).service.unavailability;
  return { ...result, importance: reanalysedImportance(model, Q, result.importance, perfect, q) };
}

function analyzeResolved(
  resolved: ResolvedModel,
  taus: ReadonlyMap<Failover, Switchover>,
  options: AvailabilityOptions,
): SubAnalysis {
  const { model } = resolved;
  const maxStates = options.maxStates ?? MAX_STATES;
  const prepared = prepare(resolved);
  const service = compileService(resolved.structure);
  const cache: TierCache = new Map();
  const cond = conditionService(prepared, service, cache, false, prepared.space, maxStates);
  const terms = failoverTerms({
    resolved,
    prepared,
    cache,
    switchover: taus,
    analyze: (m) => analyzeResolved(resolveModel(m), taus, { maxStates }),
  });
  const ctx: Ctx = { model, prepared, service, cache, cond, maxStates, terms };
  const zoneCond = model.zones.map((_, z) => conditional(ctx, 'zone', z));
  const regionCond = model.regions.map((_, r) => conditional(ctx, 'region', r));
  const staticFrequency = serviceFrequency(model, cond, zoneCond, regionCond);
  const frequency = withSwitchovers(withInterruptions(staticFrequency, cond), terms);
  const svc = serviceResult(cond, terms, frequency, model);
  const tiers = model.tiers.map((_, t) => tierResult(ctx, t, frequency));
  const zones = model.zones.map((zone, z) => ({
    ...domainResult(ctx, zone.name, zone.failure, new Set([z]), zoneCond[z], terms.zones[z] ?? 0),
    region: zone.region ?? null,
  }));
  const regions = model.regions.map((region, r) => {
    const inside = model.zones.flatMap((_, z) => (prepared.space.zoneRegion[z] === r ? [z] : []));
    return {
      ...domainResult(ctx, region.name, region.failure, new Set(inside), regionCond[r], terms.regions[r] ?? 0),
      zones: inside.map((z) => model.zones[z]?.name ?? ''),
    };
  });
  const H = model.horizonSeconds;
  const tierLossSurvived = model.tiers.map((_, t) => survivesTierLoss(prepared, service, t));
  const result = {
    horizonSeconds: H,
    service: svc,
    failovers: terms.report,
    tiers,
    zones,
    regions,
    components: {
      nodes: model.tiers.flatMap((tier) =>
        tier.groups.map((g) => ({
          tier: tier.name,
          zone: g.zone ?? null,
          count: g.count,
          ...componentFigures(g.failure, H),
        })),
      ),
      zones: model.zones.map((z) => ({ name: z.name, ...componentFigures(z.failure, H) })),
      regions: model.regions.map((r) => ({ name: r.name, ...componentFigures(r.failure, H) })),
      zoneSummary: summarizeDomains(
        model.zones.map((z) => z.failure),
        H,
      ),
      regionSummary: summarizeDomains(
        model.regions.map((r) => r.failure),
        H,
      ),
    },
  };
  // Only the callers that print them ask for the enumeration; the others get `complete: false`.
  const cutSets =
    options.cutSets !== true
      ? { complete: false, count: 0, rareEventSum: 0, sets: [] }
      : serviceCutSets(model, svc.unavailability);
  const relevant = cutSets.complete ? new Set(cutSets.sets.flatMap((c) => c.components)) : undefined;
  return {
    result: {
      ...result,
      risks: findRisks(result, terms.paths, tierLossSurvived),
      warnings: findWarnings(resolved, svc, frequency, terms, taus),
      importance: importanceMeasures(model, cond, zoneCond, regionCond, relevant),
      cutSets,
    },
    frequency,
    interruptions: cond.tierBlipNu.map((rate, t) => ({ rate, seconds: model.tiers[t]?.interruptionSeconds ?? 0 })),
    tierLossTakesDown: tierLossSurvived.map((x) => !x),
  };
}

/** Is the service up with tier t down and every other tier up (the static structure)? */
function survivesTierLoss(prepared: Prepared, service: ServiceEvaluator, t: number): boolean {
  return service(prepared.tiers.map((_, i) => (i === t ? ALWAYS_DOWN : ALWAYS_UP))).a === 1;
}

/** The frequency plus the outages that per-failure interruptions start. */
function withInterruptions(f: Frequency, cond: Conditioned): Frequency {
  return cond.blipNu > 0 && f.total !== null ? { ...f, total: f.total + cond.blipNu } : f;
}

/** The static frequency plus the switchovers' Δν (split to node groups where attributed). */
function withSwitchovers(f: Frequency, terms: FailoverTerms): Frequency {
  if (terms.report.length === 0) return f;
  const total = f.total === null || terms.staticParts.length > 0 ? null : Math.max(0, f.total + terms.dnu);
  return {
    ...f,
    total,
    nodes: f.nodes.map((row, t) => row.map((x, g) => Math.max(0, x + (terms.nodesNu[t]?.[g] ?? 0)))),
    staticSubjects: [...new Set([...f.staticSubjects, ...terms.staticParts])],
  };
}

/** E[q_svc], E[a_svc] given the domain down and given it up: from the state sums, or forced. */
function conditional(ctx: Ctx, kind: 'zone' | 'region', i: number): DomainConditional {
  const { prepared, cond } = ctx;
  const q = (kind === 'zone' ? prepared.space.zoneQ : prepared.space.regionQ)[i] ?? 0;
  const sums = kind === 'zone' ? cond.zone : cond.region;
  const at = (xs: readonly number[]): number => xs[i] ?? 0;
  if (q > 0 && q < 1) {
    return {
      downQ: clamp01(at(sums.downQ) / q),
      downA: clamp01(at(sums.downA) / q),
      upQ: clamp01(at(sums.upQ) / (1 - q)),
      upA: clamp01(at(sums.upA) / (1 - q)),
    };
  }
  const forced = (down: boolean): { q: number; a: number } => {
    if (q >= 1 === down) return cond;
    const space: DomainSpace = {
      ...prepared.space,
      [kind === 'zone' ? 'zoneQ' : 'regionQ']: (kind === 'zone' ? prepared.space.zoneQ : prepared.space.regionQ).map(
        (x, j) => (j === i ? (down ? 1 : 0) : x),
      ),
    };
    return conditionService(prepared, ctx.service, ctx.cache, true, space, ctx.maxStates);
  };
  const down = forced(true);
  const up = forced(false);
  return { downQ: clamp01(down.q), downA: clamp01(down.a), upQ: clamp01(up.q), upA: clamp01(up.a) };
}

function serviceResult(cond: Conditioned, terms: FailoverTerms, frequency: Frequency, model: Model): ServiceResult {
  const q = clamp01(cond.q + cond.blipQ + terms.dq);
  const a = clamp01(cond.a - cond.blipQ - terms.dq);
  const nu = frequency.total;
  const has = nu !== null;
  const within = has ? outageWithin(model, model.horizonSeconds, nu, q) : null;
  return {
    availability: a,
    unavailability: q,
    nines: ninesOrNull(q),
    downtimeSecondsPerYear: q * SECONDS_PER_YEAR,
    downtimeSecondsPerMonth: q * SECONDS_PER_MONTH,
    outagesPerYear: has ? nu * SECONDS_PER_YEAR : null,
    meanOutageSeconds: has && nu > 0 ? q / nu : null,
    failureProbability: within === null ? null : clamp01(within.probability),
    failureProbabilityMethod: within === null ? null : within.method,
    mtbfSeconds: has && nu > 0 ? 1 / nu : null,
    meanUpSeconds: has && nu > 0 ? a / nu : null,
    failureFrequency: nu,
    statesEvaluated: cond.states,
    prunedProbability: cond.prunedProbability,
    exact: cond.prunedProbability === 0,
    unavailabilityBounds: bounds(q, cond.qUpper + cond.blipQ + terms.dq),
  };
}

/** [q, upper] with upper never below q (rounding), both clamped to [0, 1]. */
function bounds(q: number, upper: number): UnavailabilityBounds {
  const hi = Math.max(q, clamp01(upper));
  return { lower: q, upper: hi, width: hi - q };
}

/** The service interruptions tier t's failures cause (all of them when it is the only tier that blips). */
function blipShare(ctx: Ctx, t: number): number {
  const all = ctx.cond.tierBlipQ.reduce((x, y) => x + y, 0);
  return all > 0 ? (ctx.cond.blipQ * (ctx.cond.tierBlipQ[t] ?? 0)) / all : 0;
}

function share(total: number, ifPerfect: number): number {
  return total > 0 ? Math.max(0, Math.min(1, (total - ifPerfect) / total)) : 0;
}

function tierResult(ctx: Ctx, t: number, frequency: Frequency): TierResult {
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

function domainResult(
  ctx: Ctx,
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
