/**
 * The asynchronous simulator: the same driver as {@link simulateSync}, with chunks computed by
 * worker threads when the work is large enough to pay for starting them.
 */
import { availableParallelism } from 'node:os';
import type { Model } from '../../model/types.js';
import { ChunkRunner, type ChunkResult } from './chunks.js';
import { compileModel } from '../compile/compile.js';
import type { DriverContext } from './driver.js';
import { deadlineOf, defaultNow, progressReporter } from './run-sync.js';
import { runSetup, simulation } from './simulation.js';
import type { AnalyticFigures, SimulateOptions, SimulationResult } from '../types.js';
import { WorkerPool } from './worker-pool.js';

/** With `workers: 'auto'`, start workers once the main thread has computed this long. */
const AUTO_AFTER_SECONDS = 0.25;

/**
 * Runs the simulation, on worker threads when asked (`workers: N > 1`) or worthwhile (`'auto'`).
 * The result is the same for every worker count.
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
  const maxWorkers = requested === 'auto' ? cores : Math.min(cores, Math.max(1, Math.floor(requested)));
  const parallelism = maxWorkers;
  const ctx: DriverContext = {
    parallelism,
    now,
    deadline: deadlineOf(options, started),
    report: progressReporter(options, now, started),
  };
  const runner = new ChunkRunner(setup);
  const url = options.workerUrl ?? new URL('./simulate-worker.js', import.meta.url);
  let pool: WorkerPool | undefined;
  let mainSeconds = 0;
  let poolFailed = false;
  try {
    const gen = simulation(model, setup, options, analytic, ctx);
    let step = gen.next();
    while (!step.done) {
      const { phase, chunks } = step.value;
      const wantPool = maxWorkers > 1 && !poolFailed && (requested !== 'auto' || mainSeconds > AUTO_AFTER_SECONDS);
      if (pool === undefined && wantPool) pool = new WorkerPool(url, maxWorkers, setup);
      let results: ChunkResult[] | undefined;
      if (pool !== undefined) {
        try {
          results = await pool.run(phase, chunks);
        } catch (e) {
          // 'auto' degrades to the calling thread (same numbers); an explicit count is an error.
          if (requested !== 'auto') throw e;
          poolFailed = true;
          await pool.close();
          pool = undefined;
        }
      }
      if (results === undefined) {
        const t0 = now();
        results = chunks.map((c) => runner.run(phase, c));
        mainSeconds += now() - t0;
      }
      step = gen.next(results);
    }
    return step.value;
  } finally {
    await pool?.close();
  }
}
