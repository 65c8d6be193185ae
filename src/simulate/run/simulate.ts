/**
 * The asynchronous simulator: the same driver as {@link simulateSync}, with chunks computed by
 * worker threads beside the calling thread when the work is large enough to pay for starting them.
 */
import { availableParallelism, loadavg } from 'node:os';
import type { Model } from '../../model/types.js';
import { ChunkRunner, chunkSizeOf, type ChunkResult, type Phase } from './chunks.js';
import { compileModel } from '../compile/compile.js';
import type { DriverContext } from './driver.js';
import { deadlineOf, defaultNow, progressReporter } from './run-sync.js';
import { runSetup, simulation } from './simulation.js';
import type { AnalyticFigures, SimulateOptions, SimulationResult } from '../types.js';
import { WorkerPool } from './worker-pool.js';

/** Seconds a worker thread takes to start and load its bundle (70–100 ms measured on the bench machine). */
const WORKER_START_SECONDS = 0.1;
/** With `workers: 'auto'` and no end in sight (a relative-error phase): decide once the calling thread computed this long. */
const AUTO_AFTER_SECONDS = 0.25;

/**
 * How many worker threads `auto` starts beside the calling thread: none unless the work left
 * would keep the calling thread busy for over twice a worker's start-up, and no more than the
 * cores the 1-minute load average leaves idle, less the calling thread's own (a core busy with
 * other work gives a worker no time, only its start-up cost).
 * @example autoWorkers(2, 0.2, 3) // 1
 * @example autoWorkers(2, 8, 3) // 0: a loaded machine
 */
export function autoWorkers(cores: number, load: number, remainingSeconds: number): number {
  if (!(remainingSeconds > 2 * WORKER_START_SECONDS)) return 0;
  return Math.max(0, Math.min(cores - 1, Math.round(cores - load) - 1));
}

/**
 * Runs the simulation, on worker threads beside the calling thread when asked (`workers: N > 1`:
 * N threads in all) or worthwhile (`'auto'`, {@link autoWorkers}). The result is the same for
 * every worker count.
 * @example await simulate(model, { seed: 1, trials: 1e7, workers: 'auto' })
 */
export async function simulate(
  model: Model,
  options: SimulateOptions = {},
  analytic?: AnalyticFigures,
): Promise<SimulationResult> {
  const compiled = compileModel(model);
  const setup = runSetup(model, compiled, options);
  const now = options.now ?? defaultNow;
  const started = now();
  const requested = options.workers ?? 'auto';
  // More threads than cores only compete for them (and `--workers 1000` would start 1000).
  const cores = Math.max(1, availableParallelism());
  const threads = requested === 'auto' ? cores : Math.min(cores, Math.max(1, Math.floor(requested)));
  const ctx: DriverContext = {
    parallelism: threads,
    now,
    deadline: deadlineOf(options, started),
    report: progressReporter(options, now, started),
  };
  const runner = new ChunkRunner(setup);
  const local = (phase: Phase) => (c: number) => runner.run(phase, c);
  const url = options.workerUrl ?? new URL('./simulate-worker.js', import.meta.url);
  const cost = new ChunkCost(now);
  let pool: WorkerPool | undefined;
  let poolFailed = false;
  try {
    const gen = simulation(model, setup, options, analytic, ctx);
    let step = gen.next();
    while (!step.done) {
      const { phase, chunks } = step.value;
      if (pool === undefined && !poolFailed) {
        const n =
          requested === 'auto' ? autoWorkers(cores, loadavg()[0] ?? cores, cost.remaining(phase, chunks)) : threads - 1;
        if (n > 0) pool = new WorkerPool(url, n, setup);
      }
      let results: ChunkResult[] | undefined;
      if (pool !== undefined) {
        try {
          results = await pool.run(phase, chunks, local(phase));
        } catch (e) {
          // 'auto' degrades to the calling thread (same numbers); an explicit count is an error.
          if (requested !== 'auto') throw e;
          poolFailed = true;
          await pool.close();
          pool = undefined;
        }
      }
      results ??= cost.time(phase, () => chunks.map(local(phase)));
      step = gen.next(results);
    }
    return step.value;
  } finally {
    await pool?.close();
  }
}

/** The calling thread's measured cost of a chunk, per phase kind, to predict the work left. */
class ChunkCost {
  private readonly perChunk = new Map<Phase['kind'], number>();
  private seconds = 0;

  constructor(private readonly now: () => number) {}

  /** Computes a batch on the calling thread, timing it. */
  time(phase: Phase, run: () => ChunkResult[]): ChunkResult[] {
    const t0 = this.now();
    const out = run();
    const dt = this.now() - t0;
    this.seconds += dt;
    if (out.length > 0) this.perChunk.set(phase.kind, dt / out.length);
    return out;
  }

  /**
   * Calling-thread seconds the phase still needs from this batch on: its chunks left × the
   * measured cost of one; 0 before a first measure; with no fixed end, unbounded once the
   * calling thread computed {@link AUTO_AFTER_SECONDS}.
   */
  remaining(phase: Phase, chunks: readonly number[]): number {
    const per = this.perChunk.get(phase.kind);
    if (per === undefined) return 0;
    if (!Number.isFinite(phase.total)) return this.seconds > AUTO_AFTER_SECONDS ? Infinity : 0;
    return (Math.ceil(phase.total / chunkSizeOf(phase)) - (chunks[0] ?? 0)) * per;
  }
}
