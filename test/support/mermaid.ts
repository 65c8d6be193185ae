/// <reference lib="dom" />
/**
 * Mermaid's own parser, offline in Node: mermaid needs a DOM only for DOMPurify, which jsdom
 * provides. Returns the flowchart's vertices (labels decoded), subgraphs and edges.
 */
type FlowDb = {
  getVertices(): Map<string, { id: string; text: string }>;
  getSubGraphs(): { id: string; title: string; nodes: string[] }[];
  getEdges(): { start: string; end: string }[];
};
type Mermaid = {
  parse(text: string): Promise<unknown>;
  mermaidAPI: { getDiagramFromText(text: string): Promise<{ db: FlowDb }> };
};

let loading: Promise<Mermaid> | undefined;

async function load(): Promise<Mermaid> {
  const { JSDOM } = await import('jsdom');
  const { window } = new JSDOM('');
  Object.assign(globalThis, { window, document: window.document });
  const mermaid = (await import('mermaid')).default as unknown as Mermaid;
  await mermaid.parse('flowchart TB\n  a'); // registers the diagram types
  return mermaid;
}

/** Mermaid's entity placeholders (#60; → ﬂ°°60¶ß) back to characters. */
function decode(text: string): string {
  return text
    .replace(/ﬂ°°(\d+)¶ß/g, (_, n: string) => String.fromCharCode(Number(n)))
    .replace(/ﬂ°(\w+)¶ß/g, (_, name: string) => `&${name};`);
}

/** Parses a flowchart with Mermaid (throws Mermaid's parse error) and reads its graph. */
export async function parseMermaidFlowchart(text: string): Promise<{
  vertices: Map<string, string>;
  subgraphs: { id: string; title: string; nodes: string[] }[];
  edges: { start: string; end: string }[];
}> {
  loading ??= load();
  const mermaid = await loading;
  await mermaid.parse(text);
  const { db } = await mermaid.mermaidAPI.getDiagramFromText(text);
  return {
    vertices: new Map([...db.getVertices().values()].map((v) => [v.id, decode(v.text)])),
    subgraphs: db.getSubGraphs().map((s) => ({ id: s.id, title: decode(s.title), nodes: s.nodes })),
    edges: db.getEdges().map((e) => ({ start: e.start, end: e.end })),
  };
}
