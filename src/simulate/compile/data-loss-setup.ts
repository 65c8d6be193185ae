/**
 * What the data-loss simulation needs from `model.data`, resolved once on the main thread with
 * the analytic engine's own definitions (src/analytic/data-protection): the storage group of
 * the durability models, and per disruption scenario the mechanisms that survive it, with
 * their backup schedules and the restore time of each position in a backup chain.
 */
import { analyzeDataProtection } from '../../analytic/data-protection/index.js';
import { fullEveryPoints } from '../../analytic/data-protection/backup-simulation.js';
import { sizeAt } from '../../analytic/data-protection/growth.js';
import type { DataProtectionResult, DurabilityResult, RecoveryOption } from '../../analytic/data-protection/types.js';
import type { Component } from '../../model/component.js';
import type { Backup, Data } from '../../model/data-protection.js';
import type { Model, Scenario } from '../../model/types.js';
import { SECONDS_PER_DAY, SECONDS_PER_YEAR } from '../../units/conventions.js';
import { DIST_EXPONENTIAL } from '../random/distributions.js';
import { distributionCode } from './compile.js';

/** A storage group as the kernel sees it (plain data, posted to workers). */
export type DurabilityParams = {
  /** n: shards (replicas, or data + parity shards) of one group. */
  readonly shards: number;
  /** m: shards that may be down at once without loss. */
  readonly tolerated: number;
  /** λ: failure rate of one shard, per second. */
  readonly failureRatePerSecond: number;
  /** T: mean rebuild time of one shard, seconds. */
  readonly rebuildSeconds: number;
  /** Distribution code (random/distributions.ts) and parameter of the rebuild time. */
  readonly repairKind: number;
  readonly repairParam: number;
  /** G: independent groups. */
  readonly groups: number;
  /** Failure biasing on (importance sampling) or off (naive). */
  readonly biased: boolean;
};

/** A recovery mechanism of one scenario, as the sampler sees it. */
export type RecoveryMechanism =
  | {
      readonly kind: 'replica' | 'copy';
      readonly name: string;
      readonly rpoSeconds: number;
      readonly rtoSeconds: number;
    }
  | {
      readonly kind: 'backup';
      readonly name: string;
      /** Δ: a backup starts every Δ, at 0, Δ, 2Δ, … (the analytic schedule). */
      readonly everySeconds: number;
      /** D: time one backup takes; a backup is usable from its start + D and holds its start. */
      readonly durationSeconds: number;
      /** RTO phases other than the restore (detection, provisioning, validation). */
      readonly fixedRtoSeconds: number;
      /** Restore time of the point at position i of its chain cycle (index = point number mod length). */
      readonly restoreSeconds: readonly number[];
    };

export type RecoveryScenario = {
  readonly scenario: Scenario;
  readonly failureDomain: string;
  readonly survives: boolean;
  readonly mechanisms: readonly RecoveryMechanism[];
  /** The analytic engine's figures for this scenario (null when not recoverable). */
  readonly analytic: {
    readonly rpoSeconds: number | null;
    readonly rpoExpectedSeconds: number | null;
    readonly rtoSeconds: number | null;
  };
};

export type DataLossSetup = {
  /** `undefined` when the analytic engine has no durability figures (no rate or rebuild time). */
  readonly durability: DurabilityParams | undefined;
  readonly durabilityAnalytic: DurabilityResult | undefined;
  readonly scenarios: readonly RecoveryScenario[];
  readonly notes: readonly string[];
};

/**
 * Resolves the data-loss simulation of `model.data` over `horizonSeconds`; `undefined` without data.
 * @example dataLossSetup(model, 31_536_000, true)?.durability?.shards
 */
export function dataLossSetup(model: Model, horizonSeconds: number, biased: boolean): DataLossSetup | undefined {
  const data = model.data;
  if (data === undefined) return undefined;
  const dp = analyzeDataProtection(model, { years: horizonSeconds / SECONDS_PER_YEAR });
  if (dp === undefined) return undefined;
  const notes: string[] = [];
  const d = dp.durability;
  let durability: DurabilityParams | undefined;
  if (d !== null) {
    const spec = shardSpec(model, data);
    const [repairKind, repairParam] = spec === undefined ? [DIST_EXPONENTIAL, 0] : distributionCode(spec.repair);
    if (spec !== undefined && spec.lifetime.type !== 'exponential') {
      notes.push(
        `durability: shard lifetimes simulated as exponential (the busy-period estimator needs memoryless lifetimes); the ${spec.lifetime.type} lifetime was not used`,
      );
    }
    durability = {
      shards: d.shards,
      tolerated: d.toleratedFailures,
      failureRatePerSecond: d.shardAnnualFailureRate / SECONDS_PER_YEAR,
      rebuildSeconds: d.rebuildSeconds,
      repairKind,
      repairParam,
      groups: d.groups,
      biased,
    };
  } else {
    notes.push('durability not simulated: the analytic engine has no shard failure rate or rebuild time for it');
  }
  return { durability, durabilityAnalytic: d ?? undefined, scenarios: recoveryScenarios(data, dp), notes };
}

/** The shard failure spec the durability models use: data.durability's, else the tier's nodes'. */
function shardSpec(model: Model, data: Data): Component | undefined {
  return data.durability?.shardFailure ?? model.tiers.find((t) => t.name === data.tier)?.failure;
}

function recoveryScenarios(data: Data, dp: DataProtectionResult): RecoveryScenario[] {
  const sizeBytes = sizeAt(data, dp.horizonSeconds);
  return dp.scenarios.map((s) => ({
    scenario: s.scenario,
    failureDomain: s.failureDomain,
    survives: s.survives,
    mechanisms: s.options.map((o) => mechanism(o, data, dp, sizeBytes)),
    analytic: { rpoSeconds: s.rpoSeconds, rpoExpectedSeconds: s.rpoExpectedSeconds, rtoSeconds: s.rtoSeconds },
  }));
}

function mechanism(o: RecoveryOption, data: Data, dp: DataProtectionResult, sizeBytes: number): RecoveryMechanism {
  if (o.kind !== 'backup') return { kind: o.kind, name: o.name, rpoSeconds: o.rpoSeconds, rtoSeconds: o.rtoSeconds };
  const index = data.backups.findIndex((b) => b.name === o.name);
  const backup = data.backups[index];
  const job = dp.backups[index];
  if (backup === undefined || job === undefined) throw new Error(`simulate: unknown backup '${o.name}'`);
  const p = o.rtoPhases;
  return {
    kind: 'backup',
    name: o.name,
    everySeconds: backup.everySeconds,
    durationSeconds: job.durationSeconds,
    fixedRtoSeconds: p.detectionSeconds + p.failoverSeconds + p.provisioningSeconds + p.validationSeconds,
    restoreSeconds: chainRestoreSeconds(backup, data, sizeBytes),
  };
}

/**
 * Restore time of the latest point by its position in the chain cycle, in logical bytes (the
 * analytic convention) at size S = S(H): full S; forward-incremental S + i·S·min(1, cΔ/day)
 * (i = 0 … P − 1 after the full); differential S + S·min(1, c·iΔ/day); forever-incremental
 * S + (R − 1)·S·min(1, cΔ/day) in the steady state of R points; reverse-incremental S (the
 * newest point is the full).
 * @example chainRestoreSeconds(weeklyFullDailyIncrement, data, 1e12) // 7 values
 */
export function chainRestoreSeconds(backup: Backup, data: Data, sizeBytes: number): number[] {
  const thr = backup.restoreThroughputBytesPerSecond;
  const change = (seconds: number): number => sizeBytes * Math.min(1, (data.dailyChange * seconds) / SECONDS_PER_DAY);
  const dt = backup.everySeconds;
  const spec = {
    method: backup.method,
    everySeconds: dt,
    fullEverySeconds: backup.fullEverySeconds,
    retention: backup.retention,
  };
  switch (backup.method) {
    case 'full':
    case 'reverse-incremental':
      return [sizeBytes / thr];
    case 'forever-incremental':
      return [(sizeBytes + Math.max(0, backup.retention.points - 1) * change(dt)) / thr];
    case 'forward-incremental':
      return Array.from({ length: fullEveryPoints(spec) }, (_, i) => (sizeBytes + i * change(dt)) / thr);
    case 'differential':
      return Array.from(
        { length: fullEveryPoints(spec) },
        (_, i) => (sizeBytes + (i === 0 ? 0 : change(i * dt))) / thr,
      );
    default: {
      const never: never = backup.method;
      throw new Error(`simulate: unknown backup method ${String(never)}`);
    }
  }
}
