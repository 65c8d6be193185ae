/**
 * Chunks of work: the unit that is seeded from (seed, stream, chunk index), computed by the main
 * thread or by a worker, and combined in chunk order, so the worker count never changes a result.
 */
import type { CompiledModel } from '../compile/compile.js';
import type { DataLossSetup } from '../compile/data-loss-setup.js';
import { runDurabilityChunk, type DurabilitySums } from '../kernels/durability-kernel.js';
import { biasing, runImportanceChunk, type Biasing, type WeightedSums } from '../kernels/importance-kernel.js';
import { runSnapshotChunk, snapshotPlan, type SnapshotCounts, type SnapshotPlan } from '../kernels/snapshot-kernel.js';
import { eventTiers, relevantComponents } from '../compile/relevance.js';
import { StructureEvaluator } from '../compile/structure.js';
import { runTimelineChunk, type TimelineChunk, type TimelineStart } from '../kernels/timeline-kernel.js';

export const SNAPSHOT_CHUNK = 1 << 16;
export const IMPORTANCE_CHUNK = 1 << 12;
export const TIMELINE_CHUNK = 1 << 10;
export const DURABILITY_CHUNK = 1 << 12;

/** Generator streams: one per phase (and per event for importance sampling). */
export const STREAM_SNAPSHOT = 1;
export const STREAM_TIMELINE = 2;
export const STREAM_DURABILITY = 3;
/** Recovery sampling: STREAM_RECOVERY + scenario index. */
export const STREAM_RECOVERY = 8;
export const STREAM_IMPORTANCE = 16;
export const STREAM_TUNING = 1 << 20;

/** What every chunk of one run shares. */
export type RunSetup = {
  readonly model: CompiledModel;
  readonly seed: number;
  readonly horizonSeconds: number;
  readonly start: TimelineStart;
  /** With `model.data`: the data-loss simulation's resolved inputs. */
  readonly dataLoss?: DataLossSetup;
};

/** One phase of work; `total` trials (Infinity: until the driver stops). */
export type Phase =
  | { readonly kind: 'snapshot'; readonly total: number }
  | { readonly kind: 'importance'; readonly event: number; readonly v: Float64Array; readonly total: number }
  | { readonly kind: 'timeline'; readonly total: number }
  | { readonly kind: 'durability'; readonly total: number };

export type ChunkResult = SnapshotCounts | WeightedSums | TimelineChunk | DurabilitySums;

/** Trials per chunk of a phase. */
export function chunkSizeOf(phase: Phase): number {
  switch (phase.kind) {
    case 'snapshot':
      return SNAPSHOT_CHUNK;
    case 'importance':
      return IMPORTANCE_CHUNK;
    case 'timeline':
      return TIMELINE_CHUNK;
    case 'durability':
      return DURABILITY_CHUNK;
    default: {
      const never: never = phase;
      throw new Error(`simulate: unknown phase ${JSON.stringify(never)}`);
    }
  }
}

/** Trials in chunk i of a phase: the chunk size, or what is left of `total`. */
export function chunkTrials(phase: Phase, chunk: number): number {
  const size = chunkSizeOf(phase);
  return Math.max(0, Math.min(size, phase.total - chunk * size));
}

/** Computes chunks for one setup; caches the per-model and per-biasing state. */
export class ChunkRunner {
  private readonly setup: RunSetup;
  private plan: SnapshotPlan | undefined;
  private readonly evaluator: StructureEvaluator;
  private lastV: Float64Array | undefined;
  private lastBias: Biasing | undefined;
  private lastEvent = 0;

  constructor(setup: RunSetup) {
    this.setup = setup;
    this.evaluator = new StructureEvaluator(setup.model);
  }

  /** Runs chunk `chunk` of `phase`. */
  run(phase: Phase, chunk: number): ChunkResult {
    const s = this.setup;
    const n = chunkTrials(phase, chunk);
    switch (phase.kind) {
      case 'snapshot':
        this.plan ??= snapshotPlan(s.model);
        return runSnapshotChunk(this.plan, s.seed, STREAM_SNAPSHOT, chunk, n);
      case 'importance': {
        if (this.lastV !== phase.v || this.lastEvent !== phase.event || this.lastBias === undefined) {
          this.lastBias = biasing(s.model, phase.v, relevantComponents(s.model, eventTiers(s.model, phase.event)));
          this.lastV = phase.v;
          this.lastEvent = phase.event;
        }
        const stream = STREAM_IMPORTANCE + phase.event + 1;
        return runImportanceChunk(this.evaluator, this.lastBias, phase.event, s.seed, stream, chunk, n);
      }
      case 'timeline':
        return runTimelineChunk(s.model, s.horizonSeconds, s.start, s.seed, STREAM_TIMELINE, chunk, n);
      case 'durability': {
        const d = s.dataLoss?.durability;
        if (d === undefined) throw new Error('simulate: durability phase without a storage group');
        return runDurabilityChunk(d, s.seed, STREAM_DURABILITY, chunk, n);
      }
      default: {
        const never: never = phase;
        throw new Error(`simulate: unknown phase ${JSON.stringify(never)}`);
      }
    }
  }
}
