/**
 * The data-loss part of a simulation (with `model.data`): the durability phase (busy periods
 * of one storage group, chunked like every other phase) and the realised RPO / RTO of each
 * disruption scenario.
 */
import type { Model } from '../../model/types.js';
import { STREAM_RECOVERY, type ChunkResult, type RunSetup } from './chunks.js';
import { dataLossSetup, type DataLossSetup } from '../compile/data-loss-setup.js';
import { summariseDurability, summariseRecovery } from '../estimate/data-loss-summary.js';
import type { DurabilitySums } from '../kernels/durability-kernel.js';
import { fixedProgress, foldDurability, runPhase, type DriverContext, type Request } from './driver.js';
import { durabilityTotal, hasDurability } from './phase-plan.js';
import { sampleRecovery } from '../kernels/recovery-sampling.js';
import type { DataLossResult, EstimatorChoice, SimulateOptions } from '../types.js';

export { DEFAULT_DATA_LOSS_TRIALS } from './phase-plan.js';
export const DEFAULT_RECOVERY_TRIALS = 100_000;
/** Fewer expected naive loss events than this and `auto` biases the busy periods. */
const AUTO_IS_EVENTS = 100;

/**
 * Resolves the data-loss inputs; `auto` turns failure biasing on when the first-order loss
 * probability of a busy period, p₁ = Π_{j=1..m} (1 − e^(−(n−j)λT)) (every further failure
 * within one rebuild time), promises fewer than 100 naive loss events.
 * @example dataLossFor(model, 31_536_000, {})?.durability?.biased
 */
export function dataLossFor(model: Model, horizonSeconds: number, options: SimulateOptions): DataLossSetup | undefined {
  const trials = durabilityTotal(options);
  const base = dataLossSetup(model, horizonSeconds, false);
  const d = base?.durability;
  if (base === undefined || d === undefined) return base;
  let p1 = 1;
  for (let j = 1; j <= d.tolerated; j++) p1 *= -Math.expm1(-(d.shards - j) * d.failureRatePerSecond * d.rebuildSeconds);
  const choice: EstimatorChoice = options.estimator ?? 'auto';
  const biased = choice === 'importance-sampling' || (choice === 'auto' && trials * p1 < AUTO_IS_EVENTS);
  return { ...base, durability: { ...d, biased } };
}

/** Runs the data-loss phases; yields chunk requests, returns the result and its notes. */
export function* simulateDataLoss(
  setup: RunSetup,
  options: SimulateOptions,
  ctx: DriverContext,
): Generator<
  Request,
  { readonly result: DataLossResult; readonly notes: readonly string[] } | undefined,
  ChunkResult[]
> {
  const dl = setup.dataLoss;
  if (dl === undefined) return undefined;
  const notes = [...dl.notes];
  let durability: DataLossResult['durability'];
  const d = dl.durability;
  if (d !== undefined && dl.durabilityAnalytic !== undefined && hasDurability(setup)) {
    const phase = { kind: 'durability', total: durabilityTotal(options) } as const;
    const init: DurabilitySums = { trials: 0, hits: 0, sumW: 0, sumW2: 0, naiveHits: 0, sumB: 0, sumB2: 0 };
    const { acc } = yield* runPhase(
      { phase, init, fold: foldDurability, progress: (_a, done) => fixedProgress(phase, done) },
      ctx,
    );
    durability = summariseDurability(acc, acc.trials, d, dl.durabilityAnalytic, setup.horizonSeconds);
    if (acc.hits === 0 && d.biased)
      notes.push('durability: importance sampling reached no loss; its interval is the trivial one');
  }
  const n = options.recoveryTrials ?? DEFAULT_RECOVERY_TRIALS;
  const recovery = dl.scenarios.map((s, i) =>
    summariseRecovery(
      s,
      s.survives ? sampleRecovery(s, setup.horizonSeconds, setup.seed, STREAM_RECOVERY + i, n) : undefined,
    ),
  );
  return { result: { ...(durability === undefined ? {} : { durability }), recovery }, notes };
}
