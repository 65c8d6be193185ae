import { binomialPmf, binomialRange } from './binomial.js';
import { chernoffBelow, LOG_ZERO } from './chernoff.js';
import { leaveOneOutEdges, tail, type NodeClass } from './poisson-binomial.js';

export type { NodeClass };

/**
 * A k-of-n tier evaluated exactly: `a` = P(at least k nodes up), `q` = P(fewer than k up), and
 * `edge` = P(exactly n − k nodes down), the term that Birnbaum importance of a node needs.
 */
export type KOfN = { readonly a: number; readonly q: number; readonly edge: number };

/**
 * Availability of a tier needing k of its nodes up, nodes independent, grouped into classes of
 * identical q: one class is a binomial tail, several an exact Poisson-binomial (convolution of
 * the class binomials) on the number of failures X, truncated at f = n − k:
 * a = Σ_{x≤f} P(X = x), q = P(X > f), each a sum of positive terms (DESIGN §4).
 * @example kOfN([{ q: 0.001, count: 2 }], 1).q // 1e-6 (two redundant 99.9% components)
 */
export function kOfN(classes: readonly NodeClass[], k: number): KOfN {
  // Nodes that never fail lower k; nodes that are always down are simply not counted.
  let need = k;
  const live: NodeClass[] = [];
  for (const c of classes) {
    if (c.count <= 0) continue;
    if (c.q <= 0) need -= c.count;
    else if (c.q < 1) live.push(c);
  }
  const n = live.reduce((s, c) => s + c.count, 0);
  const f = n - need; // failures among the live nodes the tier still tolerates
  if (f < 0) return { a: 0, q: 1, edge: 0 };
  if (f >= n) {
    const edge = f === n ? live.reduce((p, c) => p * c.q ** c.count, 1) : 0;
    return { a: 1, q: 0, edge };
  }
  const only = live.length === 1 ? live[0] : undefined;
  // A side below the smallest double is 0: no convolution needed (P(X = f) ≤ either tail).
  if (chernoffBelow(live, f, 'lower', LOG_ZERO)) return { a: 0, q: 1, edge: 0 };
  if (chernoffBelow(live, f, 'upper', LOG_ZERO)) return { a: 1, q: 0, edge: 0 };
  if (only !== undefined) {
    return {
      a: binomialRange(n, only.q, 0, f),
      q: binomialRange(n, only.q, f + 1, n),
      edge: binomialPmf(n, f, only.q),
    };
  }
  return tail(live, f);
}

/**
 * For each class, P(exactly n − k down among the other nodes) when one node of that class is
 * left out: the factor of that node's Birnbaum importance, I = P(tier up | node up) −
 * P(tier up | node down). A class without nodes gets 0.
 * @example kOfNEdges([{ q: 0.1, count: 3 }], 2) // [2·0.1·0.9]: one of the other two down
 */
export function kOfNEdges(classes: readonly NodeClass[], k: number): number[] {
  let need = k - 1;
  const live: NodeClass[] = [];
  const liveIndex: number[] = [];
  classes.forEach((c, i) => {
    if (c.count <= 0) return;
    if (c.q <= 0) need -= c.count;
    else if (c.q < 1) {
      live.push(c);
      liveIndex.push(i);
    }
  });
  const out = classes.map(() => 0);
  const n = live.reduce((s, c) => s + c.count, 0);
  // Leaving out a perfect or an always-down node: the others are the whole live set.
  classes.forEach((c, i) => {
    if (c.count <= 0 || (c.q > 0 && c.q < 1)) return;
    const others = classes.map((d, j) => ({ q: d.q, count: j === i ? d.count - 1 : d.count }));
    out[i] = kOfN(others, k - 1).edge;
  });
  // Leaving out a live node: n − 1 live nodes needing need, tolerating f = n − 1 − need.
  const f = n - 1 - need;
  if (f < 0 || live.length === 0) return out;
  if (f >= n - 1) {
    liveIndex.forEach((i) => {
      const others = classes.map((d, j) => ({ q: d.q, count: j === i ? d.count - 1 : d.count }));
      out[i] = kOfN(others, k - 1).edge;
    });
    return out;
  }
  const only = live.length === 1 ? live[0] : undefined;
  // X₋c = f needs X ≤ f + 1 and X ≥ f: either tail below the smallest double makes it 0.
  if (chernoffBelow(live, f + 1, 'lower', LOG_ZERO) || chernoffBelow(live, f, 'upper', LOG_ZERO)) return out;
  if (only !== undefined) {
    out[liveIndex[0] ?? 0] = binomialPmf(n - 1, f, only.q);
    return out;
  }
  const edges = leaveOneOutEdges(live, f);
  liveIndex.forEach((i, li) => {
    out[i] = edges[li] ?? 0;
  });
  return out;
}
