/**
 * RPO, RTO and data at risk per disruption: node, zone, region, corruption (DESIGN §4).
 */
import type { Data, Model, Recovery, RecoveryStrategy, Scenario, Tier } from '../../model/types.js';
import { describeLocation, lostWith, placeOfLocation, placeOfZone, type Place } from './failure-domains.js';
import { nodeCopies, survivesNodeLoss } from './replicas.js';
import type { BackupJobResult, RecoveryOption, RtoPhases, ScenarioResult } from './types.js';

/** The disruptions analysed, in report order. */
export const SCENARIOS: readonly Scenario[] = ['node', 'zone', 'region', 'corruption'];

/** What a scenario needs: the model, its data and tier, the simulated jobs, the change rate. */
export type ScenarioContext = {
  readonly model: Model;
  readonly data: Data;
  readonly tier: Tier | undefined;
  /** Simulated jobs, in the order of `data.backups`. */
  readonly backups: readonly BackupJobResult[];
  readonly changeRateBytesPerSecond: number;
};

/** No recovery plan: every phase 0 and copies fail over (a note says so). */
const NO_PLAN: Recovery = {
  strategy: 'hot-standby',
  detectionSeconds: 0,
  failoverSeconds: 0,
  provisioningSeconds: 0,
  validationSeconds: 0,
};

/** Strategies with running compute next to a copy: it takes over by failover alone. */
function copyHasStandby(strategy: RecoveryStrategy): boolean {
  switch (strategy) {
    case 'active-active':
    case 'hot-standby':
    case 'warm-standby':
      return true;
    case 'pilot-light':
    case 'backup-restore':
      return false;
    default: {
      const never: never = strategy;
      throw new Error(`unknown strategy ${String(never)}`);
    }
  }
}

const total = (p: RtoPhases): number =>
  p.detectionSeconds + p.failoverSeconds + p.provisioningSeconds + p.restoreSeconds + p.validationSeconds;

/**
 * One scenario. A disruption leaves only what is outside its failure domain: a node loss
 * leaves the tier's other nodes (and every copy and backup); the zone loss (the zone of the
 * data tier's first node group, the primary) leaves nodes, copies and backups in other zones,
 * regional storage, other regions and offsite; the region loss leaves other regions and
 * offsite; corruption reaches every live replica and copy, leaving only backups.
 *
 * Each survivor is an option:
 * - replica (surviving nodes of the data tier): RPO 0 if sync, else the lag; they are running
 *   members of the tier, so RTO = detection + failover + validation whatever the strategy.
 * - copy: RPO 0 if sync, else the lag. With active-active, hot- or warm-standby compute stands
 *   by: RTO = detection + failover + validation. With pilot-light or backup-restore the data is
 *   live at the copy but nothing runs there: detection + provisioning + failover + validation
 *   (no restore: a live copy is attached, not copied).
 * - backup: worst RPO = interval + backup duration, expected = interval / 2 + duration;
 *   RTO = detection + provisioning (only when no node of the tier is left standing; corruption
 *   leaves the nodes up) + restore of the worst chain + validation.
 * The best option has the smallest RPO, then the smallest RTO. Data at risk = change rate
 * (at the end of the horizon) × worst RPO. Nothing left: not recoverable, figures null.
 * @example analyzeScenario(ctx, 'region').recoveredBy // { kind: 'copy', name: 'dr' }
 */
export function analyzeScenario(ctx: ScenarioContext, scenario: Scenario): ScenarioResult {
  const { model, data, tier } = ctx;
  const recovery = model.recovery ?? NO_PLAN;
  const groups = tier?.groups ?? [];
  const nodes = tier?.nodes ?? 0;
  const primary = placeOfZone(model, groups[0]?.zone);
  const domain = describeDomain(scenario, data.tier, primary);
  const survivesAt = (place: Place): boolean =>
    scenario === 'zone' || scenario === 'region' ? !lostWith(place, scenario, primary) : true;

  // Surviving nodes count as replicas only if the data survives losing the others (k + m,
  // or the replicas the tier's redundancy implies: see replicas.ts).
  const copies = tier === undefined ? undefined : nodeCopies(data, tier);
  const holding = (left: number): number => (copies !== undefined && survivesNodeLoss(copies, nodes, nodes - left) ? left : 0);
  let replicas: number;
  switch (scenario) {
    case 'node':
      replicas = holding(Math.max(0, nodes - 1));
      break;
    case 'zone':
    case 'region':
      replicas = holding(groups
        .filter((g) => survivesAt(placeOfZone(model, g.zone)))
        .reduce((s, g) => s + g.count, 0));
      break;
    case 'corruption':
      replicas = 0;
      break;
    default: {
      const never: never = scenario;
      throw new Error(`unknown scenario ${String(never)}`);
    }
  }
  const nodesStanding = scenario === 'corruption' ? nodes : replicas;

  const phases = (p: Partial<RtoPhases>): RtoPhases => ({
    detectionSeconds: recovery.detectionSeconds,
    failoverSeconds: 0,
    provisioningSeconds: 0,
    restoreSeconds: 0,
    validationSeconds: recovery.validationSeconds,
    ...p,
  });
  const option = (o: Omit<RecoveryOption, 'rtoSeconds'>): RecoveryOption => ({ ...o, rtoSeconds: total(o.rtoPhases) });
  const options: RecoveryOption[] = [];

  if (replicas > 0) {
    const lag = data.replication.mode === 'sync' ? 0 : data.replication.lagSeconds;
    options.push(option({
      kind: 'replica', name: data.tier, rpoSeconds: lag, rpoExpectedSeconds: lag,
      rtoPhases: phases({ failoverSeconds: recovery.failoverSeconds }),
    }));
  }
  if (scenario !== 'corruption') {
    for (const copy of data.copies) {
      if (!survivesAt(placeOfLocation(model, copy.location))) continue;
      const lag = copy.mode === 'sync' ? 0 : copy.lagSeconds;
      const standby = copyHasStandby(recovery.strategy);
      options.push(option({
        kind: 'copy', name: copy.name, rpoSeconds: lag, rpoExpectedSeconds: lag,
        rtoPhases: phases({
          failoverSeconds: recovery.failoverSeconds,
          provisioningSeconds: standby ? 0 : recovery.provisioningSeconds,
        }),
      }));
    }
  }
  data.backups.forEach((backup, i) => {
    const job = ctx.backups[i];
    if (job === undefined || !survivesAt(placeOfLocation(model, backup.location))) return;
    options.push(option({
      kind: 'backup', name: backup.name,
      rpoSeconds: backup.everySeconds + job.durationSeconds,
      // Expected: half an interval plus the mean duration over the points (weekly full, daily
      // increments); worst: a whole interval plus the largest point's duration.
      rpoExpectedSeconds: backup.everySeconds / 2 + job.meanDurationSeconds,
      rtoPhases: phases({
        provisioningSeconds: nodesStanding > 0 ? 0 : recovery.provisioningSeconds,
        restoreSeconds: job.worstRestoreSeconds,
      }),
    }));
  });
  options.sort((a, b) => a.rpoSeconds - b.rpoSeconds || a.rtoSeconds - b.rtoSeconds);

  const best = options[0];
  if (best === undefined) {
    return {
      scenario, failureDomain: domain, survives: false, recoveredBy: null,
      rpoSeconds: null, rpoExpectedSeconds: null, dataAtRiskBytes: null, rtoSeconds: null, rtoPhases: null,
      options, explanation: explainLoss(ctx, scenario, domain),
    };
  }
  return {
    scenario,
    failureDomain: domain,
    survives: true,
    recoveredBy: { kind: best.kind, name: best.name },
    rpoSeconds: best.rpoSeconds,
    rpoExpectedSeconds: best.rpoExpectedSeconds,
    dataAtRiskBytes: ctx.changeRateBytesPerSecond * best.rpoSeconds,
    rtoSeconds: best.rtoSeconds,
    rtoPhases: best.rtoPhases,
    options,
    explanation: explainRecovery(ctx, domain, best, replicas),
  };
}

function describeDomain(scenario: Scenario, tier: string, primary: Place): string {
  switch (scenario) {
    case 'node':
      return `one node of tier ${tier}`;
    case 'zone':
      return primary.zone === undefined ? `the primary's zone (tier ${tier} is not placed in zones)` : `zone ${primary.zone}`;
    case 'region':
      return primary.region === undefined ? "the primary's region (no region modelled)" : `region ${primary.region}`;
    case 'corruption':
      return 'every live copy (logical corruption)';
    default: {
      const never: never = scenario;
      throw new Error(`unknown scenario ${String(never)}`);
    }
  }
}

function explainRecovery(ctx: ScenarioContext, domain: string, best: RecoveryOption, replicas: number): string {
  const lossText = best.rpoSeconds === 0 ? 'no committed data is lost' : 'writes within the RPO window are lost';
  switch (best.kind) {
    case 'replica':
      return `Loss of ${domain}: ${replicas} node(s) of tier ${best.name} survive with ` +
        `${ctx.data.replication.mode} replication and take over by failover; ${lossText}.`;
    case 'copy': {
      const copy = ctx.data.copies.find((c) => c.name === best.name);
      const where = copy === undefined ? '' : ` in ${describeLocation(copy.location)}`;
      const how = best.rtoPhases.provisioningSeconds > 0 ? 'after provisioning compute for it' : 'by failover';
      return `Loss of ${domain}: the ${copy?.mode ?? ''} copy '${best.name}'${where} takes over ${how}; ${lossText}.`;
    }
    case 'backup': {
      const backup = ctx.data.backups.find((b) => b.name === best.name);
      const where = backup === undefined ? '' : ` in ${describeLocation(backup.location)}`;
      return `Loss of ${domain}: restored from backup '${best.name}'${where}; ` +
        'writes since the last completed backup are lost.';
    }
    default: {
      const never: never = best.kind;
      throw new Error(`unknown mechanism ${String(never)}`);
    }
  }
}

function explainLoss(ctx: ScenarioContext, scenario: Scenario, domain: string): string {
  const { data } = ctx;
  if (scenario === 'corruption') {
    return 'Not recoverable: logical corruption reaches every node and copy, and no backup ' +
      'holds a point in time from before it.';
  }
  const held = [
    `tier ${data.tier}`,
    ...data.copies.map((c) => `copy '${c.name}' (${describeLocation(c.location)})`),
    ...data.backups.map((b) => `backup '${b.name}' (${describeLocation(b.location)})`),
  ];
  return `Not recoverable: loss of ${domain} takes ${held.join(', ')}; ` +
    'nothing outside the failure domain holds the data.';
}
