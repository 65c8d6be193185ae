/**
 * RPO, RTO and data at risk per disruption: node, zone, region, corruption (DESIGN §4).
 */
import { groupPlace, type Place, type ResolvedData, type ResolvedModel } from '../../model/resolve.js';
import type { Data } from '../../model/data-protection.js';
import type { Scenario, Tier } from '../../model/types.js';
import { phasesFor, strategyPhases, sumPhases } from './recovery-strategy.js';
import { describeLocation, lostWith } from './failure-domains.js';
import { nodeCopies, survivesNodeLoss } from './replicas.js';
import type { BackupJobResult, RecoveryOption, RtoPhases, ScenarioResult } from './types.js';

/** What a scenario needs: the resolved model, its data and tier, the simulated jobs, the change rate. */
export type ScenarioContext = {
  readonly resolved: ResolvedModel;
  readonly data: Data;
  /** The data tier (index `places.tier`), undefined when it is missing. */
  readonly tier: Tier | undefined;
  /** Places of the data tier's primary, of the copies and the backups. */
  readonly places: ResolvedData;
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

/** A recovery option with where it came from: the copy's or backup's index (−1: the replicas). */
type Indexed = { readonly option: RecoveryOption; readonly index: number };

/**
 * One scenario. A disruption leaves only what is outside its failure domain: a node loss
 * leaves the tier's other nodes (and every copy and backup); the zone loss (the zone of the
 * data tier's first node group, the primary) leaves nodes, copies and backups in other zones,
 * regional storage, other regions and offsite; the region loss leaves other regions and
 * offsite; corruption reaches every live replica and copy, leaving only backups. Places are
 * the resolved model's indices.
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
  const domain = describeDomain(ctx, scenario);
  const replicas = survivingReplicas(ctx, scenario);
  const ranked = recoveryOptions(ctx, scenario, replicas);
  const options = ranked.map((x) => x.option);
  const best = ranked[0];
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
  const { option } = best;
  return {
    scenario,
    failureDomain: domain,
    survives: true,
    recoveredBy: { kind: option.kind, name: option.name },
    rpoSeconds: option.rpoSeconds,
    rpoExpectedSeconds: option.rpoExpectedSeconds,
    dataAtRiskBytes: ctx.changeRateBytesPerSecond * option.rpoSeconds,
    rtoSeconds: option.rtoSeconds,
    rtoPhases: option.rtoPhases,
    options,
    explanation: explainRecovery(ctx, domain, best, replicas),
  };
}

/** Whether `place` is outside the scenario's failure domain (node and corruption reach no place). */
function survivesAt(ctx: ScenarioContext, scenario: Scenario, place: Place): boolean {
  return scenario === 'zone' || scenario === 'region' ? !lostWith(place, scenario, ctx.places.primary) : true;
}

/**
 * Nodes of the data tier left holding the data: surviving nodes count as replicas only if the
 * data survives losing the others (k + m, or the replicas the tier's redundancy implies: see
 * replicas.ts).
 */
function survivingReplicas(ctx: ScenarioContext, scenario: Scenario): number {
  const { data, tier, resolved } = ctx;
  if (tier === undefined) return 0;
  const copies = nodeCopies(data, tier);
  const holding = (left: number): number => (survivesNodeLoss(copies, tier.nodes, tier.nodes - left) ? left : 0);
  switch (scenario) {
    case 'node':
      return holding(Math.max(0, tier.nodes - 1));
    case 'zone':
    case 'region':
      return holding(
        tier.groups.reduce(
          (s, g, gi) => s + (survivesAt(ctx, scenario, groupPlace(resolved, ctx.places.tier, gi)) ? g.count : 0),
          0,
        ),
      );
    case 'corruption':
      return 0;
    default: {
      const never: never = scenario;
      throw new Error(`unknown scenario ${String(never)}`);
    }
  }
}

/** Every survivor as an option (see {@link analyzeScenario}), best first. */
function recoveryOptions(ctx: ScenarioContext, scenario: Scenario, replicas: number): Indexed[] {
  const { data, tier } = ctx;
  const model = ctx.resolved.model;
  const recovery = phasesFor(model.recovery, scenario);
  const strategy = model.recovery?.strategy ?? 'hot-standby';
  const nodesStanding = scenario === 'corruption' ? (tier?.nodes ?? 0) : replicas;
  const phases = (p: Partial<RtoPhases>): RtoPhases => ({
    detectionSeconds: recovery.detectionSeconds,
    failoverSeconds: 0,
    provisioningSeconds: 0,
    restoreSeconds: 0,
    validationSeconds: recovery.validationSeconds,
    ...p,
  });
  const option = (o: Omit<RecoveryOption, 'rtoSeconds'>, index: number): Indexed => ({
    option: { ...o, rtoSeconds: sumPhases(o.rtoPhases) },
    index,
  });
  const out: Indexed[] = [];
  if (replicas > 0) {
    const lag = data.replication.mode === 'sync' ? 0 : data.replication.lagSeconds;
    const ridesOut = tier !== undefined && replicas >= tier.minHealthy;
    const rtoPhases = ridesOut
      ? { ...NO_LOSS_PHASES, failoverSeconds: tier.interruptionSeconds ?? 0 }
      : phases({ failoverSeconds: recovery.failoverSeconds });
    out.push(option({ kind: 'replica', name: data.tier, rpoSeconds: lag, rpoExpectedSeconds: lag, rtoPhases }, -1));
  }
  if (scenario !== 'corruption' && strategy !== 'backup-restore') {
    data.copies.forEach((copy, i) => {
      const place = ctx.places.copies[i];
      if (place === undefined || !survivesAt(ctx, scenario, place)) return;
      const lag = copy.mode === 'sync' ? 0 : copy.lagSeconds;
      const rtoPhases = strategyPhases(strategy, recovery, 0);
      out.push(option({ kind: 'copy', name: copy.name, rpoSeconds: lag, rpoExpectedSeconds: lag, rtoPhases }, i));
    });
  }
  data.backups.forEach((backup, i) => {
    const job = ctx.backups[i];
    const place = ctx.places.backups[i];
    if (job === undefined || place === undefined || !survivesAt(ctx, scenario, place)) return;
    const rtoPhases = phases({
      provisioningSeconds: nodesStanding > 0 ? 0 : recovery.provisioningSeconds,
      restoreSeconds: job.worstRestoreSeconds,
    });
    // Expected: half an interval plus the mean duration over the points (weekly full, daily
    // increments); worst: a whole interval plus the largest point's duration.
    const rpo = { rpoSeconds: backup.everySeconds + job.durationSeconds };
    const expected = { rpoExpectedSeconds: backup.everySeconds / 2 + job.meanDurationSeconds };
    out.push(option({ kind: 'backup', name: backup.name, ...rpo, ...expected, rtoPhases }, i));
  });
  return out.sort((a, b) => a.option.rpoSeconds - b.option.rpoSeconds || a.option.rtoSeconds - b.option.rtoSeconds);
}

function describeDomain(ctx: ScenarioContext, scenario: Scenario): string {
  const tier = ctx.data.tier;
  const { model } = ctx.resolved;
  const { zone, region } = ctx.places.primary;
  switch (scenario) {
    case 'node':
      return `one node of tier ${tier}`;
    case 'zone':
      return zone < 0
        ? `the primary's zone (tier ${tier} is not placed in zones)`
        : `zone ${model.zones[zone]?.name ?? ''}`;
    case 'region':
      return region < 0 ? "the primary's region (no region modelled)" : `region ${model.regions[region]?.name ?? ''}`;
    case 'corruption':
      return 'every live copy (logical corruption)';
    default: {
      const never: never = scenario;
      throw new Error(`unknown scenario ${String(never)}`);
    }
  }
}

function explainRecovery(ctx: ScenarioContext, domain: string, ranked: Indexed, replicas: number): string {
  const best = ranked.option;
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
      const copy = ctx.data.copies[ranked.index];
      const where = copy === undefined ? '' : ` in ${describeLocation(copy.location)}`;
      const warm = ctx.resolved.model.recovery?.strategy === 'warm-standby';
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
      const backup = ctx.data.backups[ranked.index];
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
