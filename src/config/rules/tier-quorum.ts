import type { Normalised } from '../normalise/model.js';
import type { Reader } from '../normalise/reader.js';

/**
 * A tier can be up: its k = minHealthy is at most its n nodes (spares not counted). A k written
 * above n is an error; a k derived from the capacity (⌈demand / perNode⌉) above n is a warning,
 * since the tier is legal but never up (placed at its `capacity`).
 */
export function tierQuorum({ parts }: Normalised, reader: Reader): void {
  for (const tier of parts.tiers) {
    const path = reader.origins.path(tier);
    const n = tier.nodes - (tier.spares ?? 0);
    const k = tier.minHealthy;
    if (path === undefined || k <= n) continue;
    if (reader.origins.wrote(tier, 'minHealthy')) {
      reader.report(
        'quorum-exceeds-nodes',
        [...path, 'minHealthy'],
        `minHealthy ${k} is more than the tier's ${n} node(s); it could never be up`,
      );
    } else if (tier.capacity !== undefined) {
      const { perNode, demand } = tier.capacity;
      reader.report(
        'capacity-short',
        [...path, 'capacity'],
        `tier '${tier.name}' needs ${k} nodes of ${perNode} to carry a demand of ${demand} but has ${n}: it is never up`,
        'value',
        'warning',
      );
    }
  }
}
