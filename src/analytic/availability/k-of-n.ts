import { binomialPmf, binomialPmfArray, binomialRange } from './binomial.js';

/** Nodes that share one unavailability q: a binomial block of a tier. */
export type NodeClass = { readonly q: number; readonly count: number };

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
    const edge = f === n ? live.reduce((p, c) => p * Math.pow(c.q, c.count), 1) : 0;
    return { a: 1, q: 0, edge };
  }
  const only = live.length === 1 ? live[0] : undefined;
  if (only !== undefined) {
    return {
      a: binomialRange(n, only.q, 0, f),
      q: binomialRange(n, only.q, f + 1, n),
      edge: binomialPmf(n, f, only.q),
    };
  }
  return convolve(live, f);
}

/**
 * Poisson-binomial over classes: pmf of failures truncated to 0..f plus the mass beyond f,
 * accumulated from each class's own upper tails so that nothing is a complement.
 */
function convolve(classes: readonly NodeClass[], f: number): KOfN {
  let pmf = new Array<number>(f + 1).fill(0);
  pmf[0] = 1;
  let beyond = 0;
  for (const c of classes) {
    const g = binomialPmfArray(c.count, c.q, f);
    // tail[m] = P(class failures ≥ m) for m = 0..f+1, built upwards from the accurate P(≥ f+1).
    const tail = new Array<number>(f + 2).fill(0);
    tail[f + 1] = binomialRange(c.count, c.q, f + 1, c.count);
    for (let m = f; m >= 1; m--) tail[m] = (tail[m + 1] ?? 0) + (g[m] ?? 0);
    let spill = 0;
    for (let i = 0; i <= f; i++) spill += (pmf[i] ?? 0) * (tail[f + 1 - i] ?? 0);
    beyond += spill;
    const next = new Array<number>(f + 1).fill(0);
    for (let i = 0; i <= f; i++) {
      const pi = pmf[i] ?? 0;
      if (pi === 0) continue;
      const top = Math.min(g.length - 1, f - i);
      for (let j = 0; j <= top; j++) next[i + j] = (next[i + j] ?? 0) + pi * (g[j] ?? 0);
    }
    pmf = next;
  }
  let a = 0;
  for (const p of pmf) a += p;
  return { a, q: beyond, edge: pmf[f] ?? 0 };
}
