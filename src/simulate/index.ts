/** The Monte Carlo engine of nines: snapshot, importance-sampling and timeline trials. */
export { simulate } from './run/simulate.js';
export { simulateSync, simulateWith, type ChunkSource } from './run/run-sync.js';
export { simulateShard, chunksOfShard, type ShardSpec, type ShardPhase, type ShardableOptions } from './run/shard.js';
export { checkParts, mergeParts, type SimulationPart, type MergeOutcome } from './run/merge-parts.js';
export { encodeResult, decodeResult } from './run/part-codec.js';
export { fixedPhases } from './run/phase-plan.js';
export { DEFAULT_SEED, DEFAULT_TRIALS, DEFAULT_TIMELINE_TRIALS } from './run/simulation.js';
export { compileModel, type CompiledModel } from './compile/compile.js';
export { runSnapshotChunk, snapshotPlan, type SnapshotCounts } from './kernels/snapshot-kernel.js';
export { runTimelineChunk, type TimelineChunk, type TimelineStart } from './kernels/timeline-kernel.js';
export {
  wilson,
  proportion,
  meanEstimate,
  quantileSorted,
  quantileWithCi,
  type MeanEstimate,
} from './estimate/estimators.js';
export { GENERATOR, Sfc32, rngFor, type Rng } from './random/rng.js';
export { checkJobGoodput, simulateGoodput, type GoodputEstimate, type JobSimulation } from './estimate/goodput.js';
export type { GoodputSimulationSpec } from './kernels/goodput-kernel.js';
export { DEFAULT_DATA_LOSS_TRIALS, DEFAULT_RECOVERY_TRIALS } from './run/data-loss.js';
export { runDurabilityChunk, type DurabilitySums } from './kernels/durability-kernel.js';
export type { DurabilityParams } from './compile/data-loss-setup.js';
export type {
  AnalyticFigures,
  CheckedEstimate,
  ProportionEstimate,
  QuantileEstimate,
  DataLossResult,
  DistributionSummary,
  DurabilitySimulation,
  RecoverySimulation,
  Estimator,
  EstimatorChoice,
  Progress,
  Quantiles,
  SimulateOptions,
  SimulationMode,
  SimulationResult,
  TimelineSummary,
  UnavailabilityEstimate,
} from './types.js';
