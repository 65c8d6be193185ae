/**
 * Chooses the importance-sampling proposal of one event.
 *
 * First choice: the mixture over the event's minimal cut sets (cut-set-sampling.ts), exact and
 * with bounded weights, whenever the cut sets can be enumerated within a budget.
 *
 * Fallback (too many cut sets): a defensive mixture g = α·g_tilt + (1 − α)·g_CE of two product
 * measures. g_tilt is a uniform tilt in log-odds, logit v_i = logit q_i + τ, with τ raised until
 * the event is common enough to see; it proposes every failure path in proportion to its own
 * odds, so no path is starved. g_CE is tuned by the cross-entropy method for independent
 * Bernoulli components (Rubinstein & Kroese, Simulation and the Monte Carlo Method, 3rd ed.,
 * §8.3, Example 8.6): v_i ← Σ W·1{event}·x_i / Σ W·1{event}, whose fixed point is P(x_i = 1 |
 * event). CE alone collapses on events with several failure paths (a path it under-samples in
 * one round gets a smaller v in the next, until it is never drawn: a biased estimate with an
 * over-confident interval); sampling its pilots from the mixture keeps every path in sight.
 */
import type { CompiledModel } from '../compile/compile.js';
import { encodeCutSets } from '../kernels/cut-set-sampling.js';
import { MAX_CUT_SETS, minimalCutSets } from '../../model/cut-sets.js';
import { biasing, encodeMixture, runImportanceChunk, type Biasing } from '../kernels/importance-kernel.js';
import type { StructureEvaluator } from '../compile/structure.js';

const PILOT = 8000;
const ITERATIONS = 6;
const SMOOTHING = 0.7;
const V_MAX = 0.99;
/** Weight of the defensive (uniformly tilted) member of the fallback mixture. */
export const DEFENSIVE_ALPHA = 0.3;

/** How the proposal was built. */
export type ProposalMethod = 'cut-sets' | 'defensive-mixture';

/** A tuned proposal (`v` encodes it for a phase), or `undefined` when the event is impossible. */
export type Tuned =
  | { readonly bias: Biasing; readonly v: Float64Array; readonly method: ProposalMethod; readonly cutSets?: number }
  | undefined;

/**
 * The event is possible, but no proposal can be tuned: Σ_j P(C_j) underflows (rarer than the
 * smallest double, so no weight is representable), or tuning would overrun its draw budget.
 */
export type Untunable = { readonly untunable: string };

/** Trials the fallback's tuning may run: 81 tilt steps of PILOT/8, then ITERATIONS of PILOT. */
const TUNING_TRIALS = 81 * (PILOT / 8) + ITERATIONS * PILOT;

/** Options: the cut-set budget (0 forces the fallback), and the most component draws tuning may make. */
export type TuneOptions = { readonly maxCutSets?: number; readonly maxDraws?: number };

/**
 * Tunes the proposal for `event` (−1 service, t tier t), deterministically from (seed, stream).
 * @example tuneBiasing(m, new StructureEvaluator(m), 0, 1, 1 << 20)?.method // 'cut-sets'
 */
export function tuneBiasing(
  m: CompiledModel,
  ev: StructureEvaluator,
  event: number,
  seed: number,
  stream: number,
  options: TuneOptions = {},
): Tuned | Untunable {
  const sets = minimalCutSets(m, event, options.maxCutSets ?? MAX_CUT_SETS);
  if (sets !== undefined) {
    if (sets.length === 0) return undefined;
    const v = encodeCutSets(sets);
    const total = sets.reduce((sum, set) => sum + Math.exp(set.reduce((l, c) => l + Math.log(m.q[c] ?? 0), 0)), 0);
    if (!(total > 0))
      return { untunable: 'is rarer than 1e-300, below what a double holds: importance sampling cannot weigh it' };
    return { bias: biasing(m, v), v, method: 'cut-sets', cutSets: sets.length };
  }
  const draws = TUNING_TRIALS * m.componentCount;
  if (options.maxDraws !== undefined && draws > options.maxDraws) {
    return {
      untunable: `has too many minimal cut sets to enumerate, and tuning a fallback proposal over ${m.componentCount.toLocaleString('en-US')} components would take ${draws.toExponential(1)} draws (over a tenth of --max-work)`,
    };
  }
  return defensiveMixture(m, ev, event, seed, stream);
}

function defensiveMixture(
  m: CompiledModel,
  ev: StructureEvaluator,
  event: number,
  seed: number,
  stream: number,
): Tuned {
  const C = m.componentCount;
  const relevant = relevantComponents(m, event);
  let chunk = 0;
  const tilt = (tau: number): Float64Array => {
    const v = new Float64Array(C);
    for (let i = 0; i < C; i++) {
      const q = m.q[i] ?? 0;
      v[i] =
        q <= 0 || q >= 1 || relevant[i] === 0
          ? q
          : Math.min(V_MAX, Math.max(q, 1 / (1 + Math.exp(-(Math.log(q) - Math.log1p(-q) + tau)))));
    }
    return v;
  };
  let defensive: Float64Array | undefined;
  for (let tau = 0; tau <= 40; tau += 0.5) {
    const cand = tilt(tau);
    const r = runImportanceChunk(ev, biasing(m, cand), event, seed, stream, chunk++, PILOT / 8);
    if (r.hits >= PILOT / 80) {
      defensive = cand;
      break;
    }
  }
  if (defensive === undefined) return undefined;
  const mix = (v: Float64Array): Float64Array => encodeMixture([DEFENSIVE_ALPHA, 1 - DEFENSIVE_ALPHA], [defensive, v]);
  let v = defensive;
  for (let it = 0; it < ITERATIONS; it++) {
    const lists: number[][] = [];
    const logWs: number[] = [];
    runImportanceChunk(ev, biasing(m, mix(v)), event, seed, stream, chunk++, PILOT, (list, len, logW) => {
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
  const code = mix(v);
  return { bias: biasing(m, code), v: code, method: 'defensive-mixture' };
}

/**
 * Components that can matter to the event: the nodes of its tiers (every tier for the
 * service), their zones and those zones' regions. Tilting any other component only adds
 * likelihood-ratio noise (its conditional law given the event is its own).
 */
export function relevantComponents(m: CompiledModel, event: number): Uint8Array {
  const R = m.regionCount;
  const Z = m.zoneCount;
  const out = new Uint8Array(m.componentCount);
  for (let n = 0; n < m.nodeCount; n++) {
    if (event >= 0 && m.nodeTier[n] !== event) continue;
    out[R + Z + n] = 1;
    const z = m.nodeZone[n] ?? -1;
    if (z < 0) continue;
    out[R + z] = 1;
    const r = m.zoneRegion[z] ?? -1;
    if (r >= 0) out[r] = 1;
  }
  return out;
}
