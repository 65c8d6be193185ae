/**
 * Compiles a Model into flat typed arrays for the trial kernels: every region, zone and node
 * becomes one component index, and the service structure becomes a postfix program.
 * The result is plain data (structured-cloneable), so it can be posted to worker threads.
 */
import { corruptionDowntime, switchovers } from '../../analytic/failover/switchover.js';
import { analyzeAvailability } from '../../analytic/availability/index.js';
import { componentSpecs, flattenStructure, type FlatStructure } from '../../model/flat-structure.js';
import { resolveModel } from '../../model/resolve.js';
import type { Distribution } from '../../model/component.js';
import type { Model } from '../../model/types.js';
import { DIST_EXPONENTIAL, DIST_FIXED, DIST_LOGNORMAL, DIST_WEIBULL } from '../random/distributions.js';
import { checkSimulationSize } from './size-limit.js';

export { OP_ALL, OP_ANY, OP_AT_LEAST, OP_FAILOVER, OP_TIER } from '../../model/flat-structure.js';

/**
 * The compiled model. Components are laid out regions, then zones, then nodes:
 * region r is r, zone z is regionCount + z, node n is regionCount + zoneCount + n.
 */
export type CompiledModel = FlatStructure & {
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
  checkSimulationSize(model);
  const structure = flattenStructure(model);
  const C = structure.componentCount;
  const resolved = resolveModel(model);
  const meanUp = new Float64Array(C).fill(Infinity);
  const meanDown = new Float64Array(C);
  const lifetimeKind = new Uint8Array(C);
  const lifetimeParam = new Float64Array(C);
  const repairKind = new Uint8Array(C);
  const repairParam = new Float64Array(C);
  const staticComponents: string[] = [];
  componentSpecs(model).forEach((spec, c) => {
    if (spec === undefined) return;
    [lifetimeKind[c], lifetimeParam[c]] = distributionCode(spec.lifetime);
    [repairKind[c], repairParam[c]] = distributionCode(spec.repair);
    if (spec.unavailability === 0) return;
    if (spec.mtbfSeconds === undefined || spec.mttrSeconds === undefined) {
      staticComponents.push(structure.componentNames[c] ?? String(c));
      return;
    }
    meanUp[c] = spec.mtbfSeconds;
    meanDown[c] = spec.mttrSeconds;
  });
  const F = resolved.failovers.length;
  const taus = switchovers(resolved);
  const corruption = corruptionDowntime(model);
  const failoverPrimaryMeanOutage = new Float64Array(F);
  resolved.failovers.forEach((f, i) => {
    failoverPrimaryMeanOutage[i] =
      analyzeAvailability({ ...model, service: f.node.spec.primary }).service.meanOutageSeconds ?? 0;
  });
  return {
    ...structure,
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
