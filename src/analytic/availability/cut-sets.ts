import { minimalCutSets } from '../../model/cut-sets.js';
import { flattenStructure } from '../../model/flat-structure.js';
import type { Model } from '../../model/types.js';
import type { CutSets } from './result.js';

/** Most regions + zones + nodes whose cut sets are enumerated (a 10⁹-node tier would not fit in memory). */
export const MAX_CUT_SET_COMPONENTS = 100_000;

/**
 * The service's minimal cut sets (src/model/cut-sets.ts, shared with the simulator's importance
 * sampling), each with P(C) = Π q_i over its independent components and its share P(C)/Q.
 * @example serviceCutSets(model, q).sets[0].components // ['region us-east']
 */
export function serviceCutSets(model: Model, serviceQ: number): CutSets {
  // Enumeration reads every node as a component: past this many, the sets are not enumerated
  // (complete: false), as when the enumeration's own budget runs out.
  const components =
    model.regions.length +
    model.zones.length +
    model.tiers.reduce((s, t) => s + t.groups.reduce((n, g) => n + g.count, 0), 0);
  if (components > MAX_CUT_SET_COMPONENTS) return { complete: false, count: 0, rareEventSum: 0, sets: [] };
  const structure = flattenStructure(model);
  const family = minimalCutSets(structure, -1);
  if (family === undefined) return { complete: false, count: 0, rareEventSum: 0, sets: [] };
  const sets = family
    .map((c) => {
      const probability = c.reduce((p, i) => p * (structure.q[i] ?? 0), 1);
      return {
        components: c.map((i) => structure.componentNames[i] ?? String(i)),
        probability,
        // P(C) ≤ Q (the cut set implies the outage): clamp the last-ulp excess of the two roundings.
        share: serviceQ > 0 ? Math.min(1, probability / serviceQ) : 0,
      };
    })
    .sort((a, b) => b.probability - a.probability || a.components.length - b.components.length);
  return { complete: true, count: sets.length, rareEventSum: sets.reduce((s, c) => s + c.probability, 0), sets };
}
