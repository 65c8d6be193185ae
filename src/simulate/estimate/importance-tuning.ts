/**
 * Chooses the importance-sampling proposal of one event.
 *
 * First choice: the mixture over the event's minimal cut sets (cut-set-sampling.ts), exact and
 * with bounded weights, whenever the cut sets can be enumerated within a budget.
 *
 * Fallback (too many cut sets): a mixture over the event's tier-level cut sets, the sets T of
 * tiers whose joint outage causes it (the service over tiers as basic events; [[t]] for tier
 * t; the event itself when they are too many), g = Σ_T α_T g_T, each g_T a member tuned for
 * "every tier of T down" (member-tuning.ts), α_T ∝ its pilot estimate of P(T down) (the balance
 * heuristic: each failure path is proposed by the member that knows it). A series of 5 tiers
 * over 20 zones fails through one tier at a time: one product measure for the whole service
 * must tilt all 100 nodes to make any one tier fail, and the 80 nodes of the other tiers then
 * only add likelihood-ratio noise (a per-trial relative variance near 600, against 8 for one
 * member per tier). Every member is a product measure with v ≥ q > 0 wherever q > 0, so the
 * mixture proposes every state that can occur, and W = p(x)/g(x) is exact (importance-kernel.ts).
 */
import type { CompiledModel } from '../compile/compile.js';
import { eventTiers, relevantComponents } from '../compile/relevance.js';
import type { StructureEvaluator } from '../compile/structure.js';
import { encodeCutSets } from '../kernels/cut-set-proposal.js';
import { biasing, encodeMixture, type Biasing } from '../kernels/importance-kernel.js';
import { MAX_CUT_SETS, minimalCutSets, serviceTierCutSets } from '../../model/cut-sets.js';
import { DEFENSIVE_ALPHA, tuneMember, type Member, type MemberTarget } from './member-tuning.js';

/** Most members of the fallback mixture: past this many tier-level cut sets, one member for the whole event. */
const MAX_MEMBERS = 32;

/** How the proposal was built. */
export type ProposalMethod = 'cut-sets' | 'tier-mixture';

/** A tuned proposal (`v` encodes it for a phase), or `undefined` when the event is impossible. */
export type Tuned =
  | {
      readonly bias: Biasing;
      readonly v: Float64Array;
      readonly method: ProposalMethod;
      readonly cutSets?: number;
      readonly members?: number;
    }
  | undefined;

/**
 * The event is possible, but no proposal can be tuned: Σ_j P(C_j) underflows (rarer than the
 * smallest double, so no weight is representable), or tuning would overrun its draw budget.
 */
export type Untunable = { readonly untunable: string };

/** Members tuned so far in one run, by target: a tier's run reuses the member the service's mixture tuned for it. */
export type TuningCache = Map<string, Member | undefined>;

/** Options: the cut-set budget (0 forces the fallback), the most component draws tuning may make, a cache shared by the events of a run. */
export type TuneOptions = { readonly maxCutSets?: number; readonly maxDraws?: number; readonly cache?: TuningCache };

/**
 * Tunes the proposal for `event` (−1 service, t tier t), deterministically from (seed, stream):
 * member i of a run's cache draws its pilots from stream + i.
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
  const drawn = relevantComponents(m, eventTiers(m, event));
  const sets = minimalCutSets(m, event, options.maxCutSets ?? MAX_CUT_SETS);
  if (sets !== undefined) {
    if (sets.length === 0) return undefined;
    const v = encodeCutSets(sets);
    const total = sets.reduce((sum, set) => sum + Math.exp(set.reduce((l, c) => l + Math.log(m.q[c] ?? 0), 0)), 0);
    if (!(total > 0))
      return { untunable: 'is rarer than 1e-300, below what a double holds: importance sampling cannot weigh it' };
    return { bias: biasing(m, v, drawn), v, method: 'cut-sets', cutSets: sets.length };
  }
  const cache = options.cache ?? new Map();
  const budget = { left: options.maxDraws ?? Infinity };
  const tuned: Member[] = [];
  for (const target of targetsOf(m, event)) {
    const key = target.allOf === undefined ? `event ${target.event}` : `all of ${target.allOf.join(',')}`;
    if (!cache.has(key)) {
      const member = tuneMember(m, ev, target, seed, stream + cache.size, budget);
      if (member === 'budget') {
        return {
          untunable: `has too many minimal cut sets to enumerate, and tuning a fallback proposal over its ${drawn.reduce((n, x) => n + x, 0).toLocaleString('en-US')} components would take over ${(options.maxDraws ?? Infinity).toExponential(1)} draws (a tenth of --max-work)`,
        };
      }
      cache.set(key, member);
    }
    const member = cache.get(key);
    if (member !== undefined) tuned.push(member);
  }
  if (tuned.length === 0) return undefined;
  const code = mixtureOf(tuned);
  return { bias: biasing(m, code, drawn), v: code, method: 'tier-mixture', members: tuned.length };
}

/** The members an event's mixture needs: one per tier-level cut set, or the event itself past MAX_MEMBERS. */
function targetsOf(m: CompiledModel, event: number): MemberTarget[] {
  const sets = event >= 0 ? [[event]] : serviceTierCutSets(m, MAX_MEMBERS);
  if (sets === undefined) return [{ tiers: eventTiers(m, event), event }];
  return sets.map((T) => ({ tiers: T, event, allOf: Int32Array.from(T) }));
}

/**
 * The encoded mixture Σ_T α_T (DEFENSIVE_ALPHA·tilt_T + (1 − DEFENSIVE_ALPHA)·ce_T), α_T ∝ the
 * member's estimate of its event (floored at 1e-6 of the largest, so no member is silent).
 */
function mixtureOf(members: readonly Member[]): Float64Array {
  const top = Math.max(...members.map((x) => x.estimate));
  const raw = members.map((x) => (top > 0 ? Math.max(x.estimate, 1e-6 * top) : 1));
  const sum = raw.reduce((a, b) => a + b, 0);
  const alpha = raw.flatMap((a) => [(a / sum) * DEFENSIVE_ALPHA, (a / sum) * (1 - DEFENSIVE_ALPHA)]);
  return encodeMixture(
    alpha,
    members.flatMap((x) => [x.tilt, x.ce]),
  );
}
