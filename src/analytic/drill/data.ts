/**
 * What a drill does to the data: which data-protection scenario applies, or where the data
 * survives. The primary is the data tier's first node group (as in the scenario engine).
 */
import type { Model, Scenario } from '../../model/types.js';
import type { DataProtectionResult, RecoveredBy } from '../data-protection/index.js';
import type { FailureRef } from './resolve.js';

export type DrillData = {
  /** The scenario whose figures apply (zone or region of the primary lost); null otherwise. */
  readonly scenario: Scenario | null;
  readonly survives: boolean;
  /** Nodes of the data tier still standing (their zones and regions up, not failed themselves). */
  readonly replicasLeft: number;
  readonly recoveredBy: RecoveredBy | null;
  readonly rpoSeconds: number | null;
  readonly rtoSeconds: number | null;
  /** Data lost with this failure (change rate × RPO), when a scenario applies. */
  readonly dataAtRiskBytes?: number | null;
  readonly explanation: string;
};

/**
 * The data's fate: the primary's region failed → the region scenario; its zone → the zone
 * scenario; otherwise the data survives on the replicas left (RPO of the replication, the node
 * scenario) or, with none left, only on copies and backups outside the failed domains.
 * @example drillData(model, failures, downZones, dataProtection, 2).scenario // 'zone'
 */
export function drillData(
  model: Model,
  failures: readonly FailureRef[],
  zonesDown: ReadonlySet<string>,
  dp: DataProtectionResult,
  replicasLeft: number,
): DrillData {
  const data = model.data;
  const tier = model.tiers.find((t) => t.name === data?.tier);
  const primaryZone = tier?.groups[0]?.zone;
  const primaryRegion = model.zones.find((z) => z.name === primaryZone)?.region;
  const regionDown =
    primaryRegion !== undefined && failures.some((f) => f.kind === 'region' && f.name === primaryRegion);
  const zoneDown = primaryZone !== undefined && zonesDown.has(primaryZone);
  const fromScenario = (scenario: Scenario): DrillData => {
    const s = dp.scenarios.find((x) => x.scenario === scenario);
    return {
      scenario,
      survives: s?.survives ?? false,
      replicasLeft,
      recoveredBy: s?.recoveredBy ?? null,
      rpoSeconds: s?.rpoSeconds ?? null,
      rtoSeconds: s?.rtoSeconds ?? null,
      dataAtRiskBytes: s?.dataAtRiskBytes ?? null,
      explanation: s?.explanation ?? `no ${scenario} scenario`,
    };
  };
  if (regionDown) return fromScenario('region');
  if (zoneDown) return fromScenario('zone');
  const total = tier?.nodes ?? 0;
  if (replicasLeft > 0 && replicasLeft < total) {
    return {
      ...fromScenario('node'),
      scenario: null,
      explanation: `${replicasLeft} of ${total} node(s) of tier ${data?.tier ?? ''} hold the data and stay up; the primary's zone and region are up.`,
    };
  }
  if (replicasLeft > 0) {
    return {
      scenario: null,
      survives: true,
      replicasLeft,
      recoveredBy: null,
      rpoSeconds: 0,
      rtoSeconds: 0,
      explanation: 'The data tier is not touched by this failure.',
    };
  }
  const outside = [
    ...(data?.copies ?? [])
      .filter((c) => !locationDown(c.location, zonesDown, failures))
      .map((c) => `copy '${c.name}'`),
    ...(data?.backups ?? [])
      .filter((b) => !locationDown(b.location, zonesDown, failures))
      .map((b) => `backup '${b.name}'`),
  ];
  return {
    scenario: null,
    survives: outside.length > 0,
    replicasLeft,
    recoveredBy: null,
    rpoSeconds: null,
    rtoSeconds: null,
    explanation:
      outside.length > 0
        ? `Every node of tier ${data?.tier ?? ''} is down; the data survives in ${outside.join(', ')} (see the zone and region scenarios for RPO/RTO).`
        : `Every node of tier ${data?.tier ?? ''} is down and nothing outside the failed domains holds the data.`,
  };
}

function locationDown(
  location: NonNullable<Model['data']>['copies'][number]['location'],
  zonesDown: ReadonlySet<string>,
  failures: readonly FailureRef[],
): boolean {
  switch (location.kind) {
    case 'zone':
      return zonesDown.has(location.name);
    case 'region':
      return failures.some((f) => f.kind === 'region' && f.name === location.name);
    case 'offsite':
      return false;
    default: {
      const never: never = location;
      throw new Error(`unknown location ${String(never)}`);
    }
  }
}
