/**
 * The cut-set proposal of cut-set-sampling.ts, built once per family: the cumulative P(C_j)/S
 * to pick a set, each component's sets (to count N(x)), the exact Bernoulli thresholds of the
 * plain and the inflated draws, and the terms of the defensive half's ratio R(x) and ψ_j.
 */
import type { CompiledModel } from '../compile/compile.js';
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
