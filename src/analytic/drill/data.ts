/**
 * What a drill does to the data: which data-protection scenario applies, or where the data
 * survives. The primary is the data tier's first node group (as in the scenario engine).
 */
import type { Place, ResolvedModel } from '../../model/resolve.js';
import type { Scenario } from '../../model/types.js';
import type { DataProtectionResult, RecoveredBy } from '../data-protection/index.js';
import type { DownSet } from '../../model/down-set.js';

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
 * scenario) or, with none left, only on copies and backups outside the failed domains. Places
 * are the resolved model's indices.
 * @example drillData(resolved, downSet(resolved, failures), dataProtection, 2).scenario // 'zone'
 */
export function drillData(
  resolved: ResolvedModel,
  down: DownSet,
  dp: DataProtectionResult,
  replicasLeft: number,
): DrillData {
  const data = resolved.model.data;
  const places = resolved.data;
  const tier = places === undefined ? undefined : resolved.model.tiers[places.tier];
  const primary = places?.primary;
  const regionDown = primary !== undefined && primary.region >= 0 && down.regions.has(primary.region);
  const zoneDown = primary !== undefined && primary.zone >= 0 && down.zonesDown.has(primary.zone);
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
  const standing = (place: Place | undefined): boolean => place !== undefined && !placeDown(place, down);
  const outside = [
    ...(data?.copies ?? []).filter((_, i) => standing(places?.copies[i])).map((c) => `copy '${c.name}'`),
    ...(data?.backups ?? []).filter((_, i) => standing(places?.backups[i])).map((b) => `backup '${b.name}'`),
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

/** A zone place is down with its zone (named or in a failed region); a region place with its region. */
function placeDown(place: Place, down: DownSet): boolean {
  switch (place.scope) {
    case 'zone':
      return place.zone >= 0 && down.zonesDown.has(place.zone);
    case 'region':
      return place.region >= 0 && down.regions.has(place.region);
    case 'offsite':
      return false;
    default: {
      const never: never = place.scope;
      throw new Error(`unknown place ${String(never)}`);
    }
  }
}
