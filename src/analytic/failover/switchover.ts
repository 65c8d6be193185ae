/**
 * The switchover time τ of each failover node: given on the node, else the RTO that the
 * data-protection engine finds for the disruption separating primary and standby (when the
 * primary holds the data tier: the same figure as the scenario table), else the strategy's
 * phases alone. One path sets both the RTO and the downtime availability counts.
 */
import type { ResolvedModel } from '../../model/resolve.js';
import type { Scenario } from '../../model/types.js';
import { dataScenarios } from '../data-protection/index.js';
import type { RtoPhases, ScenarioResult } from '../data-protection/types.js';
import { phasesFor, strategyPhases, sumPhases } from '../data-protection/recovery-strategy.js';

export type Switchover = {
  readonly seconds: number;
  /** The phases it adds up (null when given on the node). */
  readonly phases: RtoPhases | null;
  readonly source: 'given' | 'scenario' | 'strategy' | 'none';
  /** The disruption whose recovery phases apply. */
  readonly scenario: Scenario;
  /** Why it is what it is, for a warning (e.g. no recovery plan). */
  readonly note: string | undefined;
};

/**
 * τ for every failover of the model, indexed like `resolved.failovers`.
 * @example switchovers(resolveModel(model))[0]?.seconds // 4500 in database-dr (75 min)
 */
export function switchovers(resolved: ResolvedModel): Switchover[] {
  const { model } = resolved;
  if (resolved.failovers.length === 0) return [];
  const dataTier = model.data === undefined ? -1 : (resolved.tierIndex.get(model.data.tier) ?? -1);
  let scenarios: readonly ScenarioResult[] | undefined;
  return resolved.failovers.map((f): Switchover => {
    const scenario: Scenario = f.scope;
    const given = f.node.spec.switchoverSeconds;
    if (given !== undefined) return { seconds: given, phases: null, source: 'given', scenario, note: undefined };
    const recovery = model.recovery;
    if (recovery === undefined) {
      return {
        seconds: 0,
        phases: null,
        source: 'none',
        scenario,
        note: 'no switchover given and no recovery plan: the switchover is taken as instant',
      };
    }
    if (dataTier >= 0 && f.primaryTiers.includes(dataTier)) {
      scenarios ??= dataScenarios(model, resolved) ?? [];
      const s = scenarios.find((x) => x.scenario === scenario);
      if (s?.rtoPhases != null)
        return { seconds: sumPhases(s.rtoPhases), phases: s.rtoPhases, source: 'scenario', scenario, note: undefined };
      const phases = strategyPhases(recovery.strategy, phasesFor(recovery, scenario), 0);
      return {
        seconds: sumPhases(phases),
        phases,
        source: 'strategy',
        scenario,
        note: `the data of tier ${model.data?.tier ?? ''} does not survive the ${scenario} loss: the switchover counts the strategy's phases, without a restore`,
      };
    }
    const phases = strategyPhases(recovery.strategy, phasesFor(recovery, scenario), 0);
    return { seconds: sumPhases(phases), phases, source: 'strategy', scenario, note: undefined };
  });
}

/** Logical corruption as a disruption with a rate: it takes the service down for its RTO. */
export type CorruptionDowntime = {
  readonly ratePerSecond: number;
  /** The corruption scenario's RTO; null when not recoverable (then not counted). */
  readonly rtoSeconds: number | null;
  /** rate × RTO: first order (an outage within another is not subtracted). */
  readonly unavailability: number;
};

/**
 * `data.corruption` as downtime: rate × RTO of the corruption scenario (DESIGN §4).
 * @example corruptionDowntime(model)?.unavailability // 1/(5 y) × 1.2 h ≈ 2.7e-5
 */
export function corruptionDowntime(model: ResolvedModel['model']): CorruptionDowntime | undefined {
  const rate = model.data?.corruptionRate;
  if (rate === undefined || !(rate > 0)) return undefined;
  const s = dataScenarios(model)?.find((x) => x.scenario === 'corruption');
  const rto = s?.rtoSeconds ?? null;
  return { ratePerSecond: rate, rtoSeconds: rto, unavailability: rto === null ? 0 : Math.min(1, rate * rto) };
}
