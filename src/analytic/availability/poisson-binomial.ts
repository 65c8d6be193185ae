/**
 * Poisson-binomial arithmetic for tiers whose nodes fall into many classes of distinct q: the
 * number of failures X is the sum of the classes' binomials, its pmf their convolution.
 *
 * Each pmf is kept on a window [lo, lo + length) of 0..f (f = failures tolerated): entries
 * beyond f are never needed (what spills past f is summed from each class's own upper tail)
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

/**
 * P(X ≤ f), P(X > f) and P(X = f) for X = Σ Binomial(count_c, q_c), 0 < q_c < 1: the pmf by
 * convolution truncated at f, and the mass beyond f as Σ_c Σ_i P(X_<c = i)·P(B_c > f − i)
 * (the step at which the running sum first passes f), each a sum of positive terms.
 * @example tail([{ q: 0.5, count: 1 }, { q: 0.5, count: 1 }], 1).q // 0.25
 */
export function tail(classes: readonly NodeClass[], f: number): { a: number; q: number; edge: number } {
  let pmf = ONE;
  let beyond = 0;
  for (const c of classes) {
    const g = binomialWindow(c.count, c.q, f);
    beyond += spill(pmf, g, binomialRange(c.count, c.q, f + 1, c.count), f);
    pmf = convolve(pmf, g, f);
  }
  let a = 0;
  for (const x of pmf.p) a += x;
  return { a, q: beyond, edge: at(pmf, f) };
}

/** Σ_i P(prev = i)·P(B ≥ f + 1 − i), with P(B ≥ m) = P(B > f) + Σ_{m ≤ j ≤ f} P(B = j). */
function spill(prev: Pmf, g: Pmf, top: number, f: number): number {
  // suffix[j] = Σ_{j' ≥ lo + j} of g's window (g lies within 0..f).
  const suffix = new Float64Array(g.p.length + 1);
  for (let j = g.p.length - 1; j >= 0; j--) suffix[j] = (suffix[j + 1] ?? 0) + (g.p[j] ?? 0);
  let s = 0;
  for (let i = 0; i < prev.p.length; i++) {
    const pi = prev.p[i] ?? 0;
    if (pi === 0) continue;
    const m = f + 1 - (prev.lo + i);
    const j = Math.min(Math.max(m - g.lo, 0), g.p.length);
    s += pi * (top + (suffix[j] ?? 0));
  }
  return s;
}

/**
 * For each class c, P(X₋c = f): exactly f failures among all nodes but one of class c, the
 * factor of a node's Birnbaum importance in a tier tolerating f failures (f' = (n − 1) −
 * (k − 1) = f). By prefix and suffix products, L_c = ⊛_{i<c} B_i and R_c = ⊛_{i>c} B_i:
 * P(X₋c = f) = Σ_j P(Bin(count_c − 1) = j)·(L_c ⊛ R_c)[f − j], about three convolution
 * chains in all instead of one chain per class.
 * @example leaveOneOutEdges([{ q: 0.1, count: 2 }], 1) // [0.1]: the other node down
 */
export function leaveOneOutEdges(classes: readonly NodeClass[], f: number): number[] {
  const C = classes.length;
  const full = classes.map((c) => binomialWindow(c.count, c.q, f));
  const suffix: Pmf[] = new Array<Pmf>(C + 1);
  suffix[C] = ONE;
  for (let c = C - 1; c >= 0; c--) suffix[c] = convolve(full[c] ?? ONE, suffix[c + 1] ?? ONE, f);
  const out = new Array<number>(C).fill(0);
  let prefix = ONE;
  for (let c = 0; c < C; c++) {
    const cls = classes[c];
    const right = suffix[c + 1] ?? ONE;
    if (cls !== undefined && cls.count > 0) {
      const less = binomialWindow(cls.count - 1, cls.q, f);
      let e = 0;
      for (let j = 0; j < less.p.length; j++) {
        const b = less.p[j] ?? 0;
        if (b === 0) continue;
        e += b * between(prefix, right, f - (less.lo + j));
      }
      out[c] = e;
    }
    prefix = convolve(prefix, full[c] ?? ONE, f);
  }
  return out;
}

/** (x ⊛ y)[t] = Σ_i x[i]·y[t − i]. */
function between(x: Pmf, y: Pmf, t: number): number {
  const from = Math.max(x.lo, t - (y.lo + y.p.length - 1));
  const to = Math.min(x.lo + x.p.length - 1, t - y.lo);
  let s = 0;
  for (let i = from; i <= to; i++) s += (x.p[i - x.lo] ?? 0) * (y.p[t - i - y.lo] ?? 0);
  return s;
}
