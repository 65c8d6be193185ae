/**
 * The output formats: one registry of what each computing command can print besides its JSON
 * document (every command prints `json`: its document). Adding a format is a renderer and a
 * line here; the CLI derives `--format`, `--report FORMAT=PATH` and the help text from it.
 */
import { renderOpenSlo } from './export/openslo.js';
import { renderPrometheusRules } from './export/prometheus.js';
import { renderSlothSpec } from './export/sloth.js';
import { renderCheckJunit } from './junit/gate.js';
import { renderCompareMarkdown } from './markdown/compare.js';
import { renderCheckMarkdown } from './markdown/gate.js';
import type { TextStyle } from './style.js';
import { renderAnalyze } from './text/analyze.js';
import { renderCompare } from './text/compare.js';
import { renderCheckWithAdvice } from './text/gate.js';
import { renderSimulate } from './text/simulate.js';
import { renderSlo, type SloView } from './text/slo.js';

/** A format's renderer: a command's format-neutral view → the text of that format (`width`: the terminal's, for prose). */
export type Renderer<V> = (view: V, style: TextStyle, width: number) => string;

/** What each format is for, as the help text says it. */
export const FORMAT_NOTES = {
  text: 'for people: tables, colour on a terminal',
  json: 'one document, unrounded, base units (the same as --json)',
  markdown: 'for a pull-request comment or $GITHUB_STEP_SUMMARY',
  junit: 'JUnit XML, one test case per target, for CI test reports',
  prometheus: 'Prometheus recording and alerting rules',
  sloth: 'a Sloth prometheus/v1 spec',
  openslo: 'an OpenSLO v1 SLO',
} as const;

export type FormatName = keyof typeof FORMAT_NOTES;

/** The renderers of each command that has a --format (json is every command's document). */
export const FORMATS = {
  analyze: { text: renderAnalyze },
  check: { text: renderCheckWithAdvice, markdown: renderCheckMarkdown, junit: renderCheckJunit },
  compare: { text: renderCompare, markdown: renderCompareMarkdown },
  simulate: { text: renderSimulate },
  slo: {
    text: (v: SloView, style: TextStyle, width: number) =>
      renderSlo(v.modelName, v.figures, v.exhaustion, style, width),
    prometheus: (v: SloView) => renderPrometheusRules(v.modelName, v.slo, v.figures),
    sloth: (v: SloView) => renderSlothSpec(v.modelName, v.slo, v.figures),
    openslo: (v: SloView) => renderOpenSlo(v.modelName, v.slo, v.figures),
  },
} as const;

export type FormattedCommand = keyof typeof FORMATS;

/** The formats a command takes, json last. */
export function formatsOf(command: FormattedCommand): FormatName[] {
  return [...(Object.keys(FORMATS[command]) as FormatName[]), 'json'];
}
