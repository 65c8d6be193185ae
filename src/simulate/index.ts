/** The Monte Carlo engine of nines: snapshot, importance-sampling and timeline trials. */
export { simulate } from './simulate.js';
export { simulateSync, simulateWith, type ChunkSource } from './run-sync.js';
export { simulateShard, chunksOfShard, type ShardSpec, type ShardPhase, type ShardableOptions } from './shard.js';
export { checkParts, mergeParts, type SimulationPart, type MergeOutcome } from './merge-parts.js';
export { encodeResult, decodeResult } from './part-codec.js';
export { fixedPhases } from './phase-plan.js';
export { DEFAULT_SEED, DEFAULT_TRIALS, DEFAULT_TIMELINE_TRIALS } from './simulation.js';
export { compileModel, type CompiledModel } from './compile.js';
export { runSnapshotChunk, snapshotPlan, type SnapshotCounts } from './snapshot-kernel.js';
export { runTimelineChunk, type TimelineChunk, type TimelineStart } from './timeline-kernel.js';
export { wilson, proportion, meanEstimate, quantileSorted, quantileWithCi, type ProportionEstimate, type MeanEstimate, type QuantileEstimate } from './estimators.js';
export { GENERATOR, Sfc32, rngFor } from './rng.js';
export { checkJobGoodput, simulateGoodput, type GoodputEstimate, type GoodputSimulationSpec, type JobSimulation } from './goodput-kernel.js';
export { DEFAULT_DATA_LOSS_TRIALS, DEFAULT_RECOVERY_TRIALS } from './data-loss.js';
export { runDurabilityChunk, type DurabilityParams, type DurabilitySums } from './durability-kernel.js';
export type {
  AnalyticFigures,
  CheckedEstimate,
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
