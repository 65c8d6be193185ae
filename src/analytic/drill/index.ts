/**
 * Drills (`--fail NAME`): what happens when named zones, regions, tiers or nodes are down.
 * Implemented by conditioning: the failed components get unavailability 1 in a copy of the
 * Model and the availability engine runs unchanged (E[A_svc | failure]); with every other
 * component also perfect it answers the structural question (does the service survive?).
 */
import { conditionModel } from '../../model/condition.js';
import { downSet, nodesLeft, type FailureRef } from '../../model/down-set.js';
import { resolveModel } from '../../model/resolve.js';
import type { Model } from '../../model/types.js';
import { analyzeAvailability } from '../availability/index.js';
import type { DataProtectionResult } from '../data-protection/index.js';
import { drillData, type DrillData } from './data.js';

export { resolveFailures, type Resolved } from './resolve.js';
export { drillData, type DrillData } from './data.js';

export type DrillTier = {
  readonly name: string;
  readonly nodes: number;
  readonly nodesLeft: number;
  readonly minHealthy: number;
  /** nodesLeft ≥ minHealthy: the tier is up with every other node up. */
  readonly survives: boolean;
  /** E[A_tier | failure], everything else failing as usual. */
  readonly availability: number;
  readonly unavailability: number;
  readonly capacity: {
    readonly perNode: number;
    readonly demand: number;
    readonly left: number;
    readonly meetsDemand: boolean;
  } | null;
};

export type DrillResult = {
  readonly failed: readonly { readonly kind: FailureRef['kind']; readonly name: string }[];
  /** The service is up with the failed components down and everything else up. */
  readonly serviceSurvives: boolean;
  /** E[A_svc | failure]: the other components failing as usual. */
  readonly availability: number;
  readonly unavailability: number;
  readonly downtimeSecondsPerYear: number;
  /** The service without the failure, for comparison. */
  readonly baselineAvailability: number;
  readonly baselineUnavailability: number;
  readonly tiers: readonly DrillTier[];
  /** null when the model has no data section. */
  readonly data: DrillData | null;
  /** Failovers whose primary the failure takes down while their standby stands: the service runs on the standby after the switchover. */
  readonly switchovers?: readonly {
    readonly primary: string;
    readonly standby: string;
    readonly switchoverSeconds: number;
  }[];
};

/**
 * Runs a drill: structural survival, availability given the failure, capacity left per tier
 * and the data's fate.
 * @example drill(model, [{ kind: 'zone', name: 'az-a' }], baseline, dp).serviceSurvives
 */
export function drill(
  model: Model,
  failures: readonly FailureRef[],
  baseline: { readonly unavailability: number; readonly availability: number },
  dataProtection: DataProtectionResult | undefined,
): DrillResult {
  const resolved = resolveModel(model);
  const down = downSet(resolved, failures);
  const given = analyzeAvailability(conditionModel(model, failures, 'as-usual'));
  const structural = analyzeAvailability(conditionModel(model, failures, 'others-up'));
  const tiers = model.tiers.map((tier, t): DrillTier => {
    const left = nodesLeft(resolved, down, t);
    const figures = given.tiers[t];
    const cap = tier.capacity;
    return {
      name: tier.name,
      nodes: tier.nodes,
      nodesLeft: left,
      minHealthy: tier.minHealthy,
      survives: left >= tier.minHealthy,
      availability: figures?.availability ?? 0,
      unavailability: figures?.unavailability ?? 1,
      capacity:
        cap === undefined
          ? null
          : {
              perNode: cap.perNode,
              demand: cap.demand,
              left: cap.perNode * left,
              meetsDemand: cap.perNode * left >= cap.demand,
            },
    };
  });
  const dataTier = resolved.data === undefined ? undefined : tiers[resolved.data.tier];
  return {
    failed: failures.map((f) => ({ kind: f.kind, name: f.name })),
    serviceSurvives: structural.service.unavailability === 0,
    availability: given.service.availability,
    unavailability: given.service.unavailability,
    downtimeSecondsPerYear: given.service.downtimeSecondsPerYear,
    baselineAvailability: baseline.availability,
    baselineUnavailability: baseline.unavailability,
    tiers,
    data: dataProtection === undefined ? null : drillData(resolved, down, dataProtection, dataTier?.nodesLeft ?? 0),
    switchovers: structural.failovers
      .filter((f) => f.primaryUnavailability === 1 && f.standbyUnavailability === 0)
      .map((f) => ({ primary: f.primary, standby: f.standby, switchoverSeconds: f.switchoverSeconds })),
  };
}
