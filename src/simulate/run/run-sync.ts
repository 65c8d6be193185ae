/**
 * The synchronous, single-thread simulator: the library core, and what each worker runs.
 */
import type { Model } from '../../model/types.js';
import { ChunkRunner, type ChunkResult, type Phase, type RunSetup } from './chunks.js';
import { compileModel, type CompiledModel } from '../compile/compile.js';
import type { DriverContext } from './driver.js';
import { runSetup, simulation } from './simulation.js';
import type { AnalyticFigures, SimulateOptions, SimulationResult } from '../types.js';

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

/** Computes the chunks a request asks for, in order. */
export type ChunkSource = (phase: Phase, chunks: readonly number[]) => ChunkResult[];

/**
 * Runs the whole simulation on the calling thread. `precompiled`, the compiled form of this
 * model's topology (compileModel reads only regions, zones, tiers and service), spares compiling
 * it again, e.g. across the points of a sweep that vary the data or the recovery plan.
 * @example simulateSync(model, { seed: 1, trials: 1e6 }).service.unavailability.estimate
 */
export function simulateSync(
  model: Model,
  options: SimulateOptions = {},
  analytic?: AnalyticFigures,
  precompiled?: CompiledModel,
): SimulationResult {
  return simulateWith(
    model,
    options,
    analytic,
    (setup) => {
      const runner = new ChunkRunner(setup);
      return (phase, chunks) => chunks.map((c) => runner.run(phase, c));
    },
    precompiled,
  );
}

/**
 * Runs the simulation's driver on the calling thread with chunks from `source` (made once from
 * the run's setup): the runner above, or the parts of a sharded run (`nines merge`).
 */
export function simulateWith(
  model: Model,
  options: SimulateOptions,
  analytic: AnalyticFigures | undefined,
  source: (setup: RunSetup) => ChunkSource,
  precompiled?: CompiledModel,
): SimulationResult {
  const compiled = precompiled ?? compileModel(model);
  const setup = runSetup(model, compiled, options);
  const now = options.now ?? defaultNow;
  const started = now();
  const ctx: DriverContext = {
    parallelism: 1,
    now,
    deadline: deadlineOf(options, started),
    report: progressReporter(options, now, started),
  };
  const compute = source(setup);
  const gen = simulation(model, setup, options, analytic, ctx);
  let step = gen.next();
  while (!step.done) {
    const { phase, chunks } = step.value;
    step = gen.next(compute(phase, chunks));
  }
  return step.value;
}
