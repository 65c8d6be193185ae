/**
 * The import graph of src/ (DESIGN §2): data flows one way, cli → app → gate/report →
 * analytic/simulate → model → units, with config beside them (config → model), lib a leaf.
 * This reads every relative import of every file (static, re-export and dynamic) and fails on
 * an edge between folders that the flow does not allow, on any cycle between files, and on any
 * cycle between the entries (subfolders and files) of one folder at any depth: the rooms of
 * simulate/, analytic/ or report/ import one way too, as the parts of src/ do.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/** Which top-level parts of src/ each part may import (itself always). */
const ALLOWED: Readonly<Record<string, readonly string[]>> = {
  cli: ['app', 'gate', 'report', 'analytic', 'simulate', 'config', 'model', 'units', 'lib', 'errors', 'version'],
  app: ['gate', 'report', 'analytic', 'simulate', 'config', 'model', 'units', 'lib', 'errors', 'version'],
  report: ['gate', 'analytic', 'simulate', 'config', 'model', 'units', 'lib', 'version'],
  gate: ['analytic', 'simulate', 'model', 'units', 'lib', 'errors'],
  simulate: ['analytic', 'model', 'units', 'lib', 'errors'],
  analytic: ['model', 'units', 'lib', 'errors'],
  config: ['model', 'units', 'lib', 'errors'],
  model: ['units', 'lib'],
  units: ['lib'],
  lib: [],
  errors: [],
  version: [],
  index: ['app', 'gate', 'report', 'analytic', 'simulate', 'config', 'model', 'units', 'lib', 'errors', 'version'],
};

const IMPORT =
  /(?:^|[^\w.])(?:import|export)\s[^'"]*?from\s*['"](\.{1,2}\/[^'"]+)['"]|import\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)|^\s*import\s*['"](\.{1,2}\/[^'"]+)['"]/gm;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/** The part of src/ a file belongs to: its first folder, or its name for top-level files. */
export function partOf(file: string): string {
  const rel = relative('src', file);
  const first = rel.split('/')[0] ?? rel;
  return first.endsWith('.ts') ? first.replace(/\.ts$/, '') : first;
}

/** Relative imports of a source file, resolved to .ts paths under src/. */
export function importsOf(file: string, text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(IMPORT)) {
    const spec = m[1] ?? m[2] ?? m[3];
    // Modules only: JSON data (the schema, package.json) is read, not a layer.
    if (spec === undefined || !/\.(js|ts)$/.test(spec)) continue;
    out.push(normalize(join(dirname(file), spec.replace(/\.js$/, '.ts'))));
  }
  return out;
}

/** Edges against the flow, as 'from → to'. */
export function badEdges(graph: ReadonlyMap<string, readonly string[]>): string[] {
  const bad: string[] = [];
  for (const [from, tos] of graph) {
    const a = partOf(from);
    for (const to of tos) {
      const b = partOf(to);
      if (a !== b && !(ALLOWED[a] ?? []).includes(b)) bad.push(`${from} → ${to} (${a} may not import ${b})`);
    }
  }
  return bad.sort();
}

/** Every cycle's files, found by Tarjan's strongly connected components (iteratively). */
export function cycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const out: string[][] = [];
  for (const root of graph.keys()) {
    if (index.has(root)) continue;
    const work: { node: string; next: number }[] = [{ node: root, next: 0 }];
    index.set(root, counter);
    low.set(root, counter++);
    stack.push(root);
    onStack.add(root);
    while (work.length > 0) {
      const top = work[work.length - 1] as { node: string; next: number };
      const edges = graph.get(top.node) ?? [];
      if (top.next < edges.length) {
        const to = edges[top.next++] as string;
        if (!graph.has(to)) continue;
        if (!index.has(to)) {
          index.set(to, counter);
          low.set(to, counter++);
          stack.push(to);
          onStack.add(to);
          work.push({ node: to, next: 0 });
        } else if (onStack.has(to)) {
          low.set(top.node, Math.min(low.get(top.node) ?? 0, index.get(to) ?? 0));
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent !== undefined) low.set(parent.node, Math.min(low.get(parent.node) ?? 0, low.get(top.node) ?? 0));
      if (low.get(top.node) === index.get(top.node)) {
        const scc: string[] = [];
        let x: string | undefined;
        do {
          x = stack.pop();
          if (x === undefined) break;
          onStack.delete(x);
          scc.push(x);
        } while (x !== top.node);
        if (scc.length > 1 || (graph.get(top.node) ?? []).includes(top.node)) out.push(scc.sort());
      }
    }
  }
  return out;
}

/**
 * Where an import from `from` to `to` lands: the deepest folder holding both, and the entry of
 * that folder each one lies in (a subfolder, with a trailing '/', or a file).
 * @example siblingsOf('src/simulate/run/driver.ts', 'src/simulate/kernels/snapshot-kernel.ts') // { folder: 'src/simulate', from: 'run/', to: 'kernels/' }
 */
export function siblingsOf(from: string, to: string): { folder: string; from: string; to: string } {
  const f = from.split('/');
  const t = to.split('/');
  let i = 0;
  while (i < f.length - 1 && i < t.length - 1 && f[i] === t[i]) i++;
  const entry = (parts: readonly string[]): string => (i < parts.length - 1 ? `${parts[i]}/` : (parts[i] ?? ''));
  return { folder: f.slice(0, i).join('/'), from: entry(f), to: entry(t) };
}

/** Per folder, the imports between its entries: entry → entry → the file edges ('a → b') behind it. */
export function entryGraphs(
  graph: ReadonlyMap<string, readonly string[]>,
): Map<string, Map<string, Map<string, string[]>>> {
  const out = new Map<string, Map<string, Map<string, string[]>>>();
  for (const [from, tos] of graph) {
    for (const to of tos) {
      const s = siblingsOf(from, to);
      if (s.from === s.to) continue;
      const folder = out.get(s.folder) ?? new Map<string, Map<string, string[]>>();
      const edges = folder.get(s.from) ?? new Map<string, string[]>();
      edges.set(s.to, [...(edges.get(s.to) ?? []), `${from} → ${to}`]);
      folder.set(s.from, edges);
      out.set(s.folder, folder);
    }
  }
  return out;
}

/**
 * Every cycle between the entries of one folder (Tarjan over each folder's entry graph), as a
 * message naming the folder, the entries and every file edge between them.
 */
export function folderCycles(graph: ReadonlyMap<string, readonly string[]>): string[] {
  const out: string[] = [];
  for (const [folder, entries] of entryGraphs(graph)) {
    const g = new Map([...entries].map(([a, tos]) => [a, [...tos.keys()]]));
    for (const scc of cycles(g)) {
      const edges = scc.flatMap((a) =>
        scc.flatMap((b) => (entries.get(a)?.get(b) ?? []).map((e) => `  ${e} (${a} → ${b})`)),
      );
      out.push([`${folder}: ${scc.join(', ')} import each other`, ...edges].join('\n'));
    }
  }
  return out.sort();
}

/**
 * The declared order of the rooms of a folder (DESIGN §2): an entry imports only entries listed
 * after it. Every subfolder must be listed, so a new room is placed on purpose; a file left out
 * is held by the cycle check alone.
 */
const ROOMS: Readonly<Record<string, readonly string[]>> = {
  'src/simulate': ['index.ts', 'run/', 'estimate/', 'types.ts', 'kernels/', 'compile/', 'random/'],
  'src/analytic': [
    'drill/',
    'capacity/',
    'slo/',
    'analyze-model.ts',
    'cost.ts',
    'budget.ts',
    'availability/',
    'failover/',
    'data-protection/',
    'log-math.ts',
  ],
};

/** Imports between the rooms of a folder of {@link ROOMS} against its order, as 'file → file (a → b)'. */
export function againstRoomOrder(
  graph: ReadonlyMap<string, readonly string[]>,
  rooms: Readonly<Record<string, readonly string[]>> = ROOMS,
): string[] {
  const out: string[] = [];
  for (const [folder, entries] of entryGraphs(graph)) {
    const order = rooms[folder];
    if (order === undefined) continue;
    for (const [a, tos] of entries) {
      for (const [b, edges] of tos) {
        const [i, j] = [order.indexOf(a), order.indexOf(b)];
        if (i >= 0 && j >= 0 && j < i) out.push(...edges.map((e) => `${e} (${a} → ${b})`));
      }
    }
  }
  return out.sort();
}

const graph = new Map(files('src').map((f) => [f, importsOf(f, readFileSync(f, 'utf8'))]));

describe('the import graph of src/', () => {
  it('every relative import names a file that exists', () => {
    // The model validator is generated at build time (scripts/generate-validator.mjs).
    const generated = (t: string): boolean => t.startsWith('src/config/generated/');
    const missing = [...graph].flatMap(([from, tos]) =>
      tos.filter((t) => !graph.has(t) && !generated(t)).map((t) => `${from} → ${t}`),
    );
    expect(missing).toEqual([]);
  });

  it('has no edge against the flow', () => {
    expect(badEdges(graph)).toEqual([]);
  });

  it('has no cycle between files', () => {
    expect(cycles(graph)).toEqual([]);
  });

  it('imports between the rooms of src/simulate and src/analytic follow their declared order', () => {
    expect(againstRoomOrder(graph)).toEqual([]);
    for (const [folder, order] of Object.entries(ROOMS)) {
      const rooms = readdirSync(folder).filter((n) => statSync(join(folder, n)).isDirectory());
      for (const room of rooms) expect(order, `${folder}/${room}/ is not placed in ROOMS`).toContain(`${room}/`);
    }
    // It can fail: kernels/ importing types.ts, which the order puts above it.
    const g = new Map([...graph]);
    g.set('src/simulate/kernels/snapshot-kernel.ts', [
      ...(graph.get('src/simulate/kernels/snapshot-kernel.ts') ?? []),
      'src/simulate/types.ts',
    ]);
    expect(againstRoomOrder(g)).toEqual([
      'src/simulate/kernels/snapshot-kernel.ts → src/simulate/types.ts (kernels/ → types.ts)',
    ]);
  });

  it('has no cycle between the subfolders and files of any folder', () => {
    expect(folderCycles(graph)).toEqual([]);
  });

  it('the checks fail on an edge against the flow and on a cycle (they can fail)', () => {
    const g = new Map([...graph]);
    g.set('src/units/x.ts', ['src/cli/main.ts']);
    expect(badEdges(g)).toContain('src/units/x.ts → src/cli/main.ts (units may not import cli)');
    const c = new Map<string, string[]>([
      ['src/a.ts', ['src/b.ts']],
      ['src/b.ts', ['src/c.ts']],
      ['src/c.ts', ['src/a.ts']],
      ['src/d.ts', ['src/a.ts']],
    ]);
    expect(cycles(c)).toEqual([['src/a.ts', 'src/b.ts', 'src/c.ts']]);
    expect(
      importsOf(
        'src/gate/x.ts',
        "import { a } from '../report/format.js';\nexport * from './y.js';\nconst m = await import('../cli/main.js');",
      ),
    ).toEqual(['src/report/format.ts', 'src/gate/y.ts', 'src/cli/main.ts']);
  });

  it('the folder check fails on a cycle between sibling folders that no file cycle shows (it can fail)', () => {
    // a/ → b/ → a/ in src/x, and deep/ → q.ts → deep/ in src/x/a: no file imports itself back.
    const c = new Map<string, string[]>([
      ['src/x/a/one.ts', ['src/x/b/two.ts']],
      ['src/x/b/two.ts', ['src/x/b/three.ts']],
      ['src/x/b/three.ts', ['src/x/a/four.ts']],
      ['src/x/a/four.ts', []],
      ['src/x/c/five.ts', ['src/x/a/one.ts']],
      ['src/x/a/deep/p.ts', ['src/x/a/q.ts']],
      ['src/x/a/q.ts', ['src/x/a/deep/r.ts']],
      ['src/x/a/deep/r.ts', []],
    ]);
    expect(cycles(c)).toEqual([]);
    expect(folderCycles(c)).toEqual([
      [
        'src/x/a: deep/, q.ts import each other',
        '  src/x/a/deep/p.ts → src/x/a/q.ts (deep/ → q.ts)',
        '  src/x/a/q.ts → src/x/a/deep/r.ts (q.ts → deep/)',
      ].join('\n'),
      [
        'src/x: a/, b/ import each other',
        '  src/x/a/one.ts → src/x/b/two.ts (a/ → b/)',
        '  src/x/b/three.ts → src/x/a/four.ts (b/ → a/)',
      ].join('\n'),
    ]);
    // Without the back edges: the same folders, one way.
    c.set('src/x/b/three.ts', []);
    c.set('src/x/a/q.ts', []);
    expect(folderCycles(c)).toEqual([]);
    // One edge against the rooms of the real tree: random/ may not import run/.
    const g = new Map([...graph]);
    g.set('src/simulate/random/rng.ts', [
      ...(graph.get('src/simulate/random/rng.ts') ?? []),
      'src/simulate/run/chunks.ts',
    ]);
    expect(folderCycles(g).join('\n')).toContain(
      'src/simulate/random/rng.ts → src/simulate/run/chunks.ts (random/ → run/)',
    );
  });
});
