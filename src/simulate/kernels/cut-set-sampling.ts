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
import { chunkState } from '../random/rng.js';
import type { StructureEvaluator } from '../compile/structure.js';
import { PLAIN_SHARE, type CutSetProposal } from './cut-set-proposal.js';

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
