import type { ResolvedModel, Structure } from '../../model/resolve.js';
import type { Component } from '../../model/component.js';
import type { Failover } from '../../model/types.js';
import type { Frequency } from './frequency.js';
import type { ServiceResult, Warning } from './result.js';
import type { Switchover } from '../failover/switchover.js';
import type { FailoverTerms } from './failover-terms.js';
import { MAX_SHARED } from './failover-shared.js';
import { children, tiersIn } from './service-expr.js';

function mttrExceedsMtbf(c: Component | undefined): boolean {
  return c !== undefined && c.mtbfSeconds !== undefined && c.mttrSeconds !== undefined && c.mttrSeconds > c.mtbfSeconds;
}

/**
 * Suspicious inputs: a tier that cannot meet its demand with every node up or whose k exceeds
 * n, a zone holding all of a tier's nodes, a tier the service never uses, an MTTR longer than
 * the MTBF, zones/regions without a failure spec (treated as never failing), static specs that
 * leave the outage frequency unknown, and pruned zone states.
 * @example findWarnings(model, service, frequency).map((w) => w.code)
 */
export function findWarnings(
  resolved: ResolvedModel,
  service: ServiceResult,
  frequency: Frequency,
  terms: FailoverTerms,
  taus: ReadonlyMap<Failover, Switchover>,
): Warning[] {
  return [
    ...tierWarnings(resolved),
    ...domainWarnings(resolved.model),
    ...(frequency.total === null
      ? [
          {
            code: 'static-no-frequency' as const,
            message: `outage frequency unknown: ${frequency.staticSubjects.join(', ')} given as availability/probability without mttr (no failure rate)`,
          },
        ]
      : []),
    ...failoverWarnings(resolved, terms, taus),
    ...(service.prunedProbability > 0
      ? [
          {
            code: 'states-pruned' as const,
            message: `${service.statesEvaluated} zone/region states evaluated; improbable states of total probability ${service.prunedProbability.toExponential(2)} were bounded instead of enumerated: the unavailability lies in [${service.unavailabilityBounds.lower.toExponential(3)}, ${service.unavailabilityBounds.upper.toExponential(3)}]`,
          },
        ]
      : []),
  ];
}

/** Per tier: k above n, demand out of reach or above k, one zone for all, unused, MTTR > MTBF. */
function tierWarnings(resolved: ResolvedModel): Warning[] {
  const { model } = resolved;
  const out: Warning[] = [];
  const used = tiersIn(resolved.structure);
  const zoned = model.zones.length > 0;
  model.tiers.forEach((tier, t) => {
    const path = `tiers[${t}]`;
    if (tier.minHealthy > tier.nodes) {
      out.push({
        code: 'tier-min-healthy-exceeds-nodes',
        path: `${path}.minHealthy`,
        message: `tier ${tier.name} needs ${tier.minHealthy} healthy nodes but has ${tier.nodes}: it is always down`,
      });
    }
    if (tier.capacity !== undefined && tier.capacity.perNode * tier.nodes < tier.capacity.demand) {
      out.push({
        code: 'tier-cannot-meet-demand',
        path: `${path}.capacity`,
        message: `tier ${tier.name} cannot meet its demand ${tier.capacity.demand} even with all ${tier.nodes} nodes up (capacity ${tier.capacity.perNode * tier.nodes})`,
      });
    }
    if (tier.capacity !== undefined && tier.capacity.perNode > 0) {
      // "Up" with k nodes should mean serving the demand: k below ⌈demand / perNode⌉ counts
      // the tier as up while it is overloaded.
      const needed = Math.ceil(tier.capacity.demand / tier.capacity.perNode);
      if (tier.minHealthy < needed && needed <= tier.nodes) {
        out.push({
          code: 'min-healthy-below-demand',
          path: `${path}.minHealthy`,
          message: `tier ${tier.name}: minHealthy ${tier.minHealthy} is below the ${needed} nodes its demand needs (⌈${tier.capacity.demand} / ${tier.capacity.perNode}⌉ = ${needed}): the tier counts as up while overloaded; set minHealthy: ${needed} or drop it (the default is that)`,
        });
      }
    }
    const zones = new Set(tier.groups.map((g) => g.zone));
    const only = [...zones][0];
    if (zoned && tier.nodes > 1 && zones.size === 1 && only !== undefined) {
      out.push({
        code: 'tier-in-one-zone',
        path,
        message: `zone ${only} holds all ${tier.nodes} nodes of tier ${tier.name}: its loss takes the whole tier down`,
      });
    }
    if (!used.has(t)) {
      out.push({
        code: 'tier-not-in-service',
        path,
        message: `tier ${tier.name} is not part of the service expression: it does not affect the service figures`,
      });
    }
    tier.groups.forEach((g, gi) => {
      if (mttrExceedsMtbf(g.failure)) {
        out.push({
          code: 'mttr-exceeds-mtbf',
          path: `${path}.groups[${gi}].failure`,
          message: `tier ${tier.name}: MTTR is longer than MTBF (node down more than up)`,
        });
      }
    });
  });
  return out;
}

/** Zones and regions without a failure spec, or with MTTR > MTBF. */
function domainWarnings(model: ResolvedModel['model']): Warning[] {
  const out: Warning[] = [];
  model.zones.forEach((zone, z) => {
    if (zone.failure === undefined) {
      out.push({
        code: 'zone-without-failure',
        path: `zones[${z}]`,
        message: `zone ${zone.name} has no failure spec: treated as never failing`,
      });
    } else if (mttrExceedsMtbf(zone.failure)) {
      out.push({
        code: 'mttr-exceeds-mtbf',
        path: `zones[${z}].failure`,
        message: `zone ${zone.name}: MTTR is longer than MTBF`,
      });
    }
  });
  model.regions.forEach((region, r) => {
    if (region.failure === undefined) {
      out.push({
        code: 'region-without-failure',
        path: `regions[${r}]`,
        message: `region ${region.name} has no failure spec: treated as never failing`,
      });
    } else if (mttrExceedsMtbf(region.failure)) {
      out.push({
        code: 'mttr-exceeds-mtbf',
        path: `regions[${r}].failure`,
        message: `region ${region.name}: MTTR is longer than MTBF`,
      });
    }
  });
  return out;
}

/** Failovers: shared domains, switchover notes, nested, common-cause losses, missing rates. */
function failoverWarnings(
  resolved: ResolvedModel,
  terms: FailoverTerms,
  taus: ReadonlyMap<Failover, Switchover>,
): Warning[] {
  const { model } = resolved;
  const out: Warning[] = [];
  resolved.failovers.forEach((f, i) => {
    const entry = terms.report[i];
    const tau = taus.get(f.node.spec);
    const path = 'service';
    if (entry !== undefined && entry.sharedDomains.length > 0) {
      out.push({
        code: 'failover-shared-domain',
        path,
        message: `failover ${entry.primary} → ${entry.standby}: both sides sit in ${entry.sharedDomains.join(', ')}, whose loss takes the standby too; the switchover terms use the standby's availability given that loss (first order)`,
      });
    }
    if (tau?.note !== undefined) {
      out.push({
        code: 'failover-switchover',
        path,
        message: `failover ${entry?.primary ?? ''} → ${entry?.standby ?? ''}: ${tau.note}`,
      });
    }
  });
  for (const [i, f] of resolved.failovers.entries()) {
    if (!hasFailover(f.node.primary)) continue;
    const entry = terms.report[i];
    out.push({
      code: 'failover-nested',
      path: 'service',
      message: `failover ${entry?.primary ?? ''} → ${entry?.standby ?? ''}: its primary holds a failover itself, whose short switchover windows and long double failures are pooled into one exponential outage length (an approximation: a few % on the switchover downtime; the timeline simulator is exact)`,
    });
  }
  const byDomain = new Map<string, Set<number>>();
  for (const path of terms.paths) {
    const name = `${path.kind} ${(path.kind === 'zone' ? model.zones : model.regions)[path.index]?.name ?? ''}`;
    byDomain.set(name, (byDomain.get(name) ?? new Set()).add(path.failover));
  }
  for (const [name, set] of byDomain) {
    if (set.size < 2) continue;
    const which = [...set]
      .map((i) => `${terms.report[i]?.primary ?? ''} → ${terms.report[i]?.standby ?? ''}`)
      .join(', ');
    out.push({
      code: 'failover-common-cause',
      path: 'service',
      message:
        set.size <= MAX_SHARED
          ? `losing ${name} starts ${set.size} failovers at once (${which}); their overlapping switchover windows are counted once, from the service given that loss with each failover down until its switchover completes (exact; failback first order)`
          : `losing ${name} starts ${set.size} failovers at once (${which}); more than ${MAX_SHARED}, so their switchover terms are added, each weighted by its importance (an approximation, either way: the timeline simulator is exact)`,
    });
  }
  if (terms.staticParts.length > 0) {
    out.push({
      code: 'failover-without-rates',
      message: `switchover windows not counted: ${terms.staticParts.join(', ')} given without a failure rate, so the primary's outages have no frequency`,
    });
  }
  return out;
}

function hasFailover(s: Structure): boolean {
  return s.kind === 'failover' || children(s).some(hasFailover);
}
