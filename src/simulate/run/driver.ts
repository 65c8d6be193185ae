/**
 * The simulation driver: a generator that asks for batches of chunks, folds their results in
 * chunk order and decides when each phase stops. It never computes a chunk itself, so the
 * synchronous runner and the worker pool drive the very same logic and get the same numbers.
 * A phase stops at the first chunk prefix that meets its rule, so chunks a runner computed
 * beyond that point are discarded and the worker count cannot change the result.
 */
import type { ChunkResult, Phase } from './chunks.js';
import { chunkSizeOf, chunkTrials } from './chunks.js';
import type { SnapshotCounts } from '../kernels/snapshot-kernel.js';
import type { WeightedSums } from '../kernels/importance-kernel.js';
import type { TimelineChunk } from '../kernels/timeline-kernel.js';
import type { DurabilitySums } from '../kernels/durability-kernel.js';
import type { TimelineAcc } from '../estimate/summarise.js';

/** A batch of chunks the driver wants computed, in order. */
export type Request = { readonly phase: Phase; readonly chunks: readonly number[] };

export type StopReason = 'trials' | 'relError' | 'maxTime';

/** How a phase stops: after `total` trials, or when `done` holds for a prefix, or on the clock. */
export type PhaseRule<A> = {
  readonly phase: Phase;
  readonly init: A;
  readonly fold: (acc: A, result: ChunkResult) => A;
  /** With an infinite total: stop when this holds for the accumulated prefix. */
  readonly done?: (acc: A) => boolean;
  /** Rough fraction of the phase done, for progress. */
  readonly progress: (acc: A, chunksDone: number) => number;
};

/** Driver context shared by phases. */
export type DriverContext = {
  readonly parallelism: number;
  readonly now: () => number;
  readonly deadline: number;
  readonly report: (phaseFraction: number) => void;
};

/** Runs one phase; returns its accumulator and why it stopped. */
export function* runPhase<A>(
  rule: PhaseRule<A>,
  ctx: DriverContext,
): Generator<Request, { acc: A; stoppedBy: StopReason }, ChunkResult[]> {
  const { phase } = rule;
  const size = chunkSizeOf(phase);
  const totalChunks = Number.isFinite(phase.total) ? Math.ceil(phase.total / size) : Infinity;
  let acc = rule.init;
  let next = 0;
  let batch = Math.max(1, ctx.parallelism);
  while (next < totalChunks) {
    const count = Math.min(batch, totalChunks - next);
    const chunks = Array.from({ length: count }, (_, i) => next + i);
    const results = yield { phase, chunks };
    for (let i = 0; i < count; i++) {
      const r = results[i];
      if (r === undefined) throw new Error('simulate: a chunk result is missing');
      acc = rule.fold(acc, r);
      next++;
      if (rule.done?.(acc)) return { acc, stoppedBy: 'relError' };
    }
    ctx.report(rule.progress(acc, next));
    if (ctx.now() > ctx.deadline) return { acc, stoppedBy: 'maxTime' };
    if (batch < 64 * Math.max(1, ctx.parallelism)) batch *= 2;
  }
  return { acc, stoppedBy: 'trials' };
}

/** Snapshot accumulator. */
export type SnapshotAcc = {
  readonly trials: number;
  readonly serviceDown: number;
  readonly tierDown: readonly number[];
};

export function foldSnapshot(acc: SnapshotAcc, r: ChunkResult): SnapshotAcc {
  const c = r as SnapshotCounts;
  return {
    trials: acc.trials + c.trials,
    serviceDown: acc.serviceDown + c.serviceDown,
    tierDown: acc.tierDown.map((x, t) => x + (c.tierDown[t] ?? 0)),
  };
}

/** Importance-sampling accumulator: sums in chunk order. */
export type WeightedAcc = WeightedSums;

export function foldWeighted(acc: WeightedAcc, r: ChunkResult): WeightedAcc {
  const c = r as WeightedSums;
  return {
    trials: acc.trials + c.trials,
    hits: acc.hits + c.hits,
    sumW: acc.sumW + c.sumW,
    sumW2: acc.sumW2 + c.sumW2,
  };
}

export function foldTimeline(horizon: number) {
  return (acc: TimelineAcc, r: ChunkResult): TimelineAcc => {
    const c = r as TimelineChunk;
    let s = 0;
    let s2 = 0;
    for (let i = 0; i < c.trials; i++) {
      const u = (c.downtime[i] ?? 0) / horizon;
      s += u;
      s2 += u * u;
    }
    acc.chunks.push(c);
    return { chunks: acc.chunks, trials: acc.trials + c.trials, sumU: acc.sumU + s, sumU2: acc.sumU2 + s2 };
  };
}

/** Fraction of a fixed-size phase done. */
export function fixedProgress(phase: Phase, chunksDone: number): number {
  if (!Number.isFinite(phase.total)) return 0;
  let trials = 0;
  for (let i = 0; i < chunksDone; i++) trials += chunkTrials(phase, i);
  return Math.min(1, trials / phase.total);
}

/** Durability accumulator: sums in chunk order. */
export function foldDurability(acc: DurabilitySums, r: ChunkResult): DurabilitySums {
  const c = r as DurabilitySums;
  return {
    trials: acc.trials + c.trials,
    hits: acc.hits + c.hits,
    sumW: acc.sumW + c.sumW,
    sumW2: acc.sumW2 + c.sumW2,
    naiveHits: acc.naiveHits + c.naiveHits,
    sumB: acc.sumB + c.sumB,
    sumB2: acc.sumB2 + c.sumB2,
  };
}
