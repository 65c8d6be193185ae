/**
 * Compiles a Model into flat typed arrays for the trial kernels: every region, zone and node
 * becomes one component index, and the service structure becomes a postfix program.
 * The result is plain data (structured-cloneable), so it can be posted to worker threads.
 */
import { corruptionDowntime, switchovers } from '../analytic/failover/switchover.js';
import { analyzeAvailability } from '../analytic/availability/index.js';
import { resolveModel, type Structure } from '../model/resolve.js';
import type { Component, Distribution, Model } from '../model/types.js';

/** Postfix opcodes of the service program; each instruction is [op, a, b]. */
export const OP_TIER = 0; // push tierDown[a]
export const OP_ALL = 1; // pop a operands; down if any is down
export const OP_ANY = 2; // pop a operands; down if all are down
export const OP_AT_LEAST = 3; // pop a operands; up if at least b are up
export const OP_FAILOVER = 4; // pop a = 2 operands (primary, standby) of failover b; snapshot: down if both are

/** Distribution codes of the timeline kernel. */
export const DIST_EXPONENTIAL = 0;
export const DIST_FIXED = 1;
export const DIST_WEIBULL = 2;
export const DIST_LOGNORMAL = 3;

/**
 * The compiled model. Components are laid out regions, then zones, then nodes:
 * region r is r, zone z is regionCount + z, node n is regionCount + zoneCount + n.
 */
export type CompiledModel = {
  readonly regionCount: number;
  readonly zoneCount: number;
  readonly nodeCount: number;
  readonly componentCount: number;
  readonly tierCount: number;
  readonly tierNames: readonly string[];
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
  /** Timeline parameters; mean up / down times in seconds (Infinity up: never fails). */
  readonly meanUp: Float64Array;
  readonly meanDown: Float64Array;
  readonly lifetimeKind: Uint8Array;
  readonly lifetimeParam: Float64Array;
  readonly repairKind: Uint8Array;
  readonly repairParam: Float64Array;
  /** Names of components that fail but have no time behaviour (no mttr): no timeline for them. */
  readonly staticComponents: readonly string[];
  /** Failover nodes (the program's OP_FAILOVER b): switchover τ, success c, failback f. */
  readonly failoverCount: number;
  readonly failoverSwitchover: Float64Array;
  readonly failoverSuccess: Float64Array;
  readonly failoverFailback: Float64Array;
  /** The primary's mean outage (analytic), for the age of an outage under way at a steady start. */
  readonly failoverPrimaryMeanOutage: Float64Array;
  /** Logical corruption (`data.corruption`): rate per second (0: none) and the service down time each costs (its RTO). */
  readonly corruptionRate: number;
  readonly corruptionSeconds: number;
  /** Per tier: the interruption each node failure it rides out causes (seconds, 0: none). */
  readonly tierInterruption: Float64Array;
};

/** Whether the timeline needs timed events beyond component failures (failovers, corruption, interruptions). */
export function hasTimedEvents(m: CompiledModel): boolean {
  return m.failoverCount > 0 || m.corruptionRate > 0 || m.tierInterruption.some((d) => d > 0);
}

/** Flattens a model for the kernels. @example compileModel(model).componentCount */
export function compileModel(model: Model): CompiledModel {
  const resolved = resolveModel(model);
  const R = model.regions.length;
  const Z = model.zones.length;
  const T = model.tiers.length;
  const nodeCount = model.tiers.reduce((s, t) => s + t.groups.reduce((g, x) => g + x.count, 0), 0);
  const C = R + Z + nodeCount;

  const specs: (Component | undefined)[] = [];
  const names: string[] = [];
  for (const r of model.regions) {
    specs.push(r.failure);
    names.push(`region ${r.name}`);
  }
  const zoneRegion = Int32Array.from(resolved.zoneRegion);
  model.zones.forEach((z) => {
    specs.push(z.failure);
    names.push(`zone ${z.name}`);
  });
  const nodeZone = new Int32Array(nodeCount);
  const nodeTier = new Int32Array(nodeCount);
  const tierThreshold = new Int32Array(T);
  const tierZoneNodes = new Int32Array(T * Z);
  let n = 0;
  model.tiers.forEach((tier, t) => {
    let total = 0;
    tier.groups.forEach((g, gi) => {
      const z = resolved.groupZone[t]?.[gi] ?? -1;
      for (let j = 0; j < g.count; j++, n++) {
        nodeZone[n] = z;
        nodeTier[n] = t;
        specs.push(g.failure);
        names.push(`node ${tier.name}[${total + j}]`);
      }
      if (z >= 0) tierZoneNodes[t * Z + z] = (tierZoneNodes[t * Z + z] ?? 0) + g.count;
      total += g.count;
    });
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
    if (r >= 0) regionZones[(fill[r] = (fill[r] ?? 0) + 1) - 1] = z;
  }

  const q = new Float64Array(C);
  const meanUp = new Float64Array(C).fill(Infinity);
  const meanDown = new Float64Array(C);
  const lifetimeKind = new Uint8Array(C);
  const lifetimeParam = new Float64Array(C);
  const repairKind = new Uint8Array(C);
  const repairParam = new Float64Array(C);
  const staticComponents: string[] = [];
  specs.forEach((spec, c) => {
    if (spec === undefined) return;
    q[c] = spec.unavailability;
    [lifetimeKind[c], lifetimeParam[c]] = distributionCode(spec.lifetime);
    [repairKind[c], repairParam[c]] = distributionCode(spec.repair);
    if (spec.unavailability === 0) return;
    if (spec.mtbfSeconds === undefined || spec.mttrSeconds === undefined) {
      staticComponents.push(names[c] ?? String(c));
      return;
    }
    meanUp[c] = spec.mtbfSeconds;
    meanDown[c] = spec.mttrSeconds;
  });

  const code: number[] = [];
  const stackDepth = emit(resolved.structure, code);
  const F = resolved.failovers.length;
  const taus = switchovers(resolved);
  const corruption = corruptionDowntime(model);
  const failoverPrimaryMeanOutage = new Float64Array(F);
  resolved.failovers.forEach((f, i) => {
    failoverPrimaryMeanOutage[i] = analyzeAvailability({ ...model, service: f.node.spec.primary }).service.meanOutageSeconds ?? 0;
  });
  return {
    regionCount: R,
    zoneCount: Z,
    nodeCount,
    componentCount: C,
    tierCount: T,
    tierNames: model.tiers.map((t) => t.name),
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
    meanUp,
    meanDown,
    lifetimeKind,
    lifetimeParam,
    repairKind,
    repairParam,
    staticComponents,
    failoverCount: F,
    failoverSwitchover: Float64Array.from(resolved.failovers, (_, i) => taus[i]?.seconds ?? 0),
    failoverSuccess: Float64Array.from(resolved.failovers, (f) => f.node.spec.success),
    failoverFailback: Float64Array.from(resolved.failovers, (f) => f.node.spec.failbackSeconds),
    failoverPrimaryMeanOutage,
    corruptionRate: corruption?.rtoSeconds == null ? 0 : corruption.ratePerSecond,
    corruptionSeconds: corruption?.rtoSeconds ?? 0,
    tierInterruption: Float64Array.from(model.tiers, (t) => t.interruptionSeconds ?? 0),
  };
}

/** The kernel's code and parameter of a distribution. @example distributionCode({ type: 'weibull', shape: 2 }) // [2, 2] */
export function distributionCode(d: Distribution): [number, number] {
  switch (d.type) {
    case 'exponential':
      return [DIST_EXPONENTIAL, 0];
    case 'fixed':
      return [DIST_FIXED, 0];
    case 'weibull':
      return [DIST_WEIBULL, d.shape];
    case 'lognormal':
      return [DIST_LOGNORMAL, d.sigma];
    default: {
      const never: never = d;
      throw new Error(`simulate: unknown distribution ${JSON.stringify(never)}`);
    }
  }
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
      throw new Error(`simulate: unknown structure ${JSON.stringify(never)}`);
    }
  }
}
