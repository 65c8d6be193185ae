/** `nines diagram --format dot`: the topology for Graphviz (`dot -Tsvg`). */
import { topologyGraph, type Cluster, type Edge, type GraphNode } from './graph.js';
import type { Topology } from './topology.js';

/**
 * A DOT quoted string: backslashes and quotes escaped, newlines as `\n` line breaks.
 * @example dotString('say "hi"') // '"say \\"hi\\""'
 */
export function dotString(text: string): string {
  return `"${text
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(/\r\n?|\n/g, '\\n')}"`;
}

const SHAPE: Record<GraphNode['shape'], string> = {
  box: 'box',
  tier: 'hexagon',
  store: 'cylinder',
  gate: 'circle',
  service: 'doubleoctagon',
};
const STYLE: Record<Edge['style'], string> = { solid: 'dir=none', dotted: 'style=dashed', arrow: '' };

/** The digraph text. */
export function renderDot(topology: Topology): string {
  const graph = topologyGraph(topology);
  const out = [
    `digraph ${dotString(topology.name)} {`,
    '  compound=true;',
    '  node [fontname="Helvetica", fontsize=11];',
    '  graph [fontname="Helvetica", fontsize=11];',
  ];
  const node = (n: GraphNode, indent: string): string =>
    `${indent}${n.id} [shape=${SHAPE[n.shape]}, label=${dotString(n.label)}];`;
  const cluster = (c: Cluster, indent: string): void => {
    out.push(`${indent}subgraph cluster_${c.id} {`, `${indent}  label=${dotString(c.label)};`);
    for (const child of c.clusters) cluster(child, `${indent}  `);
    for (const n of c.nodes) out.push(node(n, `${indent}  `));
    out.push(`${indent}}`);
  };
  for (const c of graph.clusters) cluster(c, '  ');
  for (const n of graph.nodes) out.push(node(n, '  '));
  for (const e of graph.edges) {
    const attrs = [STYLE[e.style], e.label === undefined ? '' : `label=${dotString(e.label)}`].filter((a) => a !== '');
    out.push(`  ${e.from} -> ${e.to}${attrs.length > 0 ? ` [${attrs.join(', ')}]` : ''};`);
  }
  out.push('}');
  return `${out.join('\n')}\n`;
}
