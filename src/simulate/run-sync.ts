/**
 * The synchronous, single-thread simulator: the library core, and what each worker runs.
 */
import type { Model } from '../model/types.js';
import { ChunkRunner, type ChunkResult } from './chunks.js';
import { compileModel } from './compile.js';
import type { DriverContext } from './driver.js';
import { runSetup, simulation } from './simulation.js';
import type { AnalyticFigures, SimulateOptions, SimulationResult } from './types.js';

/** Default clock in seconds. */
export function defaultNow(): number {
  return performance.now() / 1000;
}

/** The deadline of a run: maxTime (default 10 s with relError); none for a fixed trial count. */
export function deadlineOf(options: SimulateOptions, started: number): number {
  const budget = options.maxTimeSeconds ?? (options.relError !== undefined ? 10 : Infinity);
  return started + budget;
}

/** Progress reporter: phase fractions → overall fraction with an ETA from elapsed time. */
export function progressReporter(options: SimulateOptions, now: () => number, started: number): (f: number) => void {
  const cb = options.onProgress;
  if (cb === undefined) return () => {};
  return (fraction) => {
    const elapsed = now() - started;
    const f = Math.max(1e-9, Math.min(1, fraction));
    cb({ fraction: f, elapsedSeconds: elapsed, etaSeconds: (elapsed * (1 - f)) / f });
  };
}

/**
 * Runs the whole simulation on the calling thread.
 * @example simulateSync(model, { seed: 1, trials: 1e6 }).service.unavailability.estimate
 */
export function simulateSync(model: Model, options: SimulateOptions = {}, analytic?: AnalyticFigures): SimulationResult {
  const compiled = compileModel(model);
  const setup = runSetup(model, compiled, options);
  const now = options.now ?? defaultNow;
  const started = now();
  const ctx: DriverContext = { parallelism: 1, now, deadline: deadlineOf(options, started), report: progressReporter(options, now, started) };
  const runner = new ChunkRunner(setup);
  const gen = simulation(model, setup, options, analytic, ctx);
  let step = gen.next();
  while (!step.done) {
    const { phase, chunks } = step.value;
    const results: ChunkResult[] = chunks.map((c) => runner.run(phase, c));
    step = gen.next(results);
  }
  return step.value;
}
