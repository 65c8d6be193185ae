/**
 * Tunes one member of the fallback proposal (importance-tuning.ts): a defensive mixture
 * g = α·g_tilt + (1 − α)·g_CE of two product measures for the event "every tier of T is down"
 * (or one event), drawing only the components the event depends on (compile/relevance.ts).
 *
 * g_tilt is a uniform tilt in log-odds, logit v_i = logit q_i + τ, τ raised in steps of ½ until
 * the event is common enough to see; it proposes every failure path in proportion to its own
 * odds, so no path is starved. g_CE is tuned by the cross-entropy method for independent
 * Bernoulli components (Rubinstein & Kroese, Simulation and the Monte Carlo Method, 3rd ed.,
 * §8.3, Example 8.6) with the components of a class (componentClasses) sharing one
 * probability: v_k ← Σ W·1{event}·d_k / (|k|·Σ W·1{event}), d_k the class's down components,
 * whose fixed point is E[d_k | event]/|k|. Tying keeps the fit to a few parameters, so a few
 * thousand pilot trials fit it (120 components of 20 zones × 5 tiers: 2 classes per tier).
 * Sampling the pilots from the mixture keeps every path in sight (CE alone collapses on events
 * with several failure paths: a path under-sampled in one round gets a smaller v in the next).
 */
import type { CompiledModel } from '../compile/compile.js';
import { componentClasses, relevantComponents } from '../compile/relevance.js';
import type { StructureEvaluator } from '../compile/structure.js';
import { biasing, encodeMixture, runImportanceChunk } from '../kernels/importance-kernel.js';

/** Trials of each tilt step, and the hits (1%) that end the search. */
const TILT_TRIALS = 1000;
const TILT_HITS = 10;
const TILT_MAX = 40;
/** Trials of each cross-entropy round, the rounds, and the smoothing of each update. */
const CE_TRIALS = 2000;
const CE_ROUNDS = 5;
const SMOOTHING = 0.7;
const V_MAX = 0.99;
/** Weight of the defensive (uniformly tilted) half of a member. */
export const DEFENSIVE_ALPHA = 0.3;

/** What a member targets: the event on `tiers` (−1 the service, t tier t), or with `allOf` every tier listed down. */
export type MemberTarget = { readonly tiers: readonly number[]; readonly event: number; readonly allOf?: Int32Array };

/** A tuned member: its two product measures (one v per component), and P̂(event) from its last round. */
export type Member = { readonly tilt: Float64Array; readonly ce: Float64Array; readonly estimate: number };

/** Component draws left to tuning; a pilot that would overrun it is not run. */
export type DrawBudget = { left: number };

/** A member, `undefined` when no tilt reaches the event, or 'budget' when the draws ran out first. */
export function tuneMember(
  m: CompiledModel,
  ev: StructureEvaluator,
  target: MemberTarget,
  seed: number,
  stream: number,
  budget: DrawBudget,
): Member | undefined | 'budget' {
  const relevant = relevantComponents(m, target.tiers);
  const classes = componentClasses(m, relevant, target.tiers);
  let drawnCount = 0;
  for (let c = 0; c < m.componentCount; c++) if (relevant[c] === 1 && (m.q[c] ?? 0) > 0) drawnCount++;
  let chunk = 0;
  const pilot = (code: Float64Array, trials: number, onHit?: (list: Int32Array, len: number, logW: number) => void) => {
    budget.left -= trials * drawnCount;
    const bias = biasing(m, code, relevant);
    return runImportanceChunk(ev, bias, target.event, seed, stream, chunk++, trials, onHit, target.allOf);
  };
  let tilt: Float64Array | undefined;
  for (let tau = 0; tau <= TILT_MAX && tilt === undefined; tau += 0.5) {
    if (budget.left < TILT_TRIALS * drawnCount) return 'budget';
    const cand = tilted(m, classes.classOf, tau);
    if (pilot(cand, TILT_TRIALS).hits >= TILT_HITS) tilt = cand;
  }
  if (tilt === undefined) return undefined;
  const defensive = tilt;
  const mix = (v: Float64Array): Float64Array => encodeMixture([DEFENSIVE_ALPHA, 1 - DEFENSIVE_ALPHA], [defensive, v]);
  const K = classes.size.length;
  let v = tilt;
  let estimate = 0;
  for (let round = 0; round < CE_ROUNDS; round++) {
    if (budget.left < CE_TRIALS * drawnCount) return 'budget';
    const logWs: number[] = [];
    const counts: number[] = [];
    const r = pilot(mix(v), CE_TRIALS, (list, len, logW) => {
      logWs.push(logW);
      const at = counts.length;
      for (let k = 0; k < K; k++) counts.push(0);
      for (let j = 0; j < len; j++) {
        const k = classes.classOf[list[j] ?? 0] ?? -1;
        if (k >= 0) counts[at + k] = (counts[at + k] ?? 0) + 1;
      }
    });
    estimate = r.sumW / r.trials;
    if (logWs.length === 0) break;
    v = crossEntropyStep(m, classes, v, logWs, counts);
  }
  return { tilt, ce: v, estimate };
}

/** The uniform tilt by τ in log-odds of the classed components, capped at V_MAX; the others keep q. */
function tilted(m: CompiledModel, classOf: Int32Array, tau: number): Float64Array {
  return Float64Array.from(m.q, (q, c) =>
    (classOf[c] ?? -1) < 0
      ? q
      : Math.min(V_MAX, Math.max(q, 1 / (1 + Math.exp(-(Math.log(q) - Math.log1p(-q) + tau))))),
  );
}

/** One smoothed cross-entropy update of the tied probabilities from the weighted hits of a round. */
function crossEntropyStep(
  m: CompiledModel,
  classes: ReturnType<typeof componentClasses>,
  v: Float64Array,
  logWs: readonly number[],
  counts: readonly number[],
): Float64Array {
  const K = classes.size.length;
  const top = Math.max(...logWs);
  const num = new Float64Array(K);
  let den = 0;
  logWs.forEach((logW, h) => {
    const w = Math.exp(logW - top);
    den += w;
    for (let k = 0; k < K; k++) num[k] = (num[k] ?? 0) + w * (counts[h * K + k] ?? 0);
  });
  const target = Float64Array.from(num, (x, k) =>
    Math.min(V_MAX, Math.max(classes.q[k] ?? 0, x / (den * (classes.size[k] ?? 1)))),
  );
  return Float64Array.from(m.q, (q, c) => {
    const k = classes.classOf[c] ?? -1;
    return k < 0 ? q : SMOOTHING * (target[k] ?? q) + (1 - SMOOTHING) * (v[c] ?? q);
  });
}
