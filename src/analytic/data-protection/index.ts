/**
 * The data-protection engine: RPO/RTO per disruption, backup storage and durability.
 */
import { resolveModel, type ResolvedModel } from '../../model/resolve.js';
import type { Model } from '../../model/types.js';
import { SECONDS_PER_DAY, SECONDS_PER_YEAR } from '../../units/conventions.js';
import { backupJobsOf } from './backup-jobs.js';
import { analyzeDurability } from './durability.js';
import { withExpectedLoss } from './expected-loss.js';
import { sizeAt } from './growth.js';
import { SCENARIOS } from '../../model/metrics.js';
import { analyzeScenario } from './scenarios.js';
import type { DataProtectionResult, ScenarioResult } from './types.js';

export type * from './types.js';
export { simulateBackupJob, type BackupJobSpec, type BackupSimulation, type BackupTrace } from './backup-simulation.js';
export { steadyStateClosedForm } from './backup-closed-form.js';
export { windowDurability, type ShardGroup } from './durability-window.js';
export { markovDurability, logMarkovMttdl } from './durability-markov.js';
export { analyzeDurability } from './durability.js';
export { analyzeBackupJobs, backupDurationSeconds } from './backup-jobs.js';
export { analyzeScenario } from './scenarios.js';
export { SCENARIOS } from '../../model/metrics.js';

export type DataProtectionOptions = {
  /** Simulation horizon in years (365 d); default: the model's horizon, at least one year. */
  readonly years?: number;
};

/**
 * Data protection of `model.data`: scenarios (node, zone, region, corruption), backup
 * storage and restore per job and per location, and durability (window and Markov models).
 * Horizon H = `years` × 365 d, else max(model horizon, 1 year) so that retention reaches
 * its steady state. Growth is applied up to H: every "at the end" figure (data at risk, restore
 * sizes, rebuild sizes) uses S(H) = S0·(1 + g)^(H / year), the conservative point in time;
 * change rate = S(H) × daily change / day. `undefined` when the model has no data.
 * @example analyzeDataProtection(model)?.scenarios.find((s) => s.scenario === 'region')?.survives
 */
export function analyzeDataProtection(
  model: Model,
  options: DataProtectionOptions = {},
  resolved: ResolvedModel = resolveModel(model),
): DataProtectionResult | undefined {
  const context = scenarioContext(model, resolved, options);
  if (context === undefined) return undefined;
  const { data, tier, jobs, horizonSeconds, sizeAtHorizonBytes, changeRateBytesPerSecond } = context;
  const durability = analyzeDurability(data, tier, sizeAtHorizonBytes);
  const notes = [...jobs.notes, ...durability.notes];
  if (model.recovery === undefined) {
    notes.push('no recovery plan: detection, failover, provisioning and validation taken as 0');
  }
  if (tier === undefined) notes.push(`data tier '${data.tier}' not found among the tiers`);
  const loss = withExpectedLoss(
    resolved,
    SCENARIOS.map((scenario) => analyzeScenario(context, scenario)),
    sizeAtHorizonBytes,
  );
  return {
    horizonSeconds,
    sizeAtHorizonBytes,
    changeRateBytesPerSecond,
    scenarios: loss.scenarios,
    expectedBytesLostPerYear: loss.expectedBytesLostPerYear,
    backups: jobs.backups,
    storageByLocation: jobs.storageByLocation,
    durability: durability.durability,
    notes,
  };
}

/**
 * The RPO/RTO of each disruption alone: {@link analyzeDataProtection}'s `scenarios` without
 * their rates and expected loss, and without the storage and durability figures (what the
 * switchover times and the corruption downtime read, once per re-analysed model).
 * @example dataScenarios(model)?.find((s) => s.scenario === 'region')?.rtoPhases
 */
export function dataScenarios(
  model: Model,
  resolved: ResolvedModel = resolveModel(model),
): readonly ScenarioResult[] | undefined {
  const context = scenarioContext(model, resolved, {});
  return context === undefined ? undefined : SCENARIOS.map((scenario) => analyzeScenario(context, scenario));
}

/** The horizon, sizes and simulated backup jobs the scenarios read; undefined without data. */
function scenarioContext(model: Model, resolved: ResolvedModel, options: DataProtectionOptions) {
  const data = model.data;
  const places = resolved.data;
  if (data === undefined || places === undefined) return undefined;
  const horizonSeconds =
    options.years !== undefined && options.years > 0
      ? options.years * SECONDS_PER_YEAR
      : Math.max(model.horizonSeconds, SECONDS_PER_YEAR);
  const tier = model.tiers[places.tier];
  const sizeAtHorizonBytes = sizeAt(data, horizonSeconds);
  const changeRateBytesPerSecond = (sizeAtHorizonBytes * data.dailyChange) / SECONDS_PER_DAY;
  const jobs = backupJobsOf(data, horizonSeconds);
  return {
    resolved,
    data,
    tier,
    places,
    backups: jobs.backups,
    changeRateBytesPerSecond,
    jobs,
    horizonSeconds,
    sizeAtHorizonBytes,
  };
}
