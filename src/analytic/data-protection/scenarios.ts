/**
 * RPO, RTO and data at risk per disruption: node, zone, region, corruption (DESIGN §4).
 */
import type { Data, Model, Scenario, Tier } from '../../model/types.js';
import { phasesFor, strategyPhases, sumPhases } from '../failover/strategy.js';
import { describeLocation, lostWith, placeOfLocation, placeOfZone, type Place } from './failure-domains.js';
import { nodeCopies, survivesNodeLoss } from './replicas.js';
import type { BackupJobResult, RecoveryOption, RtoPhases, ScenarioResult } from './types.js';

/** What a scenario needs: the model, its data and tier, the simulated jobs, the change rate. */
export type ScenarioContext = {
  readonly model: Model;
  readonly data: Data;
  readonly tier: Tier | undefined;
  /** Simulated jobs, in the order of `data.backups`. */
  readonly backups: readonly BackupJobResult[];
  readonly changeRateBytesPerSecond: number;
};

/** A loss the tier rides out: no phase at all (an interruption goes in as the failover). */
const NO_LOSS_PHASES: RtoPhases = {
  detectionSeconds: 0,
  failoverSeconds: 0,
  provisioningSeconds: 0,
  restoreSeconds: 0,
  validationSeconds: 0,
};

/**
 * One scenario. A disruption leaves only what is outside its failure domain: a node loss
 * leaves the tier's other nodes (and every copy and backup); the zone loss (the zone of the
 * data tier's first node group, the primary) leaves nodes, copies and backups in other zones,
 * regional storage, other regions and offsite; the region loss leaves other regions and
 * offsite; corruption reaches every live replica and copy, leaving only backups.
 *
 * The phases are `recovery.<scenario>` over the defaults. Each survivor is an option:
 * - replica (surviving nodes of the data tier): RPO 0 if sync, else the lag. When at least
 *   minHealthy of them stand, the tier rides the loss out: no interruption (RTO 0) unless the
 *   tier declares `interruption` (a leader election), which is then the RTO; otherwise they
 *   take over by detection + failover + validation whatever the strategy.
 * - copy: RPO 0 if sync, else the lag; RTO by the strategy ({@link strategyPhases}):
 *   active-active 0, hot standby detection + failover + validation, warm standby and pilot
 *   light + provisioning (no restore: a live copy is attached, not copied). Backup-restore
 *   keeps no live standby: it restores from a backup, so copies are not an option.
 * - backup: worst RPO = interval + backup duration, expected = interval / 2 + duration;
 *   RTO = detection + provisioning (only when no node of the tier is left standing; corruption
 *   leaves the nodes up) + restore of the worst chain + validation.
 * The best option has the smallest RPO, then the smallest RTO. Data at risk = change rate
 * (at the end of the horizon) × worst RPO. Nothing left: not recoverable, figures null.
 * @example analyzeScenario(ctx, 'region').recoveredBy // { kind: 'copy', name: 'dr' }
 */
export function analyzeScenario(ctx: ScenarioContext, scenario: Scenario): ScenarioResult {
  const { model, data, tier } = ctx;
  const recovery = phasesFor(model.recovery, scenario);
  const strategy = model.recovery?.strategy ?? 'hot-standby';
  const groups = tier?.groups ?? [];
  const nodes = tier?.nodes ?? 0;
  const primary = placeOfZone(model, groups[0]?.zone);
  const domain = describeDomain(scenario, data.tier, primary);
  const survivesAt = (place: Place): boolean =>
    scenario === 'zone' || scenario === 'region' ? !lostWith(place, scenario, primary) : true;

  // Surviving nodes count as replicas only if the data survives losing the others (k + m,
  // or the replicas the tier's redundancy implies: see replicas.ts).
  const copies = tier === undefined ? undefined : nodeCopies(data, tier);
  const holding = (left: number): number =>
    copies !== undefined && survivesNodeLoss(copies, nodes, nodes - left) ? left : 0;
  let replicas: number;
  switch (scenario) {
    case 'node':
      replicas = holding(Math.max(0, nodes - 1));
      break;
    case 'zone':
    case 'region':
      replicas = holding(groups.filter((g) => survivesAt(placeOfZone(model, g.zone))).reduce((s, g) => s + g.count, 0));
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
  const option = (o: Omit<RecoveryOption, 'rtoSeconds'>): RecoveryOption => ({
    ...o,
    rtoSeconds: sumPhases(o.rtoPhases),
  });
  const options: RecoveryOption[] = [];

  if (replicas > 0) {
    const lag = data.replication.mode === 'sync' ? 0 : data.replication.lagSeconds;
    const ridesOut = tier !== undefined && replicas >= tier.minHealthy;
    options.push(
      option({
        kind: 'replica',
        name: data.tier,
        rpoSeconds: lag,
        rpoExpectedSeconds: lag,
        rtoPhases: ridesOut
          ? { ...NO_LOSS_PHASES, failoverSeconds: tier.interruptionSeconds ?? 0 }
          : phases({ failoverSeconds: recovery.failoverSeconds }),
      }),
    );
  }
  if (scenario !== 'corruption' && strategy !== 'backup-restore') {
    for (const copy of data.copies) {
      if (!survivesAt(placeOfLocation(model, copy.location))) continue;
      const lag = copy.mode === 'sync' ? 0 : copy.lagSeconds;
      options.push(
        option({
          kind: 'copy',
          name: copy.name,
          rpoSeconds: lag,
          rpoExpectedSeconds: lag,
          rtoPhases: strategyPhases(strategy, recovery, 0),
        }),
      );
    }
  }
  data.backups.forEach((backup, i) => {
    const job = ctx.backups[i];
    if (job === undefined || !survivesAt(placeOfLocation(model, backup.location))) return;
    options.push(
      option({
        kind: 'backup',
        name: backup.name,
        rpoSeconds: backup.everySeconds + job.durationSeconds,
        // Expected: half an interval plus the mean duration over the points (weekly full, daily
        // increments); worst: a whole interval plus the largest point's duration.
        rpoExpectedSeconds: backup.everySeconds / 2 + job.meanDurationSeconds,
        rtoPhases: phases({
          provisioningSeconds: nodesStanding > 0 ? 0 : recovery.provisioningSeconds,
          restoreSeconds: job.worstRestoreSeconds,
        }),
      }),
    );
  });
  options.sort((a, b) => a.rpoSeconds - b.rpoSeconds || a.rtoSeconds - b.rtoSeconds);

  const best = options[0];
  if (best === undefined) {
    return {
      scenario,
      failureDomain: domain,
      survives: false,
      recoveredBy: null,
      rpoSeconds: null,
      rpoExpectedSeconds: null,
      dataAtRiskBytes: null,
      rtoSeconds: null,
      rtoPhases: null,
      options,
      explanation: explainLoss(ctx, scenario, domain),
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
      return primary.zone === undefined
        ? `the primary's zone (tier ${tier} is not placed in zones)`
        : `zone ${primary.zone}`;
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
    case 'replica': {
      const survivors = `Loss of ${domain}: ${replicas} node(s) of tier ${best.name} survive with ${ctx.data.replication.mode} replication`;
      if (ctx.tier !== undefined && replicas >= ctx.tier.minHealthy) {
        const blip = ctx.tier.interruptionSeconds ?? 0;
        return (
          `${survivors} and the tier rides the loss out (${ctx.tier.minHealthy} of ${ctx.tier.nodes} needed): ` +
          `${blip > 0 ? 'interrupted only by its declared per-failure interruption' : 'no interruption'}; ${lossText}.`
        );
      }
      return `${survivors} and take over by failover; ${lossText}.`;
    }
    case 'copy': {
      const copy = ctx.data.copies.find((c) => c.name === best.name);
      const where = copy === undefined ? '' : ` in ${describeLocation(copy.location)}`;
      const warm = ctx.model.recovery?.strategy === 'warm-standby';
      const how =
        best.rtoSeconds === 0
          ? 'at once (active-active: both serve)'
          : best.rtoPhases.provisioningSeconds > 0
            ? warm
              ? 'once its warm standby has scaled up'
              : 'after provisioning compute for it'
            : 'by failover';
      return `Loss of ${domain}: the ${copy?.mode ?? ''} copy '${best.name}'${where} takes over ${how}; ${lossText}.`;
    }
    case 'backup': {
      const backup = ctx.data.backups.find((b) => b.name === best.name);
      const where = backup === undefined ? '' : ` in ${describeLocation(backup.location)}`;
      return (
        `Loss of ${domain}: restored from backup '${best.name}'${where}; ` +
        'writes since the last completed backup are lost.'
      );
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
    return (
      'Not recoverable: logical corruption reaches every node and copy, and no backup ' +
      'holds a point in time from before it.'
    );
  }
  const held = [
    `tier ${data.tier}`,
    ...data.copies.map((c) => `copy '${c.name}' (${describeLocation(c.location)})`),
    ...data.backups.map((b) => `backup '${b.name}' (${describeLocation(b.location)})`),
  ];
  return (
    `Not recoverable: loss of ${domain} takes ${held.join(', ')}; ` +
    'nothing outside the failure domain holds the data.'
  );
}
