/**
 * The report use case: a model → the documents of analyze, check (analytic) and, on request,
 * simulate → the format-neutral report view, and the JSON document of what was rendered from it.
 * Pure apart from the simulation's worker threads.
 */
import { analyzeModel } from '../analytic/analyze-model.js';
import { evaluateTargets, fileTargets, gateExit } from '../gate/index.js';
import type { Model } from '../model/types.js';
import { topologyOf } from '../report/diagram/topology.js';
import { modelInfo } from '../report/json/analysis.js';
import { analyzeDocument, checkDocument, simulateDocument, type Overrides } from '../report/json/documents.js';
import { envelope } from '../report/json/envelope.js';
import { buildReportView } from '../report/review/build.js';
import type { ReportDocuments, ReportView } from '../report/review-view.js';
import { simulate } from '../simulate/index.js';
import type { SimulateOptions } from '../simulate/types.js';
import type { ModelSource } from './source.js';
import { overridesJson } from './what-if.js';

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

/**
 * `nines report` on a validated model (`set`: the `--set` what-ifs it was loaded with).
 * @example renderReportMarkdown((await runReport(loadSource(text))).view)
 */
export async function runReport(
  source: ModelSource,
  options: { readonly simulate?: SimulateOptions | undefined; readonly set?: readonly string[] | undefined } = {},
): Promise<{ readonly view: ReportView }> {
  const overrides = overridesJson(options.set, undefined);
  return { view: await buildReport(source.model, source.fileLabel, { simulate: options.simulate, overrides }) };
}

/** What a report or diagram printed: its format, the file it went to (or none: stdout) and its text. */
export type Rendered = { readonly format: string; readonly output: string | undefined; readonly text: string };

/** The `nines report --json` document: the rendered report's format, size and sections, and its text unless written to a file. */
export function reportDocument(source: ModelSource, view: ReportView, rendered: Rendered): Record<string, unknown> {
  return {
    ...envelope('report'),
    model: modelInfo(source.model, source.fileLabel),
    format: rendered.format,
    output: rendered.output ?? null,
    bytes: new TextEncoder().encode(rendered.text).length,
    sections: view.sections.map((s) => s.id),
    ...(rendered.output === undefined ? { report: rendered.text } : {}),
  };
}
