/**
 * The importance-sampling snapshot kernel. Two proposals:
 * - failure biasing by a defensive mixture of product measures g = Σ_k α_k g_k, where g_k
 *   draws component i down with probability v_ki instead of q_i (Hesterberg, "Weighted average
 *   importance sampling and defensive mixture distributions", Technometrics 37 (1995) 185–194);
 *   a trial that hits the event carries W = p(x)/g(x) = 1 / Σ_k α_k Π_i (v_ki/q_i)^{x_i}
 *   ((1 − v_ki)/(1 − q_i))^{1 − x_i}, so E_g[W·1{event}] = P_q(event) exactly (Rubinstein &
 *   Kroese, Simulation and the Monte Carlo Method, 3rd ed., §5.7). The v_ki are quantised to
 *   n / 2^32 and W uses the quantised values. One member (K = 1) is plain failure biasing.
 * - the mixture over minimal cut sets (cut-set-sampling.ts), when they can be enumerated.
 */
import type { CompiledModel } from '../compile/compile.js';
import { CUT_SET_TAG, cutSetProposal, decodeCutSets, type CutSetProposal } from './cut-set-proposal.js';
import { runCutSetChunk } from './cut-set-sampling.js';
import { chunkState } from '../random/rng.js';
import type { StructureEvaluator } from '../compile/structure.js';

/** Tag in slot 0 of an encoded product mixture: [tag, K, α_1..α_K, v_1 (C values) … v_K]. */
export const MIXTURE_TAG = -2;

/** A mixture of K product biasings: per member integer thresholds and log-likelihood terms. */
export type ProductMixture = {
  readonly kind: 'product';
  readonly members: number;
  /** ln α_k. */
  readonly logAlpha: Float64Array;
  /** Cumulative α_k scaled to 2^32 (member k when u32 < cumAlpha[k]). */
  readonly cumAlpha: Float64Array;
  /** Component c down under member k when its uint32 draw < threshold[k·C + c] (v = threshold / 2^32). */
  readonly threshold: Float64Array;
  /** Components with q > 0, the only ones drawn. */
  readonly active: Int32Array;
  /** ln p/g_k = base[k] + Σ_{i down} delta[k·C + i]. */
  readonly base: Float64Array;
  readonly delta: Float64Array;
};

/** What a phase samples from: a product mixture or the cut-set mixture. */
export type Biasing = ProductMixture | CutSetProposal;

/** Sums from one chunk of weighted trials. */
export type WeightedSums = {
  readonly trials: number;
  /** Trials that hit the event. */
  readonly hits: number;
  /** Σ W·1{event} and Σ (W·1{event})². */
  readonly sumW: number;
  readonly sumW2: number;
};

/** Packs a product mixture for a phase. @example encodeMixture([1], [v]) // [-2, 1, 1, ...v] */
export function encodeMixture(alpha: readonly number[], members: readonly Float64Array[]): Float64Array {
  const out = [MIXTURE_TAG, alpha.length, ...alpha];
  for (const v of members) out.push(...v);
  return Float64Array.from(out);
}

/**
 * Builds the sampler from an encoded proposal: a cut-set family (encodeCutSets), a product
 * mixture (encodeMixture), or plain biased probabilities v (one per component). Each v is
 * clamped to keep 0 < v < 1 where 0 < q < 1. Only components marked in `drawn` (default: all)
 * are drawn, the others stay up: exact for an event that does not depend on them
 * (compile/relevance.ts), whose likelihood ratio is then 1 whatever their v.
 * @example biasing(model, Float64Array.of(0.5)) // one member, threshold[0] = 2147483648
 */
export function biasing(m: CompiledModel, code: Float64Array, drawn?: Uint8Array): Biasing {
  const C = m.componentCount;
  if (code.length > 0 && code[0] === CUT_SET_TAG) return cutSetProposal(m, decodeCutSets(code), drawn);
  const mixed = code.length > 0 && code[0] === MIXTURE_TAG;
  const K = mixed ? (code[1] ?? 1) : 1;
  const alpha = mixed ? Array.from(code.subarray(2, 2 + K)) : [1];
  const vs = mixed ? alpha.map((_, k) => code.subarray(2 + K + k * C, 2 + K + (k + 1) * C)) : [code];
  const threshold = new Float64Array(K * C);
  const delta = new Float64Array(K * C);
  const base = new Float64Array(K);
  const active: number[] = [];
  for (let i = 0; i < C; i++) if ((m.q[i] ?? 0) > 0 && (drawn === undefined || drawn[i] === 1)) active.push(i);
  vs.forEach((v, k) => {
    for (const i of active) {
      const q = m.q[i] ?? 0;
      if (q >= 1) {
        threshold[k * C + i] = 4294967296;
        continue;
      }
      const n = Math.min(4294967295, Math.max(1, Math.round((v[i] ?? q) * 4294967296)));
      threshold[k * C + i] = n;
      const vq = n / 4294967296;
      const up = Math.log1p(-q) - Math.log1p(-vq);
      base[k] = (base[k] ?? 0) + up;
      delta[k * C + i] = Math.log(q) - Math.log(vq) - up;
    }
  });
  const total = alpha.reduce((s, x) => s + x, 0);
  const cumAlpha = new Float64Array(K);
  let run = 0;
  for (const [k, x] of alpha.entries()) {
    run += x;
    cumAlpha[k] = k === K - 1 ? 4294967296 : Math.round((run / total) * 4294967296);
  }
  const logAlpha = Float64Array.from(alpha, (_, k) =>
    Math.log(((cumAlpha[k] ?? 0) - (k > 0 ? (cumAlpha[k - 1] ?? 0) : 0)) / 4294967296),
  );
  return { kind: 'product', members: K, logAlpha, cumAlpha, threshold, active: Int32Array.from(active), base, delta };
}

/**
 * Runs `trials` biased trials of chunk `chunk` for one event: event −1 is the service,
 * event t ≥ 0 is tier t, and with `allOf` the event that every tier it lists is down (the
 * tuning of a mixture member). `onHit` sees the down components and ln W of each hit.
 */
export function runImportanceChunk(
  ev: StructureEvaluator,
  bias: Biasing,
  event: number,
  seed: number,
  stream: number,
  chunk: number,
  trials: number,
  onHit?: (list: Int32Array, len: number, logW: number) => void,
  allOf?: Int32Array,
): WeightedSums {
  if (bias.kind === 'cut-sets') return runCutSetChunk(ev, bias, event, seed, stream, chunk, trials, onHit);
  const st = chunkState(seed, stream, chunk);
  let a = (st[0] ?? 0) | 0;
  let b = (st[1] ?? 0) | 0;
  let c = (st[2] ?? 0) | 0;
  let d = (st[3] ?? 0) | 0;
  const active = bias.active;
  const A = active.length;
  const K = bias.members;
  const C = K > 0 ? bias.threshold.length / K : 0;
  const list = new Int32Array(A);
  const logR = new Float64Array(K);
  let hits = 0;
  let sumW = 0;
  let sumW2 = 0;
  for (let n = 0; n < trials; n++) {
    let off = 0;
    if (K > 1) {
      const t = (((a + b) | 0) + d) | 0;
      d = (d + 1) | 0;
      a = b ^ (b >>> 9);
      b = (c + (c << 3)) | 0;
      c = (c << 21) | (c >>> 11);
      c = (c + t) | 0;
      let k = 0;
      while (k < K - 1 && t >>> 0 >= (bias.cumAlpha[k] ?? 0)) k++;
      off = k * C;
    }
    let len = 0;
    for (let j = 0; j < A; j++) {
      const comp = active[j] ?? 0;
      const t = (((a + b) | 0) + d) | 0;
      d = (d + 1) | 0;
      a = b ^ (b >>> 9);
      b = (c + (c << 3)) | 0;
      c = (c << 21) | (c >>> 11);
      c = (c + t) | 0;
      if (t >>> 0 < (bias.threshold[off + comp] ?? 0)) list[len++] = comp;
    }
    const sd = ev.evaluate(list, len);
    let hit = allOf !== undefined ? 1 : event < 0 ? sd : (ev.tierDown[event] ?? 0);
    if (allOf !== undefined) for (let i = 0; i < allOf.length; i++) hit &= ev.tierDown[allOf[i] ?? 0] ?? 0;
    if (hit === 0) continue;
    hits++;
    const logW = mixtureLogWeight(bias, list, len, logR);
    const w = Math.exp(logW);
    sumW += w;
    sumW2 += w * w;
    if (onHit !== undefined) onHit(list, len, logW);
  }
  return { trials, hits, sumW, sumW2 };
}

/** ln W = −ln Σ_k α_k e^{−L_k}, L_k = ln p/g_k, by log-sum-exp. */
function mixtureLogWeight(bias: ProductMixture, list: Int32Array, len: number, logR: Float64Array): number {
  const K = bias.members;
  const C = bias.threshold.length / K;
  let top = -Infinity;
  for (let k = 0; k < K; k++) {
    let L = bias.base[k] ?? 0;
    for (let j = 0; j < len; j++) L += bias.delta[k * C + (list[j] ?? 0)] ?? 0;
    const e = (bias.logAlpha[k] ?? 0) - L;
    logR[k] = e;
    if (e > top) top = e;
  }
  if (K === 1) return -top;
  let s = 0;
  for (let k = 0; k < K; k++) s += Math.exp((logR[k] ?? 0) - top);
  return -(top + Math.log(s));
}
