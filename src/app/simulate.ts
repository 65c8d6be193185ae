/**
 * The simulate use case (`nines simulate`, and `nines merge` of shard parts): a seeded Monte
 * Carlo run checked against the analytic figures, the training jobs' goodput by timeline
 * simulation, the view its renderers show and the JSON document. No I/O but worker threads.
 */
import { analyzeAvailability } from '../analytic/availability/index.js';
import { analyzeJob, interruptionRate } from '../analytic/capacity/index.js';
import type { Problem } from '../config/problem.js';
import type { Model } from '../model/types.js';
import { simulateDocument } from '../report/json/documents.js';
import { envelope } from '../report/json/envelope.js';
import type { SimulateView } from '../report/text/simulate.js';
import { checkJobGoodput, simulate, type JobSimulation } from '../simulate/index.js';
import type { AnalyticFigures, SimulateOptions, SimulationResult } from '../simulate/types.js';
import type { ModelSource } from './source.js';
import { overridesJson } from './what-if.js';
import { DEFAULT_MAX_WORK, goodputWork } from '../simulate/compile/work-budget.js';

export type SimulateOutcome = { readonly view: SimulateView; readonly document: Record<string, unknown> };

/** The analytic figures a simulation is checked against. */
export function analyticFigures(model: Model): AnalyticFigures {
  const availability = analyzeAvailability(model);
  return {
    serviceUnavailability: availability.service.unavailability,
    tiers: Object.fromEntries(availability.tiers.map((t) => [t.name, t.unavailability])),
  };
}

/**
 * Each training job's goodput by timeline simulation (seeded by the run's seed) against Daly's;
 * a job whose referee would exceed the default work budget is left out, named in `skipped`.
 */
export function jobSimulations(model: Model, seed: number, skipped: string[] = []): JobSimulation[] {
  return model.tiers.flatMap((tier) => {
    if (tier.job === undefined) return [];
    const rate = interruptionRate(model, tier.name);
    const exact = analyzeJob(tier.name, tier.minHealthy, tier.job, rate).current.goodput;
    const spec = { ...tier.job, mtbiSeconds: rate > 0 ? 1 / rate : Infinity };
    const work = goodputWork(spec);
    if (!(work <= DEFAULT_MAX_WORK)) {
      skipped.push(
        `goodput of tier ${tier.name} not simulated: an interruption every ${Number(spec.mtbiSeconds.toPrecision(3))} s against checkpoint cycles of ${spec.checkpointEverySeconds + spec.checkpointCostSeconds + spec.restartSeconds} s would take ${work.toExponential(1)} draws (over ${DEFAULT_MAX_WORK.toExponential(0)}); the analytic goodput stands`,
      );
      return [];
    }
    return [checkJobGoodput(tier.name, spec, exact, seed)];
  });
}

/**
 * The view and document of a simulation result, the same for a single-machine run and for
 * merged shard parts (`set`: the `--set` what-ifs the model was loaded with).
 */
export function simulationOutcome(
  source: Pick<ModelSource, 'model' | 'fileLabel'>,
  run: SimulationResult,
  set: readonly string[] | undefined,
): SimulateOutcome {
  const skipped: string[] = [];
  const jobs = jobSimulations(source.model, run.seed, skipped);
  const result = skipped.length === 0 ? run : { ...run, notes: [...run.notes, ...skipped] };
  const document = {
    ...simulateDocument(source.model, source.fileLabel, result, overridesJson(set, undefined)),
    ...(jobs.length === 0 ? {} : { jobSimulation: jobs }),
  };
  return { view: { modelName: source.model.name, result, jobs }, document };
}

/** Simulates a validated model. */
export async function runSimulate(
  source: ModelSource,
  options: SimulateOptions,
  set?: readonly string[],
): Promise<SimulateOutcome> {
  const result = await simulate(source.model, options, analyticFigures(source.model));
  return simulationOutcome(source, result, set);
}

/** The `nines simulate --json` document of a model that did not validate. */
export function simulateFailureDocument(problems: readonly Problem[]): Record<string, unknown> {
  return { ...envelope('simulate'), valid: false, problems };
}
