/**
 * Which components an event depends on, and which components play the same part in it. A
 * tier's state depends only on its nodes, their zones and those zones' regions; a component
 * outside that set changes no indicator of the event, so a sampler may leave it undrawn
 * (always up): its likelihood ratio is 1 and the event's law is unchanged.
 */
import type { FlatStructure } from '../../model/flat-structure.js';

/** The tiers an event reads: tier t alone, or every tier for the service (event −1). */
export function eventTiers(m: FlatStructure, event: number): number[] {
  return event >= 0 ? [event] : Array.from({ length: m.tierCount }, (_, t) => t);
}

/**
 * 1 for each component the event on `tiers` can depend on: their nodes, those nodes' zones
 * and those zones' regions. @example relevantComponents(m, [0]) // Uint8Array [0, 1, 1, 1, …]
 */
export function relevantComponents(m: FlatStructure, tiers: readonly number[]): Uint8Array {
  const R = m.regionCount;
  const Z = m.zoneCount;
  const wanted = new Uint8Array(m.tierCount);
  for (const t of tiers) wanted[t] = 1;
  const out = new Uint8Array(m.componentCount);
  for (let n = 0; n < m.nodeCount; n++) {
    if (wanted[m.nodeTier[n] ?? 0] !== 1) continue;
    out[R + Z + n] = 1;
    const z = m.nodeZone[n] ?? -1;
    if (z < 0) continue;
    out[R + z] = 1;
    const r = m.zoneRegion[z] ?? -1;
    if (r >= 0) out[r] = 1;
  }
  return out;
}

/** A partition of the relevant components that can fail: class k holds `size[k]` components, all with probability `q[k]`. */
export type ComponentClasses = {
  /** Class of each component, −1 when it is irrelevant or cannot fail (q = 0 or 1). */
  readonly classOf: Int32Array;
  readonly size: Float64Array;
  readonly q: Float64Array;
};

/**
 * Groups the relevant components that play the same part in an event on `tiers`: nodes of one
 * tier with the same q in zones (and regions) of the same q; zones of the same q holding the
 * same number of each tier's nodes; regions of the same q covering the same number of nodes.
 * Components of one class are interchangeable in a symmetric model; in any model, tying their
 * biased probabilities only restricts the proposal (its weights stay exact).
 * @example componentClasses(m, relevantComponents(m, [0]), [0]).size // Float64Array [20, 20]: 20 zones, 20 nodes
 */
export function componentClasses(m: FlatStructure, relevant: Uint8Array, tiers: readonly number[]): ComponentClasses {
  const R = m.regionCount;
  const Z = m.zoneCount;
  const zoneQ = (z: number): number => (z < 0 ? -1 : (m.q[R + z] ?? 0));
  const regionQ = (z: number): number => (z < 0 || (m.zoneRegion[z] ?? -1) < 0 ? -1 : (m.q[m.zoneRegion[z] ?? 0] ?? 0));
  const zoneNodes = (z: number): number[] => tiers.map((t) => m.tierZoneNodes[t * Z + z] ?? 0);
  const covered = (r: number): number => {
    let n = 0;
    for (let j = m.regionZoneStart[r] ?? 0; j < (m.regionZoneStart[r + 1] ?? 0); j++)
      for (const c of zoneNodes(m.regionZones[j] ?? 0)) n += c;
    return n;
  };
  const keyOf = (c: number): string => {
    const q = m.q[c] ?? 0;
    if (c < R) return `r ${q} ${covered(c)}`;
    if (c < R + Z) return `z ${q} ${zoneNodes(c - R).join(',')}`;
    const z = m.nodeZone[c - R - Z] ?? -1;
    return `n ${q} ${m.nodeTier[c - R - Z]} ${zoneQ(z)} ${regionQ(z)}`;
  };
  const index = new Map<string, number>();
  const classOf = new Int32Array(m.componentCount).fill(-1);
  const size: number[] = [];
  const q: number[] = [];
  for (let c = 0; c < m.componentCount; c++) {
    const qc = m.q[c] ?? 0;
    if (relevant[c] !== 1 || qc <= 0 || qc >= 1) continue;
    const key = keyOf(c);
    let k = index.get(key);
    if (k === undefined) {
      k = size.length;
      index.set(key, k);
      size.push(0);
      q.push(qc);
    }
    classOf[c] = k;
    size[k] = (size[k] ?? 0) + 1;
  }
  return { classOf, size: Float64Array.from(size), q: Float64Array.from(q) };
}
