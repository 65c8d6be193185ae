/**
 * The report use case: a model → the documents of analyze, check (analytic) and, on request,
 * simulate → the format-neutral report view. Pure apart from the simulation's worker threads.
 */
import { analyzeModel } from '../analytic/analyze-model.js';
import { evaluateTargets, fileTargets, gateExit } from '../gate/index.js';
import type { Model } from '../model/types.js';
import { topologyOf } from '../report/diagram/topology.js';
import { analyzeDocument, checkDocument, simulateDocument, type Overrides } from '../report/json/documents.js';
import { buildReportView } from '../report/review/build.js';
import type { ReportDocuments, ReportView } from '../report/review-view.js';
import { simulate } from '../simulate/index.js';
import type { SimulateOptions } from '../simulate/types.js';

export type ReportOptions = {
  /** Run the Monte Carlo simulation too (annual downtime, P(year misses target), realised RPO/RTO). */
  readonly simulate?: SimulateOptions | undefined;
  /** The `--set` (what-if) overrides the model was read with, recorded in every document. */
  readonly overrides?: Overrides | undefined;
};

/** The JSON documents a report is built from, exactly as the commands print them. */
export async function reportDocuments(
  model: Model,
  file: string,
  options: ReportOptions = {},
): Promise<ReportDocuments> {
  const analysis = analyzeModel(model, { cutSets: true });
  const result = evaluateTargets(fileTargets(model.targets, file), { ...analysis, simulation: undefined });
  const analyze = analyzeDocument(model, file, analysis, options.overrides);
  const check = checkDocument(model, file, result, gateExit(result, {}), options.overrides);
  if (options.simulate === undefined) return { analyze, check };
  const simulation = await simulate(model, options.simulate, {
    serviceUnavailability: analysis.availability.service.unavailability,
    tiers: Object.fromEntries(analysis.availability.tiers.map((t) => [t.name, t.unavailability])),
  });
  return { analyze, check, simulate: simulateDocument(model, file, simulation, options.overrides) };
}

/**
 * The design-review report of a model.
 * @example const view = await buildReport(model, 'models/database-dr.yaml')
 */
export async function buildReport(model: Model, file: string, options: ReportOptions = {}): Promise<ReportView> {
  return buildReportView(await reportDocuments(model, file, options), topologyOf(model));
}
