/**
 * The diagram use case (`nines diagram`): a validated model → its topology (regions → zones →
 * tiers, the service expression, copies and backups) for the Mermaid, DOT and SVG renderers,
 * and the JSON document of what was rendered. No I/O.
 */
import { topologyOf, type Topology } from '../report/diagram/topology.js';
import { modelInfo } from '../report/json/analysis.js';
import { envelope } from '../report/json/envelope.js';
import type { Rendered } from './report.js';
import type { ModelSource } from './source.js';

/**
 * The topology of a model.
 * @example renderMermaid(runDiagram(loadSource(text)).view)
 */
export function runDiagram(source: ModelSource): { readonly view: Topology } {
  return { view: topologyOf(source.model) };
}

/** The `nines diagram --json` document: the format, the file written (or null) and the diagram itself unless written to a file. */
export function diagramDocument(source: ModelSource, rendered: Rendered): Record<string, unknown> {
  return {
    ...envelope('diagram'),
    model: modelInfo(source.model, source.fileLabel),
    format: rendered.format,
    output: rendered.output ?? null,
    ...(rendered.output === undefined ? { diagram: rendered.text } : {}),
  };
}
