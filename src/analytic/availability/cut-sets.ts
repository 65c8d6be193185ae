import { minimalCutSets } from '../../model/cut-sets.js';
import { flattenStructure } from '../../model/flat-structure.js';
import type { Model } from '../../model/types.js';
import type { CutSets } from './result.js';

/**
 * The service's minimal cut sets (src/model/cut-sets.ts, shared with the simulator's importance
 * sampling), each with P(C) = Π q_i over its independent components and its share P(C)/Q.
 * @example serviceCutSets(model, q).sets[0].components // ['region us-east']
 */
export function serviceCutSets(model: Model, serviceQ: number): CutSets {
  const structure = flattenStructure(model);
  const family = minimalCutSets(structure, -1);
  if (family === undefined) return { complete: false, count: 0, rareEventSum: 0, sets: [] };
  const sets = family
    .map((c) => {
      const probability = c.reduce((p, i) => p * (structure.q[i] ?? 0), 1);
      return {
        components: c.map((i) => structure.componentNames[i] ?? String(i)),
        probability,
        share: serviceQ > 0 ? probability / serviceQ : 0,
      };
    })
    .sort((a, b) => b.probability - a.probability || a.components.length - b.components.length);
  return { complete: true, count: sets.length, rareEventSum: sets.reduce((s, c) => s + c.probability, 0), sets };
}
