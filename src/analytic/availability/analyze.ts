import { resolveModel, type ResolvedModel } from '../../model/resolve.js';
import type { Failover, Model } from '../../model/types.js';
import { corruptionDowntime, type Switchover } from '../failover/switchover.js';
import { withCorruption } from './corruption.js';
import { componentFigures, summarizeDomains } from './figures.js';
import type { AvailabilityResult } from './result.js';
import { domainResult, serviceResult, tierResult } from './sections.js';
import { serviceCutSets } from './cut-sets.js';
import { importanceMeasures } from './importance.js';
import { reanalysedImportance } from './importance-reanalysed.js';
import { findRisks } from './risks.js';
import {
  analysisCore,
  frequencies,
  serviceUnavailability,
  switchoverTimes,
  tierLossTakesDown,
} from './sub-analysis.js';
import { findWarnings } from './warnings.js';
import { MAX_STATES } from './zone-states.js';

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
  const taus = switchoverTimes(resolved);
  const corruption = corruptionDowntime(model);
  const result = withCorruption(analyzeResolved(resolved, taus, options), corruption);
  const beyondStatic =
    resolved.failovers.length > 0 ||
    corruption !== undefined ||
    model.tiers.some((t) => (t.interruptionSeconds ?? 0) > 0);
  if (options.cutSets !== true || !beyondStatic) return result;
  // Importance of the whole model (switchovers, interruptions, corruption included), only
  // where it is printed: one re-analysis per part, of its service unavailability alone.
  const Q = result.service.unavailability;
  const perfect = new Map(result.tiers.map((t) => [t.name, Q * (1 - t.unavailabilityShare)]));
  // The parts forced down or up change no switchover time and no corruption downtime.
  const recovery = { taus, corruption };
  const q = (m: Model): number => serviceUnavailability(m, options.maxStates ?? MAX_STATES, recovery);
  return { ...result, importance: reanalysedImportance(model, Q, result.importance, perfect, q) };
}

function analyzeResolved(
  resolved: ResolvedModel,
  taus: ReadonlyMap<Failover, Switchover>,
  options: AvailabilityOptions,
): AvailabilityResult {
  const { model } = resolved;
  const ctx = analysisCore(resolved, taus, options.maxStates ?? MAX_STATES);
  const { prepared, service, cond, terms } = ctx;
  const { zoneCond, regionCond, frequency } = frequencies(ctx);
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
  const tierLossSurvived = tierLossTakesDown(prepared, service).map((x) => !x);
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
    ...result,
    risks: findRisks(result, terms.paths, tierLossSurvived),
    warnings: findWarnings(resolved, svc, frequency, terms, taus),
    importance: importanceMeasures(model, cond, zoneCond, regionCond, relevant),
    cutSets,
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
