/**
 * The output formats: one registry of what each command can print besides its JSON document
 * (json is every command's document, except where the document wraps the printed text:
 * {@link WRAPPING}). Adding a format is a renderer and a line here; the CLI derives `--format`,
 * `--report FORMAT=PATH` and the help text from it.
 */
import type { Topology } from './diagram/topology.js';
import { chartSvg } from './charts/svg.js';
import { renderDot } from './diagram/dot.js';
import { renderMermaid } from './diagram/mermaid.js';
import { placementChart } from './charts/placement.js';
import { renderOpenSlo } from './export/openslo.js';
import { renderPrometheusRules } from './export/prometheus.js';
import { renderSlothSpec } from './export/sloth.js';
import { renderReportHtml } from './html/review.js';
import { renderCheckJunit } from './junit/gate.js';
import { renderCompareMarkdown } from './markdown/compare.js';
import { renderCheckMarkdown } from './markdown/gate.js';
import { renderReportMarkdown } from './markdown/review.js';
import { renderSweepMarkdown } from './markdown/sweep.js';
import { renderSweepCsv } from './csv/sweep.js';
import type { TextStyle } from './style.js';
import type { SweepShown } from './sweep/view.js';
import { renderAnalyze } from './text/analyze.js';
import { renderBudget, type BudgetView } from './text/budget.js';
import { renderCompare } from './text/compare.js';
import { renderExplanations, type ExplainView } from './text/explain.js';
import { renderCheckWithAdvice } from './text/gate.js';
import { renderPlanReport } from './text/plan.js';
import { renderRecommendations } from './text/recommend.js';
import { renderSimulate } from './text/simulate.js';
import { renderSlo, type SloView } from './text/slo.js';
import { renderSweep } from './text/sweep.js';

/**
 * A format's renderer: a command's format-neutral view → the text of that format (`width`: the
 * terminal's, for prose). Charts make a few of them asynchronous.
 */
export type Renderer<V> = (view: V, style: TextStyle, width: number) => string | Promise<string>;

/** What each format is for, as the help text says it. */
export const FORMAT_NOTES = {
  text: 'for people: tables, colour on a terminal',
  json: 'one document, unrounded, base units (the same as --json)',
  markdown: 'for a pull-request comment or $GITHUB_STEP_SUMMARY',
  junit: 'JUnit XML, one test case per target, for CI test reports',
  csv: 'comma-separated values, one row per point, every figure',
  html: 'one self-contained file: no network, charts as inline SVG',
  mermaid: 'a Mermaid flowchart (GitHub renders it in Markdown)',
  dot: 'Graphviz DOT, e.g. | dot -Tpng -o topology.png',
  svg: 'an SVG picture: the placement map of the report',
  prometheus: 'Prometheus recording and alerting rules',
  sloth: 'a Sloth prometheus/v1 spec',
  openslo: 'an OpenSLO v1 SLO',
} as const;

export type FormatName = keyof typeof FORMAT_NOTES;

/** simulate and merge print the same report. */
const SIMULATE = { text: renderSimulate } as const;

/** The renderers of each command, its default (stdout) format first. */
export const FORMATS = {
  analyze: { text: renderAnalyze },
  budget: { text: (v: BudgetView, style: TextStyle) => renderBudget(v.unavailability, v.budget, style) },
  check: { text: renderCheckWithAdvice, markdown: renderCheckMarkdown, junit: renderCheckJunit },
  compare: { text: renderCompare, markdown: renderCompareMarkdown },
  diagram: {
    mermaid: renderMermaid,
    dot: renderDot,
    svg: async (t: Topology) => `${await chartSvg(placementChart(t))}\n`,
  },
  explain: {
    text: (v: ExplainView, style: TextStyle, width: number) => renderExplanations(v.explanations, style, width),
  },
  merge: SIMULATE,
  plan: { text: renderPlanReport },
  recommend: { text: renderRecommendations },
  report: { html: renderReportHtml, markdown: renderReportMarkdown },
  simulate: SIMULATE,
  slo: {
    text: (v: SloView, style: TextStyle, width: number) =>
      renderSlo(v.modelName, v.figures, v.exhaustion, style, width),
    prometheus: (v: SloView) => renderPrometheusRules(v.modelName, v.slo, v.figures),
    sloth: (v: SloView) => renderSlothSpec(v.modelName, v.slo, v.figures),
    openslo: (v: SloView) => renderOpenSlo(v.modelName, v.slo, v.figures),
  },
  sweep: {
    text: (v: SweepShown, style: TextStyle, width: number) => renderSweep(v, style, { plot: v.plot, width }),
    csv: renderSweepCsv,
    markdown: renderSweepMarkdown,
  },
} as const;

export type FormattedCommand = keyof typeof FORMATS;

/**
 * The commands whose JSON document describes the text they print (its format, its size, where it
 * was written) rather than being one of their formats: `--json` wraps the `--format` output.
 */
export const WRAPPING: ReadonlySet<FormattedCommand> = new Set(['diagram', 'report']);

/** The formats a command takes, its default first and json (its document) last. */
export function formatsOf(command: FormattedCommand): FormatName[] {
  const own = Object.keys(FORMATS[command]) as FormatName[];
  return WRAPPING.has(command) ? own : [...own, 'json'];
}
