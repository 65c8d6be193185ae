/**
 * The largest model the simulator takes: it draws every region, zone and node, so their count
 * is refused before anything is allocated (the analytic engine takes any node count).
 */
import { ninesError } from '../../errors.js';
import type { Model } from '../../model/types.js';

/** Most components (regions + zones + nodes) the simulator draws one by one. */
export const MAX_COMPONENTS = 1_000_000;
/** Refuses, before anything is allocated, a model with more components than the simulator draws. */
export function checkSimulationSize(model: Model): void {
  let total = model.regions.length + model.zones.length;
  for (const t of model.tiers) {
    const nodes = t.groups.reduce((s, g) => s + g.count, 0);
    total += nodes;
    if (total > MAX_COMPONENTS) {
      throw ninesError(
        'simulation-refused',
        'simulate',
        `tier '${t.name}' brings the model to ${total.toLocaleString('en-US')} components (regions, zones and nodes); the simulator draws each one and takes at most ${MAX_COMPONENTS.toLocaleString('en-US')}. nines analyze gives the exact figures of any node count (a tier's binomial form); to simulate, model fewer nodes (tiers.${t.name}.nodes)`,
      );
    }
  }
}
