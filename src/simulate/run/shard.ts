/**
 * One shard of a simulation (`nines simulate --shard I/N`): the chunks of the fixed-size phases
 * that belong to shard I, computed with the very seeds the single-machine run uses. Chunk c of
 * every phase belongs to shard (c mod N) + 1, so the shards are balanced and the assignment
 * needs no coordination. The adaptive phases (importance sampling, which runs only when the
 * merged snapshot counts call for it and stops at a relative error) are left to the merge.
 */
import type { Model } from '../../model/types.js';
import { ChunkRunner, chunkSizeOf, type ChunkResult, type Phase } from './chunks.js';
import { compileModel } from '../compile/compile.js';
import { fixedPhases } from './phase-plan.js';
import { runSetup } from './simulation.js';
import type { SimulateOptions } from '../types.js';
import { WorkerPool } from './worker-pool.js';

/** Shard `index` of `count`, 1-based: `--shard 1/8` … `--shard 8/8`. */
export type ShardSpec = { readonly index: number; readonly count: number };

/** A fixed-size phase as a shard ran it: its total, chunk size and the chunks it computed. */
export type ShardPhase = {
  readonly kind: Phase['kind'];
  readonly total: number;
  readonly chunkSize: number;
  readonly chunks: readonly { readonly index: number; readonly result: ChunkResult }[];
};

/** The options a shard's result depends on; every part of one run carries the same. */
export type ShardableOptions = Pick<
  SimulateOptions,
  'seed' | 'trials' | 'timelineTrials' | 'years' | 'mode' | 'estimator' | 'dataLossTrials' | 'recoveryTrials' | 'start'
>;

/** Chunk count of a phase. */
export function chunkCount(phase: Phase): number {
  return Math.ceil(phase.total / chunkSizeOf(phase));
}

/**
 * The chunks of a phase that belong to a shard: c with c mod count = index − 1.
 * @example chunksOfShard(7, { index: 2, count: 3 }) // [1, 4]
 */
export function chunksOfShard(chunks: number, shard: ShardSpec): number[] {
  const out: number[] = [];
  for (let c = shard.index - 1; c < chunks; c += shard.count) out.push(c);
  return out;
}

/**
 * Runs shard `shard` of the simulation: every fixed-size phase's chunks of that shard, on
 * `options.workers` threads when it is a number above 1 (the calling thread and N − 1 workers).
 * Progress counts chunks.
 * @example (await simulateShard(model, { seed: 1, trials: 1e8 }, { index: 1, count: 8 }))[0]?.chunks.length
 */
export async function simulateShard(
  model: Model,
  options: ShardableOptions & Pick<SimulateOptions, 'workers' | 'onProgress' | 'workerUrl'>,
  shard: ShardSpec,
): Promise<ShardPhase[]> {
  const setup = runSetup(model, compileModel(model), options);
  const phases = fixedPhases(setup, options);
  const mine = phases.map((phase) => chunksOfShard(chunkCount(phase), shard));
  const totalChunks = mine.reduce((s, c) => s + c.length, 0);
  const workers = typeof options.workers === 'number' ? options.workers : 1;
  const pool =
    workers > 1
      ? new WorkerPool(options.workerUrl ?? new URL('./simulate-worker.js', import.meta.url), workers - 1, setup)
      : undefined;
  const runner = new ChunkRunner(setup);
  const started = performance.now() / 1000;
  let done = 0;
  try {
    const out: ShardPhase[] = [];
    for (const [p, phase] of phases.entries()) {
      const chunks = mine[p] ?? [];
      const results: ChunkResult[] = [];
      const batch = Math.max(1, 16 * workers);
      for (let i = 0; i < chunks.length; i += batch) {
        const slice = chunks.slice(i, i + batch);
        const local = (c: number) => runner.run(phase, c);
        results.push(...(pool === undefined ? slice.map(local) : await pool.run(phase, slice, local)));
        done += slice.length;
        const elapsed = performance.now() / 1000 - started;
        const f = Math.max(1e-9, done / Math.max(1, totalChunks));
        options.onProgress?.({ fraction: f, elapsedSeconds: elapsed, etaSeconds: (elapsed * (1 - f)) / f });
      }
      out.push({
        kind: phase.kind,
        total: phase.total,
        chunkSize: chunkSizeOf(phase),
        chunks: chunks.map((index, i) => ({ index, result: results[i] as ChunkResult })),
      });
    }
    return out;
  } finally {
    await pool?.close();
  }
}
