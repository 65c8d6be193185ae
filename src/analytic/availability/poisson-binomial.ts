/**
 * Poisson-binomial arithmetic for tiers whose nodes fall into many classes of distinct q: the
 * number of failures X is the sum of the classes' binomials, its pmf their convolution.
 *
 * Each pmf is kept on a window [lo, lo + length) of 0..f (f = failures tolerated): entries
 * beyond f are never needed (the mass past f is carried separately, from each class's own
 * upper tail)
 * and entries below the smallest normal double (2.2e-308) are dropped at the ends, so a class
 * of 1000 nodes at q = 1e-3 is ~170 terms, not 1000, and subnormal arithmetic never happens.
 * Each dropped entry changes a sum by less than 2.2e-308: no result above ~1e-300 moves.
 */
import { binomialPmfArray, binomialRange } from './binomial.js';

/** Nodes that share one unavailability q: a binomial block of a tier. */
export type NodeClass = { readonly q: number; readonly count: number };

/** Smallest positive normal double; pmf entries below it are dropped from a window's ends. */
const TINY = 2.2250738585072014e-308;

/** P(X = lo + i) = p[i]; zero outside the window. */
type Pmf = { readonly lo: number; readonly p: Float64Array };

const ONE: Pmf = { lo: 0, p: Float64Array.of(1) };

function trimmed(lo: number, p: Float64Array): Pmf {
  let a = 0;
  let b = p.length;
  while (a < b && (p[a] ?? 0) < TINY) a++;
  while (b > a && (p[b - 1] ?? 0) < TINY) b--;
  return a === 0 && b === p.length ? { lo, p } : { lo: lo + a, p: p.slice(a, b) };
}

/** The pmf of Binomial(count, q) on 0..min(count, f). */
function binomialWindow(count: number, q: number, f: number): Pmf {
  return trimmed(0, Float64Array.from(binomialPmfArray(count, q, f)));
}

/** (x ⊛ y) truncated to 0..f. */
function convolve(x: Pmf, y: Pmf, f: number): Pmf {
  const lo = x.lo + y.lo;
  const len = Math.min(x.p.length + y.p.length - 1, f + 1 - lo);
  if (len <= 0) return { lo: 0, p: new Float64Array(0) };
  const out = new Float64Array(len);
  const xp = x.p;
  const yp = y.p;
  const yl = yp.length;
  for (let i = 0; i < xp.length && i < len; i++) {
    const xi = xp[i] ?? 0;
    if (xi === 0) continue;
    const top = Math.min(yl, len - i);
    for (let j = 0; j < top; j++) out[i + j] = (out[i + j] ?? 0) + xi * (yp[j] ?? 0);
  }
  return trimmed(lo, out);
}

function at(x: Pmf, i: number): number {
  return x.p[i - x.lo] ?? 0;
}

/** A subtree of the product tree: the pmf of its classes' failures on 0..f, and P(> f). */
type Product = {
  readonly pmf: Pmf;
  readonly beyond: number;
  readonly left?: Product;
  readonly right?: Product;
  /** The class index of a leaf. */
  readonly leaf?: number;
};

/**
 * P(X_A + X_B > f) = P(X_A > f) + Σ_{i ≤ f} P(X_A = i)·P(X_B > f − i), with
 * P(X_B > m) = P(X_B > f) + Σ_{m < j ≤ f} P(X_B = j): positive terms only.
 */
function beyondOf(a: Product, b: Product, f: number): number {
  const g = b.pmf;
  const suffix = new Float64Array(g.p.length + 1);
  for (let j = g.p.length - 1; j >= 0; j--) suffix[j] = (suffix[j + 1] ?? 0) + (g.p[j] ?? 0);
  let s = a.beyond;
  const x = a.pmf;
  for (let i = 0; i < x.p.length; i++) {
    const pi = x.p[i] ?? 0;
    if (pi === 0) continue;
    const m = f + 1 - (x.lo + i); // X_B ≥ m
    const j = Math.min(Math.max(m - g.lo, 0), g.p.length);
    s += pi * (b.beyond + (suffix[j] ?? 0));
  }
  return s;
}

/**
 * The balanced product tree of the classes' binomials. Merging halves costs about
 * Σ_levels (C/m)·L_m² for windows L_m of m classes, far less than a chain of C convolutions
 * each with the whole window (1000 classes × 1000 nodes: ~5·10⁷ against ~3·10⁸ steps).
 */
function productTree(classes: readonly NodeClass[], f: number, from = 0, to = classes.length): Product {
  if (to - from === 1) {
    const c = classes[from] ?? { q: 0, count: 0 };
    return { pmf: binomialWindow(c.count, c.q, f), beyond: binomialRange(c.count, c.q, f + 1, c.count), leaf: from };
  }
  const mid = (from + to) >> 1;
  const left = productTree(classes, f, from, mid);
  const right = productTree(classes, f, mid, to);
  return { pmf: convolve(left.pmf, right.pmf, f), beyond: beyondOf(left, right, f), left, right };
}

/**
 * P(X ≤ f), P(X > f) and P(X = f) for X = Σ Binomial(count_c, q_c), 0 < q_c < 1: the pmf by
 * a product tree of convolutions truncated at f, and the mass beyond f carried up the tree as
 * sums of positive terms (see beyondOf), so neither side is a complement.
 * @example tail([{ q: 0.5, count: 1 }, { q: 0.5, count: 1 }], 1).q // 0.25
 */
export function tail(classes: readonly NodeClass[], f: number): { a: number; q: number; edge: number } {
  if (classes.length === 0) return { a: 1, q: 0, edge: f === 0 ? 1 : 0 };
  const root = productTree(classes, f);
  let a = 0;
  for (const x of root.pmf.p) a += x;
  return { a, q: root.beyond, edge: at(root.pmf, f) };
}

/**
 * For each class c, P(X₋c = f): exactly f failures among all nodes but one of class c, the
 * factor of a node's Birnbaum importance in a tier tolerating f failures (f' = (n − 1) −
 * (k − 1) = f). Down the product tree, each subtree gets the pmf of everything outside it,
 * O_child = O_parent ⊛ P_sibling, kept only on the indices [f − hi, f − lo] that can meet the
 * subtree's own window [lo, hi]; at a leaf, P(X₋c = f) = Σ_j P(Bin(count_c − 1, q_c) = j)·O_c(f − j).
 * @example leaveOneOutEdges([{ q: 0.1, count: 2 }], 1) // [0.1]: the other node down
 */
export function leaveOneOutEdges(classes: readonly NodeClass[], f: number): number[] {
  const out = new Array<number>(classes.length).fill(0);
  if (classes.length === 0) return out;
  const root = productTree(classes, f);
  const descend = (node: Product, outside: Pmf): void => {
    if (node.leaf !== undefined) {
      const c = classes[node.leaf];
      if (c === undefined || c.count <= 0) return;
      const less = binomialWindow(c.count - 1, c.q, f);
      let e = 0;
      for (let j = 0; j < less.p.length; j++) e += (less.p[j] ?? 0) * at(outside, f - (less.lo + j));
      out[node.leaf] = e;
      return;
    }
    const { left, right } = node;
    if (left === undefined || right === undefined) return;
    descend(left, restricted(outside, right.pmf, left.pmf, f));
    descend(right, restricted(outside, left.pmf, right.pmf, f));
  };
  descend(root, ONE);
  return out;
}

/** (outside ⊛ sibling) on the indices t with f − t in [lo − 1, hi] of the subtree's window. */
function restricted(outside: Pmf, sibling: Pmf, own: Pmf, f: number): Pmf {
  const from = Math.max(0, f - (own.lo + own.p.length));
  const to = Math.min(f, f - own.lo + 1);
  if (to < from || own.p.length === 0) return { lo: 0, p: new Float64Array(0) };
  const p = new Float64Array(to - from + 1);
  for (let t = from; t <= to; t++) p[t - from] = between(outside, sibling, t);
  return { lo: from, p };
}

/** (x ⊛ y)[t] = Σ_i x[i]·y[t − i]. */
function between(x: Pmf, y: Pmf, t: number): number {
  const from = Math.max(x.lo, t - (y.lo + y.p.length - 1));
  const to = Math.min(x.lo + x.p.length - 1, t - y.lo);
  let s = 0;
  for (let i = from; i <= to; i++) s += (x.p[i - x.lo] ?? 0) * (y.p[t - i - y.lo] ?? 0);
  return s;
}
