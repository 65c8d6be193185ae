/**
 * What `nines simulate` prints, shared with `nines merge` so that a merged run prints the very
 * document (and text) the single-machine run prints: the analytic figures passed in for the
 * cross-check, the JSON document and the text report.
 */
import { analyzeAvailability } from '../analytic/availability/index.js';
import { analyzeJob, interruptionRate } from '../analytic/capacity/index.js';
import type { Model } from '../model/types.js';
import { simulateDocument } from '../report/json/documents.js';
import { renderJobSimulation } from '../report/text/job-simulation.js';
import { renderSimulation, renderSimulationNotes } from '../report/text/simulation.js';
import { checkJobGoodput, type JobSimulation } from '../simulate/index.js';
import { DEFAULT_MAX_WORK, goodputWork } from '../simulate/compile/work-budget.js';
import type { AnalyticFigures, SimulationResult } from '../simulate/types.js';
import type { Output } from './context.js';
import { overridesJson } from './overrides.js';

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

/** Prints a simulation result: the JSON document with --json, the text report otherwise. */
export function printSimulation(
  o: Output,
  model: Model,
  fileLabel: string,
  run: SimulationResult,
  set: readonly string[] | undefined,
): void {
  const skipped: string[] = [];
  const jobs = jobSimulations(model, run.seed, skipped);
  const result = skipped.length === 0 ? run : { ...run, notes: [...run.notes, ...skipped] };
  if (o.json) {
    o.outJson({
      ...simulateDocument(model, fileLabel, result, overridesJson(set, undefined)),
      ...(jobs.length === 0 ? {} : { jobSimulation: jobs }),
    });
  } else {
    const jobText = jobs.length === 0 ? '' : `\n${renderJobSimulation(jobs, o.style).trimEnd()}\n`;
    o.out(`${o.style.chalk.bold(model.name)}\n\n${renderSimulation(result, o.style).trimEnd()}\n${jobText}`);
  }
  // Notes are for people, on stderr (the JSON keeps them in notes[]); -q silences them.
  if (!o.quiet) o.err(renderSimulationNotes(result, o.errStyle));
}
