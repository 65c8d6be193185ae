import { resolveModel, type ResolvedModel } from '../../model/resolve.js';
import type { Failover, Model } from '../../model/types.js';
import { corruptionDowntime, switchovers, type Switchover } from '../failover/switchover.js';
import { withCorruption } from './corruption.js';
import { conditionService, type Conditioned, type TierCache } from './conditioning.js';
import { clamp01, componentFigures, summarizeDomains } from './figures.js';
import { serviceFrequency, type DomainConditional, type Frequency } from './frequency.js';
import { ALWAYS_DOWN, ALWAYS_UP } from './pair.js';
import { prepare, type Prepared } from './prepare.js';
import type { AvailabilityResult } from './result.js';
import { domainResult, serviceResult, tierResult, type SectionCtx as Ctx } from './sections.js';
import { serviceCutSets } from './cut-sets.js';
import { importanceMeasures } from './importance.js';
import { reanalysedImportance } from './importance-reanalysed.js';
import { findRisks } from './risks.js';
import { failoverTerms, type FailoverTerms, type SubAnalysis } from './failover-terms.js';
import { compileService, type ServiceEvaluator } from './service-expr.js';
import { findWarnings } from './warnings.js';
import { MAX_STATES, type DomainSpace } from './zone-states.js';

/** How hard the exact engine may work: evaluations of zone/region states before it bounds. */
export type AvailabilityOptions = {
  readonly maxStates?: number;
  /** Enumerate the service's minimal cut sets (analyze and explain print them). */
  readonly cutSets?: boolean;
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
  const svc = serviceResult(cond, terms, frequency, model, zoneCond, regionCond);
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
    ...(terms.report.length > 0 ? { switchoverUnavailability: Math.max(0, terms.dq) } : {}),
    tiers,
    zones,
    regions,
    components: componentsOf(model),
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

/** Figures of every node group, zone and region on their own. */
function componentsOf(model: Model): AvailabilityResult['components'] {
  const H = model.horizonSeconds;
  return {
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
