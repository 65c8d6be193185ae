/**
 * nines as a library: pure functions from model text to figures. No I/O, no process state.
 *
 * @example
 *   import { analyze } from 'nines';
 *   const r = analyze(yamlText);
 *   if (r.ok) console.log(r.analysis.availability.service.nines);
 *   else for (const p of r.problems) console.error(`${p.line}:${p.col}: ${p.message}`);
 *
 * @example
 *   import { check } from 'nines';
 *   const r = await check(yamlText, { targets: ['availability>=99.9%'] });
 *   console.log(r.ok ? r.result.status : r.problems);   // r.exitCode: what `nines check` exits with
 *
 * @example
 *   import { loadModelText, analyzeModel } from 'nines';
 *   const loaded = loadModelText(yamlText);
 *   if (loaded.ok) console.log(analyzeModel(loaded.value).availability.service.nines);
 */
export {
  analyze,
  runAnalyze,
  type AnalyzeResult,
  type AnalyzeOptions,
  type AnalyzeOutcome,
} from './app/analyze.js';
export { check, runCheck, type CheckOptions, type CheckOutcome } from './app/check.js';
export { runCompare, type CompareOptions, type CompareOutcome } from './app/compare.js';
export { runSimulate, type SimulateOutcome } from './app/simulate.js';
export { runValidate, type ValidateOutcome } from './app/validate.js';
export { runDesign, type DesignOptions, type DesignOutcome } from './app/design/run.js';
export { runExplain, type ExplainOptions, type ExplainOutcome } from './app/explain/run.js';
export { runRecommend, type RecommendOptions, type RecommendOutcome } from './app/recommend/run.js';
export { runPlan, type PlanOutcome } from './app/plan.js';
export { runReport, reportDocument, type Rendered } from './app/report.js';
export { runDiagram, diagramDocument } from './app/diagram.js';
export { runBudget, type BudgetOutcome } from './app/budget.js';
export { runMerge, type MergePart, type MergeRunOutcome } from './app/merge.js';
export { runSweepOutcome, type SweepOptions, type SweepOutcome } from './app/sweep/run.js';
export { loadSource, type ModelSource, type DocumentSource, type Loaded } from './app/source.js';
export { FORMATS, WRAPPING, formatsOf, type FormatName, type Renderer } from './report/formats.js';
export { textStyle, type TextStyle } from './report/style.js';
export { loadModel, loadModelText } from './config/load.js';
export type { Problem, ProblemCode, Validation } from './config/problem.js';
export { modelSchema } from './config/schema.js';
export type * from './model/types.js';
export type * from './model/data-protection.js';
export type { Component, Distribution } from './model/component.js';
export { component } from './model/component.js';
export { analyzeModel, type Analysis, type AnalysisOptions } from './analytic/analyze-model.js';
export { analyzeAvailability } from './analytic/availability/index.js';
export type { AvailabilityResult } from './analytic/availability/index.js';
export { analyzeDataProtection } from './analytic/data-protection/index.js';
export type { DataProtectionResult } from './analytic/data-protection/index.js';
export { downtimeBudget, type DowntimeBudget } from './analytic/budget.js';
export {
  planCapacity,
  analyzeSpares,
  analyzeJob,
  type PlanResult,
  type PlanOptions,
  type SparesResult,
  type JobResult,
} from './analytic/capacity/index.js';
export { parseQuantity } from './units/quantity.js';
export { parseFraction, parseAvailabilityArgument } from './units/fraction.js';
export { simulate, simulateSync, simulateShard, checkParts, mergeParts } from './simulate/index.js';
export type { ShardSpec, ShardPhase, SimulationPart, MergeOutcome } from './simulate/index.js';
export type { SimulateOptions, SimulationResult } from './simulate/types.js';
export {
  evaluateTargets,
  compareAnalyses,
  type GateResult,
  type GateRecord,
  type CompareResult,
} from './gate/index.js';
export { parseTargetFlag, type ParsedTargetFlag } from './config/target-flag.js';
export { drill, resolveFailures, type DrillResult } from './analytic/drill/index.js';
export { applyOverrides, parseOverride } from './config/overrides.js';
export {
  sloReport,
  sloFigures,
  resolveObjective,
  budgetExhaustion,
  type SloFigures,
  type ExhaustionResult,
  type Objective,
} from './app/slo.js';
export { burnAlerts, type BurnAlert } from './analytic/slo/burn-rate.js';
export { allocateBudget, type Allocation } from './analytic/slo/allocation.js';
export { costOf, type CostResult, type CostPart } from './analytic/cost.js';
export type { CostItem } from './model/cost.js';
export { parseCostRate, parseStoragePrice } from './units/cost.js';
export { parseVary, type Axis } from './config/vary.js';
export { prepareVariation, type Variation } from './config/variation.js';
export { runSweep } from './app/sweep/run.js';
export { searchDesigns, type DesignResult } from './app/design/search.js';
export type { SweepView, SweepPoint, Figures, FigureId } from './report/sweep/view.js';
export { buildReport, reportDocuments, type ReportOptions } from './app/report.js';
export type { ReportView, ReportDocuments } from './report/review-view.js';
export { renderReportHtml } from './report/html/review.js';
export { renderReportMarkdown } from './report/markdown/review.js';
export { topologyOf, type Topology } from './report/diagram/topology.js';
export { renderMermaid } from './report/diagram/mermaid.js';
export { renderDot } from './report/diagram/dot.js';
export { loadModelDocument, type ModelDocument } from './config/load.js';
export { explain, figureIds, type Explanation, type ExplainResult } from './app/explain/index.js';
export { recommend, type Recommendation, type RecommendResult } from './app/recommend/index.js';
export { sensitivity, type SensitivityResult } from './app/sensitivity/index.js';
