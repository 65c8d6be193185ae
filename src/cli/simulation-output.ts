/**
 * What `nines simulate` prints, shared with `nines merge` so that a merged run prints the very
 * document (and text) the single-machine run prints: the analytic figures passed in for the
 * cross-check, the JSON document and the text report.
 */
import { analyzeAvailability } from '../analytic/availability/index.js';
import type { Model } from '../model/types.js';
import { simulateDocument } from '../report/json/documents.js';
import { renderSimulation, renderSimulationNotes } from '../report/text/simulation.js';
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

/** Prints a simulation result: the JSON document with --json, the text report otherwise. */
export function printSimulation(o: Output, model: Model, fileLabel: string, result: SimulationResult, set: readonly string[] | undefined): void {
  if (o.json) {
    o.outJson(simulateDocument(model, fileLabel, result, overridesJson(set, undefined)));
  } else {
    o.out(`${o.style.chalk.bold(model.name)}\n\n${renderSimulation(result, o.style).trimEnd()}\n`);
  }
  // Notes are for people, on stderr (the JSON keeps them in notes[]); -q silences them.
  if (!o.quiet) o.err(renderSimulationNotes(result, o.errStyle));
}
