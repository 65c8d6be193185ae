import { tiersOf, type Structure } from '../../model/resolve.js';
import { ALWAYS_DOWN, ALWAYS_UP, atLeast, parallel, series, type Pair } from './pair.js';

/** Evaluates the service structure from the tiers' (a, q) pairs, indexed like `model.tiers`. */
export type ServiceEvaluator = (tiers: readonly Pair[]) => Pair;

/**
 * Compiles the resolved structure into an exact evaluator of its static part: `all` is
 * series, `any` parallel, `atLeast` a Poisson-binomial on the children, all carrying (a, q)
 * pairs; a failover node is `any` of its primary and standby (the switchover windows are
 * added by the failover analysis, not here) unless `forced` pins its state (for its
 * Birnbaum importance). Children are independent unless a tier appears more than once; such
 * tiers are conditioned on (Σ over their up/down states of P(state) · value), which keeps
 * the result exact.
 * @example compileService({ kind: 'tier', tier: 0 })([{ a: 0.9, q: 0.1 }]).q // 0.1
 */
export function compileService(structure: Structure, forced: ReadonlyMap<number, Pair> = new Map()): ServiceEvaluator {
  const uses = new Map<number, number>();
  countUses(structure, forced, uses);
  const repeated = [...uses].filter(([, n]) => n > 1).map(([i]) => i);
  const direct = (tiers: readonly Pair[]): Pair => evaluate(structure, tiers, forced);
  if (repeated.length === 0) return direct;
  return (tiers) => {
    let a = 0;
    let q = 0;
    const pinned = [...tiers];
    const combos = 1 << repeated.length;
    for (let mask = 0; mask < combos; mask++) {
      let w = 1;
      repeated.forEach((t, bit) => {
        const up = (mask >> bit) & 1;
        const pair = tiers[t] ?? ALWAYS_DOWN;
        w *= up ? pair.a : pair.q;
        pinned[t] = up ? ALWAYS_UP : ALWAYS_DOWN;
      });
      if (w === 0) continue;
      const r = direct(pinned);
      a += w * r.a;
      q += w * r.q;
    }
    return { a, q };
  };
}

function countUses(s: Structure, forced: ReadonlyMap<number, Pair>, uses: Map<number, number>): void {
  if (s.kind === 'failover' && forced.has(s.index)) return;
  if (s.kind === 'tier') {
    uses.set(s.tier, (uses.get(s.tier) ?? 0) + 1);
    return;
  }
  for (const child of children(s)) countUses(child, forced, uses);
}

/** The sub-structures of a node (none for a tier). */
export function children(s: Structure): readonly Structure[] {
  switch (s.kind) {
    case 'tier':
      return [];
    case 'all':
    case 'any':
    case 'atLeast':
      return s.of;
    case 'failover':
      return [s.primary, s.standby];
    default: {
      const never: never = s;
      throw new Error(`unknown structure ${JSON.stringify(never)}`);
    }
  }
}

function evaluate(s: Structure, tiers: readonly Pair[], forced: ReadonlyMap<number, Pair>): Pair {
  switch (s.kind) {
    case 'tier':
      return tiers[s.tier] ?? ALWAYS_DOWN;
    case 'all':
      return series(s.of.map((c) => evaluate(c, tiers, forced)));
    case 'any':
      return parallel(s.of.map((c) => evaluate(c, tiers, forced)));
    case 'atLeast':
      return atLeast(
        s.k,
        s.of.map((c) => evaluate(c, tiers, forced)),
      );
    case 'failover':
      return forced.get(s.index) ?? parallel([evaluate(s.primary, tiers, forced), evaluate(s.standby, tiers, forced)]);
    default: {
      const never: never = s;
      throw new Error(`unknown structure ${JSON.stringify(never)}`);
    }
  }
}

/** Indices of the tiers the structure mentions. */
export function tiersIn(s: Structure): Set<number> {
  return new Set(tiersOf(s));
}
