/**
 * The model's failure structure as flat, structured-cloneable data, read by both engines:
 * every region, zone and node is one component index (regions, then zones, then nodes:
 * region r is r, zone z is regionCount + z, node n is regionCount + zoneCount + n), and the
 * service expression is a postfix program over tier states.
 */
import { resolveModel, type Structure } from './resolve.js';
import type { Component } from './component.js';
import type { Model } from './types.js';

/** Postfix opcodes of the service program; each instruction is [op, a, b]. */
export const OP_TIER = 0; // push tierDown[a]
export const OP_ALL = 1; // pop a operands; down if any is down
export const OP_ANY = 2; // pop a operands; down if all are down
export const OP_AT_LEAST = 3; // pop a operands; up if at least b are up
export const OP_FAILOVER = 4; // pop a = 2 operands (primary, standby) of failover b; snapshot: down if both are

export type FlatStructure = {
  readonly regionCount: number;
  readonly zoneCount: number;
  readonly nodeCount: number;
  readonly componentCount: number;
  readonly tierCount: number;
  readonly tierNames: readonly string[];
  /** `region us-east`, `zone az-a`, `node db[0]` (nodes counted from 0 within their tier). */
  readonly componentNames: readonly string[];
  /** Steady-state unavailability q of each component. */
  readonly q: Float64Array;
  /** Zone → region index, or −1. */
  readonly zoneRegion: Int32Array;
  /** Node → zone index, or −1. */
  readonly nodeZone: Int32Array;
  /** Node → tier index. */
  readonly nodeTier: Int32Array;
  /** Down nodes that take tier t down: n − k + 1 (≤ 0: always down; > n: never down). */
  readonly tierThreshold: Int32Array;
  /** Nodes of tier t in zone z at [t·zoneCount + z]. */
  readonly tierZoneNodes: Int32Array;
  /** Zones of region r: regionZones[regionZoneStart[r] .. regionZoneStart[r + 1]). */
  readonly regionZoneStart: Int32Array;
  readonly regionZones: Int32Array;
  /** The service structure as postfix instructions [op, a, b]. */
  readonly program: Int32Array;
  /** Deepest stack the program needs. */
  readonly stackDepth: number;
};

/** Failure specs of the components in index order (undefined: never fails). */
export function componentSpecs(model: Model): (Component | undefined)[] {
  return [
    ...model.regions.map((r) => r.failure),
    ...model.zones.map((z) => z.failure),
    ...model.tiers.flatMap((t) => t.groups.flatMap((g) => new Array<Component>(g.count).fill(g.failure))),
  ];
}

/** Flattens a model's structure. @example flattenStructure(model).componentCount */
export function flattenStructure(model: Model): FlatStructure {
  const regionIndex = new Map(model.regions.map((r, i) => [r.name, i]));
  const zoneIndex = new Map(model.zones.map((z, i) => [z.name, i]));
  const R = model.regions.length;
  const Z = model.zones.length;
  const T = model.tiers.length;
  const nodeCount = model.tiers.reduce((s, t) => s + t.groups.reduce((g, x) => g + x.count, 0), 0);
  const C = R + Z + nodeCount;

  const names: string[] = [];
  for (const r of model.regions) names.push(`region ${r.name}`);
  const zoneRegion = new Int32Array(Z);
  model.zones.forEach((z, i) => {
    names.push(`zone ${z.name}`);
    zoneRegion[i] = z.region === undefined ? -1 : lookup(regionIndex, z.region, 'region');
  });
  const nodeZone = new Int32Array(nodeCount);
  const nodeTier = new Int32Array(nodeCount);
  const tierThreshold = new Int32Array(T);
  const tierZoneNodes = new Int32Array(T * Z);
  let n = 0;
  model.tiers.forEach((tier, t) => {
    let total = 0;
    for (const g of tier.groups) {
      const z = g.zone === undefined ? -1 : lookup(zoneIndex, g.zone, 'zone');
      for (let j = 0; j < g.count; j++, n++) {
        nodeZone[n] = z;
        nodeTier[n] = t;
        names.push(`node ${tier.name}[${total + j}]`);
      }
      if (z >= 0) tierZoneNodes[t * Z + z] = (tierZoneNodes[t * Z + z] ?? 0) + g.count;
      total += g.count;
    }
    tierThreshold[t] = total - tier.minHealthy + 1;
  });

  const regionZoneStart = new Int32Array(R + 1);
  for (let z = 0; z < Z; z++) {
    const r = zoneRegion[z] ?? -1;
    if (r >= 0) regionZoneStart[r + 1] = (regionZoneStart[r + 1] ?? 0) + 1;
  }
  for (let r = 0; r < R; r++) regionZoneStart[r + 1] = (regionZoneStart[r + 1] ?? 0) + (regionZoneStart[r] ?? 0);
  const regionZones = new Int32Array(Z);
  const fill = regionZoneStart.slice(0, R);
  for (let z = 0; z < Z; z++) {
    const r = zoneRegion[z] ?? -1;
    if (r < 0) continue;
    regionZones[fill[r] ?? 0] = z;
    fill[r] = (fill[r] ?? 0) + 1;
  }
  const q = Float64Array.from(componentSpecs(model), (spec) => spec?.unavailability ?? 0);
  const code: number[] = [];
  const stackDepth = emit(resolveModel(model).structure, code);
  return {
    regionCount: R,
    zoneCount: Z,
    nodeCount,
    componentCount: C,
    tierCount: T,
    tierNames: model.tiers.map((t) => t.name),
    componentNames: names,
    q,
    zoneRegion,
    nodeZone,
    nodeTier,
    tierThreshold,
    tierZoneNodes,
    regionZoneStart,
    regionZones,
    program: Int32Array.from(code),
    stackDepth,
  };
}

function lookup(index: Map<string, number>, name: string, what: string): number {
  const i = index.get(name);
  if (i === undefined) throw new Error(`structure: unknown ${what} "${name}"`);
  return i;
}

/** Emits postfix code for s; returns the stack depth it needs. */
function emit(s: Structure, code: number[]): number {
  switch (s.kind) {
    case 'tier':
      code.push(OP_TIER, s.tier, 0);
      return 1;
    case 'all':
    case 'any':
    case 'atLeast': {
      let depth = 0;
      s.of.forEach((child, i) => {
        depth = Math.max(depth, i + emit(child, code));
      });
      const op = s.kind === 'all' ? OP_ALL : s.kind === 'any' ? OP_ANY : OP_AT_LEAST;
      code.push(op, s.of.length, s.kind === 'atLeast' ? s.k : 0);
      return Math.max(depth, 1);
    }
    case 'failover': {
      const depth = Math.max(emit(s.primary, code), 1 + emit(s.standby, code));
      code.push(OP_FAILOVER, 2, s.index);
      return depth;
    }
    default: {
      const never: never = s;
      throw new Error(`structure: unknown service expression ${JSON.stringify(never)}`);
    }
  }
}
