/**
 * The importance-sampling snapshot kernel (failure biasing): component i is drawn down with a
 * biased probability v_i instead of its q_i, and each trial that hits the event carries the
 * likelihood ratio W = Π_i (q_i / v_i)^{x_i} · ((1 − q_i) / (1 − v_i))^{1 − x_i}, so that
 * E_v[W·1{event}] = P_q(event) exactly (Rubinstein & Kroese, Simulation and the Monte Carlo
 * Method, 3rd ed., §5.7). The v_i are quantised to k / 2^32 and W uses the quantised values.
 */
import type { CompiledModel } from './compile.js';
import { chunkState } from './rng.js';
import type { StructureEvaluator } from './structure.js';

/** A biasing: per-component integer thresholds and log-likelihood terms. */
export type Biasing = {
  /** Component down when its uint32 draw < threshold (v = threshold / 2^32). */
  readonly threshold: Float64Array;
  /** Components with q > 0, the only ones drawn. */
  readonly active: Int32Array;
  /** ln W = base + Σ_{i down} delta_i. */
  readonly base: number;
  readonly delta: Float64Array;
};

/** Sums from one chunk of weighted trials. */
export type WeightedSums = {
  readonly trials: number;
  /** Trials that hit the event. */
  readonly hits: number;
  /** Σ W·1{event} and Σ (W·1{event})². */
  readonly sumW: number;
  readonly sumW2: number;
};

/**
 * Builds a biasing from the biased probabilities v (clamped to keep 0 < v < 1 where 0 < q < 1).
 * @example biasing(model, Float64Array.of(0.5)).threshold[0] // 2147483648
 */
export function biasing(m: CompiledModel, v: Float64Array): Biasing {
  const C = m.componentCount;
  const threshold = new Float64Array(C);
  const delta = new Float64Array(C);
  const active: number[] = [];
  let base = 0;
  for (let i = 0; i < C; i++) {
    const q = m.q[i] ?? 0;
    if (q <= 0) continue;
    active.push(i);
    if (q >= 1) {
      threshold[i] = 4294967296;
      continue;
    }
    const k = Math.min(4294967295, Math.max(1, Math.round((v[i] ?? q) * 4294967296)));
    threshold[i] = k;
    const vq = k / 4294967296;
    const up = Math.log1p(-q) - Math.log1p(-vq);
    base += up;
    delta[i] = Math.log(q) - Math.log(vq) - up;
  }
  return { threshold, active: Int32Array.from(active), base, delta };
}

/**
 * Runs `trials` biased trials of chunk `chunk` for one event: event −1 is the service,
 * event t ≥ 0 is tier t.
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
): WeightedSums {
  const st = chunkState(seed, stream, chunk);
  let a = (st[0] ?? 0) | 0;
  let b = (st[1] ?? 0) | 0;
  let c = (st[2] ?? 0) | 0;
  let d = (st[3] ?? 0) | 0;
  const active = bias.active;
  const A = active.length;
  const list = new Int32Array(A);
  let hits = 0;
  let sumW = 0;
  let sumW2 = 0;
  for (let n = 0; n < trials; n++) {
    let len = 0;
    let logW = bias.base;
    for (let j = 0; j < A; j++) {
      const comp = active[j] ?? 0;
      const t = (((a + b) | 0) + d) | 0;
      d = (d + 1) | 0;
      a = b ^ (b >>> 9);
      b = (c + (c << 3)) | 0;
      c = (c << 21) | (c >>> 11);
      c = (c + t) | 0;
      if (t >>> 0 < (bias.threshold[comp] ?? 0)) {
        list[len++] = comp;
        logW += bias.delta[comp] ?? 0;
      }
    }
    const sd = ev.evaluate(list, len);
    const hit = event < 0 ? sd : (ev.tierDown[event] ?? 0);
    if (hit === 0) continue;
    hits++;
    const w = Math.exp(logW);
    sumW += w;
    sumW2 += w * w;
    if (onHit !== undefined) onHit(list, len, logW);
  }
  return { trials, hits, sumW, sumW2 };
}
