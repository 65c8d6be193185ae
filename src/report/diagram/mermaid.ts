/** `nines diagram --format mermaid`: the topology as a Mermaid flowchart (GitHub renders it). */
import { topologyGraph, type Cluster, type Edge, type GraphNode } from './graph.js';
import type { Topology } from './topology.js';

/**
 * A Mermaid label: quoted, with every character that Mermaid, Markdown or HTML could read as
 * syntax written as Mermaid's numeric entity (#60; for <); newlines become spaces. Keywords
 * such as `end` or `subgraph` are harmless inside quotes.
 * @example mermaidLabel('<script>') // '"#60;script#62;"'
 */
export function mermaidLabel(text: string): string {
  return `"${text.replace(/\r\n?|\n/g, ' ').replace(/[#"<>&`]/g, (c) => `#${c.charCodeAt(0)};`)}"`;
}

const SHAPE: Record<GraphNode['shape'], [string, string]> = {
  box: ['[', ']'],
  tier: ['{{', '}}'],
  store: ['[(', ')]'],
  gate: ['((', '))'],
  service: ['([', '])'],
};

const ARROW: Record<Edge['style'], string> = { solid: '---', dotted: '-.->', arrow: '-->' };

/** The flowchart text (no code fence). */
export function renderMermaid(topology: Topology): string {
  const graph = topologyGraph(topology);
  const out = ['flowchart TB'];
  const node = (n: GraphNode, indent: string): string =>
    `${indent}${n.id}${SHAPE[n.shape][0]}${mermaidLabel(n.label)}${SHAPE[n.shape][1]}`;
  const cluster = (c: Cluster, indent: string): void => {
    out.push(`${indent}subgraph ${c.id}[${mermaidLabel(c.label)}]`);
    for (const child of c.clusters) cluster(child, `${indent}  `);
    for (const n of c.nodes) out.push(node(n, `${indent}  `));
    out.push(`${indent}end`);
  };
  for (const c of graph.clusters) cluster(c, '  ');
  for (const n of graph.nodes) out.push(node(n, '  '));
  for (const e of graph.edges)
    out.push(`  ${e.from} ${ARROW[e.style]}${e.label === undefined ? '' : `|${mermaidLabel(e.label)}|`} ${e.to}`);
  return `${out.join('\n')}\n`;
}
