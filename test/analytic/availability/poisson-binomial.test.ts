/**
 * Many-class tiers (the product tree, the leave-one-out edges, the Chernoff shortcut) against
 * a node-by-node dynamic programme written here, over individual nodes.
 */
import { describe, expect, it } from 'vitest';
import { logChernoff } from '../../../src/analytic/availability/chernoff.js';
import { kOfN, kOfNEdges, type NodeClass } from '../../../src/analytic/availability/k-of-n.js';
import { binomialRange } from '../../../src/analytic/availability/binomial.js';
import { rel, rng } from './build-model.js';

/** pmf of the number of failures, node by node. */
function failures(nodes: readonly number[]): number[] {
  let dist = [1];
  for (const q of nodes) {
    const next = new Array<number>(dist.length + 1).fill(0);
    dist.forEach((x, j) => {
      next[j] = (next[j] ?? 0) + x * (1 - q);
      next[j + 1] = (next[j + 1] ?? 0) + x * q;
    });
    dist = next;
  }
  return dist;
}

const expand = (classes: readonly NodeClass[]): number[] =>
  classes.flatMap((c) => new Array<number>(c.count).fill(c.q));

describe('tiers of many node classes', () => {
  it('a, q, edge and every class edge match the node-by-node programme (random tiers)', () => {
    const random = rng(42);
    for (let trial = 0; trial < 40; trial++) {
      const C = 2 + Math.floor(random() * 12);
      const classes = Array.from({ length: C }, () => ({
        q: 10 ** (-4 * random()) * 0.6,
        count: 1 + Math.floor(random() * 8),
      }));
      const nodes = expand(classes);
      const n = nodes.length;
      const k = 1 + Math.floor(random() * n);
      const f = n - k;
      const pmf = failures(nodes);
      const r = kOfN(classes, k);
      const wantA = pmf.slice(0, f + 1).reduce((s, x) => s + x, 0);
      const wantQ = pmf.slice(f + 1).reduce((s, x) => s + x, 0);
      expect(rel(r.a, wantA)).toBeLessThan(1e-12);
      if (wantQ > 0) expect(rel(r.q, wantQ)).toBeLessThan(1e-11);
      expect(rel(r.edge, pmf[f] ?? 0)).toBeLessThan(1e-11);
      const edges = kOfNEdges(classes, k);
      classes.forEach((c, i) => {
        // Leave one node of class i out: P(exactly f of the other n − 1 fail).
        const others = expand(classes.map((d, j) => (j === i ? { ...d, count: d.count - 1 } : d)));
        const want = failures(others)[f] ?? 0;
        if (want === 0) expect(edges[i]).toBe(0);
        else expect(rel(edges[i] ?? 0, want)).toBeLessThan(1e-10);
        expect(c.count).toBeGreaterThan(0);
      });
    }
  });

  it('the Chernoff bound is above the exact tail, and a negligible side comes out as exactly 0', () => {
    // Binomial(100, 0.5): P(X ≤ 10) = 1.53e-17 (exact sum), bound e^(−100·KL(0.1‖0.5)) = 2.4e-17.
    const exact = binomialRange(100, 0.5, 0, 10);
    const bound = Math.exp(logChernoff([{ q: 0.5, count: 100 }], 10, 'lower'));
    expect(bound).toBeGreaterThanOrEqual(exact);
    expect(rel(bound, Math.exp(-100 * (0.1 * Math.log(0.1 / 0.5) + 0.9 * Math.log(0.9 / 0.5))))).toBeLessThan(1e-9);
    expect(Math.exp(logChernoff([{ q: 0.01, count: 1000 }], 40, 'upper'))).toBeGreaterThanOrEqual(
      binomialRange(1000, 0.01, 40, 1000),
    );
    // A million nodes at q ≈ 2e-3 needing 60% up: P(down) far below e^−746: exactly 0, a = 1.
    const big = Array.from({ length: 1000 }, (_, g) => ({ q: 4 / (2004 + g), count: 1000 }));
    expect(kOfN(big, 600_000)).toEqual({ a: 1, q: 0, edge: 0 });
  });
});
