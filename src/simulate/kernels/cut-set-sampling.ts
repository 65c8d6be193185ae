/**
 * Importance sampling over the minimal cut sets of an event (ALOE, "at least one event"):
 * pick cut set j with probability P(C_j)/S, S = Σ_j P(C_j), P(C_j) = Π_{i∈C_j} q_i; force its
 * components down and draw every other component from its own q. This is the mixture of the
 * conditional laws p(· | C_j down) with the balance heuristic (Veach & Guibas 1995), and its
 * likelihood ratio is W(x) = S / N(x), N(x) = number of cut sets all down in x, so
 * E[W·1{event}] = P(∪_j {C_j down}) = P(event) exactly, with S/J ≤ W ≤ S (bounded weights) and
 * Var(W) ≤ μ(S − μ) (Owen, Maximov & Chertkov, "Importance sampling the union of rare events
 * with an application to power systems analysis", Electron. J. Stat. 13 (2019) 231–254).
 * Every failure path is proposed in proportion to its own probability: none is starved.
 *
 * Defensive half: the sample variance of S/N(x) only sees overlaps (N ≥ 2) it happens to draw,
 * and with tiny q it may draw none (a zero-width interval around a value that is not exact).
 * So half the trials (α = ½) draw the components outside C_j with an inflated v_i = max(q_i,
 * min(½, 0.2/F)) (F: components in the family; about one extra failure in five trials) instead of q_i.
 * The balance-heuristic weight over both halves (Veach & Guibas 1995; Hesterberg 1995) is
 * W(x) = S / (α·N(x) + (1 − α)·R(x)·Σ_{j: C_j down} ψ_j), R(x) = Π_i ρ_i(x_i), ρ_i the ratio
 * of i's inflated to its own law, ψ_j = Π_{i∈C_j} q_i/v_i; still W ≤ S/α.
 */
import type { CompiledModel } from '../compile/compile.js';
import { chunkState } from '../random/rng.js';
import type { StructureEvaluator } from '../compile/structure.js';
import type { CutSetFamily } from '../../model/cut-sets.js';

/** Tag in slot 0 of an encoded cut-set proposal (a product biasing holds a probability there). */
export const CUT_SET_TAG = -1;

/** The sampler's precomputed state for one family of cut sets. */
export type CutSetProposal = {
  readonly kind: 'cut-sets';
  /** S = Σ_j P(C_j). */
  readonly total: number;
  /** Cumulative P(C_j)/S, the last one 1. */
  readonly cumulative: Float64Array;
  /** Set j is comps[start[j] .. start[j + 1]). */
  readonly start: Int32Array;
  readonly comps: Int32Array;
  /** The sets holding component c: compSets[compStart[c] .. compStart[c + 1]). */
  readonly compStart: Int32Array;
  readonly compSets: Int32Array;
  /** 1 when the family is [[]] (the event always happens). */
  readonly emptySets: number;
  /** Components with q > 0, drawn exactly: down iff u32 < whole, or u32 = whole and a second u32 < frac. */
  readonly active: Int32Array;
  readonly whole: Float64Array;
  readonly frac: Float64Array;
  /** The same for the inflated v (defensive half). */
  readonly wholeV: Float64Array;
  readonly fracV: Float64Array;
  /** ln R = baseR + Σ_{i down} deltaR_i; psi_j = Π_{i∈C_j} q_i/v_i. */
  readonly baseR: number;
  readonly deltaR: Float64Array;
  readonly psi: Float64Array;
};

/** Share of trials drawn by the plain cut-set mixture (the rest by the inflated one). */
export const PLAIN_SHARE = 0.5;
/** Expected extra failures per inflated trial: v_i = max(q_i, min(½, INFLATION / F)). */
export const INFLATION = 0.2;

/** Packs a family into a Float64Array: [tag, J, |C_1|, C_1…, |C_2|, C_2…]. @example encodeCutSets([[1, 2]]) // [-1, 1, 2, 1, 2] */
export function encodeCutSets(sets: CutSetFamily): Float64Array {
  const out = [CUT_SET_TAG, sets.length];
  for (const s of sets) out.push(s.length, ...s);
  return Float64Array.from(out);
}

/** Unpacks encodeCutSets. @example decodeCutSets(encodeCutSets([[1, 2]])) // [[1, 2]] */
export function decodeCutSets(code: Float64Array): CutSetFamily {
  const J = code[1] ?? 0;
  const sets: number[][] = [];
  for (let j = 0, at = 2; j < J; j++) {
    const len = code[at] ?? 0;
    sets.push(Array.from(code.subarray(at + 1, at + 1 + len)));
    at += 1 + len;
  }
  return sets;
}

/**
 * Builds the sampler for a non-empty family, P(C_j) = exp(Σ ln q_i); only the components in
 * `drawn` (default: all) or in a set are drawn (see biasing in importance-kernel.ts).
 * @example cutSetProposal(m, [[0]]).total // q_0
 */
export function cutSetProposal(m: CompiledModel, sets: CutSetFamily, drawn?: Uint8Array): CutSetProposal {
  const C = m.componentCount;
  const J = sets.length;
  const prob = sets.map((s) => Math.exp(s.reduce((acc, i) => acc + Math.log(m.q[i] ?? 0), 0)));
  const total = prob.reduce((a, b) => a + b, 0);
  const cumulative = new Float64Array(J);
  let run = 0;
  prob.forEach((p, j) => {
    run += p;
    cumulative[j] = run / total;
  });
  if (J > 0) cumulative[J - 1] = 1;
  const start = new Int32Array(J + 1);
  for (const [j, s] of sets.entries()) start[j + 1] = (start[j] ?? 0) + s.length;
  const comps = Int32Array.from(sets.flat());
  const compStart = new Int32Array(C + 1);
  for (const c of comps) compStart[c + 1] = (compStart[c + 1] ?? 0) + 1;
  for (let c = 0; c < C; c++) compStart[c + 1] = (compStart[c + 1] ?? 0) + (compStart[c] ?? 0);
  const fill = compStart.slice(0, C);
  const compSets = new Int32Array(comps.length);
  for (const [j, s] of sets.entries()) {
    for (const c of s) {
      const at = fill[c] ?? 0;
      fill[c] = at + 1;
      compSets[at] = j;
    }
  }
  const F = compStart.reduce((n, x, c) => n + (c > 0 && x > (compStart[c - 1] ?? 0) ? 1 : 0), 0);
  const inflate = Math.min(0.5, INFLATION / Math.max(1, F));
  const v = Float64Array.from(m.q, (q, c) =>
    q < 1 && (compStart[c + 1] ?? 0) > (compStart[c] ?? 0) ? Math.max(q, inflate) : q,
  );
  const active: number[] = [];
  const whole = new Float64Array(C);
  const frac = new Float64Array(C);
  const wholeV = new Float64Array(C);
  const fracV = new Float64Array(C);
  const deltaR = new Float64Array(C);
  let baseR = 0;
  for (let c = 0; c < C; c++) {
    const q = m.q[c] ?? 0;
    const inSet = (compStart[c + 1] ?? 0) > (compStart[c] ?? 0);
    if (q <= 0 || (drawn !== undefined && drawn[c] !== 1 && !inSet)) continue;
    active.push(c);
    const vc = v[c] ?? q;
    [whole[c], frac[c]] = split(q);
    [wholeV[c], fracV[c]] = split(vc);
    if (vc === q) continue;
    const up = Math.log1p(-vc) - Math.log1p(-q);
    baseR += up;
    deltaR[c] = Math.log(vc) - Math.log(q) - up;
  }
  const psi = Float64Array.from(sets, (s) =>
    Math.exp(s.reduce((acc, i) => acc + Math.log(m.q[i] ?? 0) - Math.log(v[i] ?? 1), 0)),
  );
  const emptySets = sets.some((s) => s.length === 0) ? 1 : 0;
  return {
    kind: 'cut-sets',
    total,
    cumulative,
    start,
    comps,
    compStart,
    compSets,
    emptySets,
    active: Int32Array.from(active),
    whole,
    frac,
    wholeV,
    fracV,
    baseR,
    deltaR,
    psi,
  };
}

/** p·2^32 as an integer part and the fraction scaled to 2^32 (exact Bernoulli(p) from two u32). */
function split(p: number): [number, number] {
  const scaled = Math.min(1, p) * 4294967296;
  return [Math.floor(scaled), (scaled - Math.floor(scaled)) * 4294967296];
}

/** Sums from one chunk of weighted trials (as WeightedSums in importance-kernel.ts). */
type Sums = { readonly trials: number; readonly hits: number; readonly sumW: number; readonly sumW2: number };

/**
 * Runs `trials` cut-set trials for `event` (−1 service, t tier t): W = S/N(x) on the trials
 * where the evaluated structure confirms the event (all of them when the cut sets are right).
 * Hot kernel: one function on purpose, see random/rng.ts (the generator words stay in locals through the loop).
 */
export function runCutSetChunk(
  ev: StructureEvaluator,
  pr: CutSetProposal,
  event: number,
  seed: number,
  stream: number,
  chunk: number,
  trials: number,
  onHit?: (list: Int32Array, len: number, logW: number) => void,
): Sums {
  const st = chunkState(seed, stream, chunk);
  let a = (st[0] ?? 0) | 0;
  let b = (st[1] ?? 0) | 0;
  let c = (st[2] ?? 0) | 0;
  let d = (st[3] ?? 0) | 0;
  let t = 0;
  let x = 0;
  let y = 0;
  const { active, cumulative, start, comps, compStart, compSets, deltaR, psi } = pr;
  const plainBelow = PLAIN_SHARE * 4294967296;
  const A = active.length;
  const J = cumulative.length;
  const mark = new Uint8Array(compStart.length);
  const list = new Int32Array(compStart.length);
  const count = new Int32Array(J);
  const touched = new Int32Array(J);
  let hits = 0;
  let sumW = 0;
  let sumW2 = 0;
  for (let n = 0; n < trials; n++) {
    // j with probability P(C_j)/S: a 53-bit uniform, then binary search.
    t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    x = t >>> 0;
    t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    y = t >>> 0;
    const u = x * 2.3283064365386963e-10 + (y >>> 11) * 1.1102230246251565e-16;
    let lo = 0;
    let hi = J - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((cumulative[mid] ?? 1) > u) hi = mid;
      else lo = mid + 1;
    }
    t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    x = t >>> 0;
    const plain = x < plainBelow;
    const whole = plain ? pr.whole : pr.wholeV;
    const frac = plain ? pr.frac : pr.fracV;
    let len = 0;
    for (let k = 0; k < A; k++) {
      const comp = active[k] ?? 0;
      t = (((a + b) | 0) + d) | 0;
      d = (d + 1) | 0;
      a = b ^ (b >>> 9);
      b = (c + (c << 3)) | 0;
      c = (c << 21) | (c >>> 11);
      c = (c + t) | 0;
      x = t >>> 0;
      const w = whole[comp] ?? 0;
      let down = x < w;
      if (x === w) {
        t = (((a + b) | 0) + d) | 0;
        d = (d + 1) | 0;
        a = b ^ (b >>> 9);
        b = (c + (c << 3)) | 0;
        c = (c << 21) | (c >>> 11);
        c = (c + t) | 0;
        y = t >>> 0;
        down = y < (frac[comp] ?? 0);
      }
      if (down) {
        mark[comp] = 1;
        list[len++] = comp;
      }
    }
    const natural = len;
    for (let k = start[lo] ?? 0; k < (start[lo + 1] ?? 0); k++) {
      const comp = comps[k] ?? 0;
      if (mark[comp] === 0) {
        mark[comp] = 1;
        list[len++] = comp;
      }
    }
    for (let k = 0; k < len; k++) mark[list[k] ?? 0] = 0;
    // N(x): a minimal family has no other set inside C_j, so N = 1 without natural failures.
    let N = 1;
    let psiSum = psi[lo] ?? 0;
    if (natural > 0) {
      N = pr.emptySets;
      psiSum = pr.emptySets;
      let nt = 0;
      for (let k = 0; k < len; k++) {
        const comp = list[k] ?? 0;
        for (let e = compStart[comp] ?? 0; e < (compStart[comp + 1] ?? 0); e++) {
          const s = compSets[e] ?? 0;
          const cnt = (count[s] ?? 0) + 1;
          if (cnt === 1) touched[nt++] = s;
          count[s] = cnt;
          if (cnt === (start[s + 1] ?? 0) - (start[s] ?? 0)) {
            N++;
            psiSum += psi[s] ?? 0;
          }
        }
      }
      for (let k = 0; k < nt; k++) count[touched[k] ?? 0] = 0;
    }
    const sd = ev.evaluate(list, len);
    const hit = event < 0 ? sd : (ev.tierDown[event] ?? 0);
    if (hit === 0) continue;
    hits++;
    let logR = pr.baseR;
    for (let k = 0; k < len; k++) logR += deltaR[list[k] ?? 0] ?? 0;
    const w = pr.total / (PLAIN_SHARE * N + (1 - PLAIN_SHARE) * Math.exp(logR) * psiSum);
    sumW += w;
    sumW2 += w * w;
    if (onHit !== undefined) onHit(list, len, Math.log(w));
  }
  return { trials, hits, sumW, sumW2 };
}
