/**
 * Tunes the failure biasing of one event by the cross-entropy method for independent Bernoulli
 * components (Rubinstein & Kroese, Simulation and the Monte Carlo Method, 3rd ed., §8.3 and
 * Example 8.6): v_i ← Σ W·1{event}·x_i / Σ W·1{event}, whose fixed point is the conditional
 * failure probability P(x_i = 1 | event), the zero-variance biasing among product measures.
 * It starts from a uniform tilt in log-odds, logit v_i = logit q_i + τ, raised until the
 * event is common enough to see.
 */
import type { CompiledModel } from './compile.js';
import { biasing, runImportanceChunk, type Biasing } from './importance-kernel.js';
import type { StructureEvaluator } from './structure.js';

const PILOT = 4000;
const ITERATIONS = 6;
const SMOOTHING = 0.7;
const V_MAX = 0.999;

/** A tuned biasing, or `undefined` when no tilt makes the event occur (it is impossible). */
export type Tuned = { readonly bias: Biasing; readonly v: Float64Array } | undefined;

/** Tunes the biasing for `event` (−1 service, t tier t), deterministically from (seed, stream). */
export function tuneBiasing(
  m: CompiledModel,
  ev: StructureEvaluator,
  event: number,
  seed: number,
  stream: number,
): Tuned {
  const C = m.componentCount;
  let chunk = 0;
  const tilt = (tau: number): Float64Array => {
    const v = new Float64Array(C);
    for (let i = 0; i < C; i++) {
      const q = m.q[i] ?? 0;
      v[i] = q <= 0 || q >= 1 ? q : Math.min(V_MAX, Math.max(q, 1 / (1 + Math.exp(-(Math.log(q) - Math.log1p(-q) + tau)))));
    }
    return v;
  };
  let v: Float64Array | undefined;
  for (let tau = 0; tau <= 40; tau += 0.5) {
    const cand = tilt(tau);
    const r = runImportanceChunk(ev, biasing(m, cand), event, seed, stream, chunk++, PILOT / 4);
    if (r.hits >= PILOT / 40) {
      v = cand;
      break;
    }
  }
  if (v === undefined) return undefined;
  for (let it = 0; it < ITERATIONS; it++) {
    const bias = biasing(m, v);
    const lists: number[][] = [];
    const logWs: number[] = [];
    runImportanceChunk(ev, bias, event, seed, stream, chunk++, PILOT, (list, len, logW) => {
      lists.push(Array.from(list.subarray(0, len)));
      logWs.push(logW);
    });
    if (lists.length === 0) break;
    const top = Math.max(...logWs);
    const num = new Float64Array(C);
    let den = 0;
    lists.forEach((list, j) => {
      const w = Math.exp((logWs[j] ?? top) - top);
      den += w;
      for (const i of list) num[i] = (num[i] ?? 0) + w;
    });
    const next = new Float64Array(C);
    for (let i = 0; i < C; i++) {
      const q = m.q[i] ?? 0;
      if (q <= 0 || q >= 1) {
        next[i] = q;
        continue;
      }
      const target = Math.min(V_MAX, Math.max(q, (num[i] ?? 0) / den));
      next[i] = SMOOTHING * target + (1 - SMOOTHING) * (v[i] ?? q);
    }
    v = next;
  }
  return { bias: biasing(m, v), v };
}
