import type { Component, Model } from '../../model/types.js';
import type { Frequency } from './frequency.js';
import type { ServiceResult, Warning } from './result.js';
import { tiersIn } from './service-expr.js';

function mttrExceedsMtbf(c: Component | undefined): boolean {
  return (
    c !== undefined &&
    c.mtbfSeconds !== undefined &&
    c.mttrSeconds !== undefined &&
    c.mttrSeconds > c.mtbfSeconds
  );
}

/**
 * Suspicious inputs: a tier that cannot meet its demand with every node up or whose k exceeds
 * n, a zone holding all of a tier's nodes, a tier the service never uses, an MTTR longer than
 * the MTBF, zones/regions without a failure spec (treated as never failing), static specs that
 * leave the outage frequency unknown, and pruned zone states.
 * @example findWarnings(model, service, frequency).map((w) => w.code)
 */
export function findWarnings(model: Model, service: ServiceResult, frequency: Frequency): Warning[] {
  const out: Warning[] = [];
  const used = tiersIn(model.service);
  const zoned = model.zones.length > 0;
  model.tiers.forEach((tier, t) => {
    const path = `tiers[${t}]`;
    if (tier.minHealthy > tier.nodes) {
      out.push({ code: 'tier-min-healthy-exceeds-nodes', path: `${path}.minHealthy`, message: `tier ${tier.name} needs ${tier.minHealthy} healthy nodes but has ${tier.nodes}: it is always down` });
    }
    if (tier.capacity !== undefined && tier.capacity.perNode * tier.nodes < tier.capacity.demand) {
      out.push({ code: 'tier-cannot-meet-demand', path: `${path}.capacity`, message: `tier ${tier.name} cannot meet its demand ${tier.capacity.demand} even with all ${tier.nodes} nodes up (capacity ${tier.capacity.perNode * tier.nodes})` });
    }
    if (tier.capacity !== undefined && tier.capacity.perNode > 0) {
      // "Up" with k nodes should mean serving the demand: k below ⌈demand / perNode⌉ counts
      // the tier as up while it is overloaded.
      const needed = Math.ceil(tier.capacity.demand / tier.capacity.perNode);
      if (tier.minHealthy < needed && needed <= tier.nodes) {
        out.push({ code: 'min-healthy-below-demand', path: `${path}.minHealthy`, message: `tier ${tier.name}: minHealthy ${tier.minHealthy} is below the ${needed} nodes its demand needs (⌈${tier.capacity.demand} / ${tier.capacity.perNode}⌉ = ${needed}): the tier counts as up while overloaded; set minHealthy: ${needed} or drop it (the default is that)` });
      }
    }
    const zones = new Set(tier.groups.map((g) => g.zone));
    const only = [...zones][0];
    if (zoned && tier.nodes > 1 && zones.size === 1 && only !== undefined) {
      out.push({ code: 'tier-in-one-zone', path, message: `zone ${only} holds all ${tier.nodes} nodes of tier ${tier.name}: its loss takes the whole tier down` });
    }
    if (!used.has(tier.name)) {
      out.push({ code: 'tier-not-in-service', path, message: `tier ${tier.name} is not part of the service expression: it does not affect the service figures` });
    }
    tier.groups.forEach((g, gi) => {
      if (mttrExceedsMtbf(g.failure)) {
        out.push({ code: 'mttr-exceeds-mtbf', path: `${path}.groups[${gi}].failure`, message: `tier ${tier.name}: MTTR is longer than MTBF (node down more than up)` });
      }
    });
  });
  model.zones.forEach((zone, z) => {
    if (zone.failure === undefined) {
      out.push({ code: 'zone-without-failure', path: `zones[${z}]`, message: `zone ${zone.name} has no failure spec: treated as never failing` });
    } else if (mttrExceedsMtbf(zone.failure)) {
      out.push({ code: 'mttr-exceeds-mtbf', path: `zones[${z}].failure`, message: `zone ${zone.name}: MTTR is longer than MTBF` });
    }
  });
  model.regions.forEach((region, r) => {
    if (region.failure === undefined) {
      out.push({ code: 'region-without-failure', path: `regions[${r}]`, message: `region ${region.name} has no failure spec: treated as never failing` });
    } else if (mttrExceedsMtbf(region.failure)) {
      out.push({ code: 'mttr-exceeds-mtbf', path: `regions[${r}].failure`, message: `region ${region.name}: MTTR is longer than MTBF` });
    }
  });
  if (frequency.total === null) {
    out.push({ code: 'static-no-frequency', message: `outage frequency unknown: ${frequency.staticSubjects.join(', ')} given as availability/probability without mttr (no failure rate)` });
  }
  if (service.prunedProbability > 0) {
    out.push({ code: 'states-pruned', message: `${service.statesEvaluated} zone/region states evaluated; improbable states of total probability ${service.prunedProbability.toExponential(2)} were bounded instead of enumerated: the unavailability lies in [${service.unavailabilityBounds.lower.toExponential(3)}, ${service.unavailabilityBounds.upper.toExponential(3)}]` });
  }
  return out;
}
