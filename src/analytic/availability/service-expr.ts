import type { ServiceExpr } from '../../model/types.js';
import { ALWAYS_DOWN, ALWAYS_UP, atLeast, parallel, series, type Pair } from './pair.js';

/** Evaluates the service expression from the tiers' (a, q) pairs, indexed like `model.tiers`. */
export type ServiceEvaluator = (tiers: readonly Pair[]) => Pair;

/**
 * Compiles the service expression into an exact evaluator: `all` is series, `any` parallel,
 * `atLeast` a Poisson-binomial on the children, all carrying (a, q) pairs. Children are
 * independent unless a tier appears more than once; such tiers are conditioned on
 * (Σ over their up/down states of P(state) · value), which keeps the result exact.
 * @example compileService({ kind: 'tier', tier: 'web' }, ['web'])([{ a: 0.9, q: 0.1 }]).q // 0.1
 */
export function compileService(expr: ServiceExpr, tierNames: readonly string[]): ServiceEvaluator {
  const index = new Map(tierNames.map((name, i) => [name, i] as const));
  const uses = new Map<number, number>();
  countUses(expr, index, uses);
  const repeated = [...uses].filter(([, n]) => n > 1).map(([i]) => i);
  const direct = (tiers: readonly Pair[]): Pair => evaluate(expr, index, tiers);
  if (repeated.length === 0) return direct;
  return (tiers) => {
    let a = 0;
    let q = 0;
    const forced = [...tiers];
    const combos = 1 << repeated.length;
    for (let mask = 0; mask < combos; mask++) {
      let w = 1;
      repeated.forEach((t, bit) => {
        const up = (mask >> bit) & 1;
        const pair = tiers[t] ?? ALWAYS_DOWN;
        w *= up ? pair.a : pair.q;
        forced[t] = up ? ALWAYS_UP : ALWAYS_DOWN;
      });
      if (w === 0) continue;
      const r = direct(forced);
      a += w * r.a;
      q += w * r.q;
    }
    return { a, q };
  };
}

function countUses(expr: ServiceExpr, index: Map<string, number>, uses: Map<number, number>): void {
  switch (expr.kind) {
    case 'tier': {
      const i = index.get(expr.tier);
      if (i !== undefined) uses.set(i, (uses.get(i) ?? 0) + 1);
      return;
    }
    case 'all':
    case 'any':
    case 'atLeast':
      for (const child of expr.of) countUses(child, index, uses);
      return;
    default: {
      const never: never = expr;
      throw new Error(`unknown service expression ${JSON.stringify(never)}`);
    }
  }
}

function evaluate(expr: ServiceExpr, index: Map<string, number>, tiers: readonly Pair[]): Pair {
  switch (expr.kind) {
    case 'tier': {
      const i = index.get(expr.tier);
      // An unknown tier is rejected by validation; treat it as down rather than crash.
      return i === undefined ? ALWAYS_DOWN : (tiers[i] ?? ALWAYS_DOWN);
    }
    case 'all':
      return series(expr.of.map((c) => evaluate(c, index, tiers)));
    case 'any':
      return parallel(expr.of.map((c) => evaluate(c, index, tiers)));
    case 'atLeast':
      return atLeast(
        expr.k,
        expr.of.map((c) => evaluate(c, index, tiers)),
      );
    default: {
      const never: never = expr;
      throw new Error(`unknown service expression ${JSON.stringify(never)}`);
    }
  }
}

/** Names of the tiers the expression mentions. */
export function tiersIn(expr: ServiceExpr): Set<string> {
  switch (expr.kind) {
    case 'tier':
      return new Set([expr.tier]);
    case 'all':
    case 'any':
    case 'atLeast':
      return new Set(expr.of.flatMap((c) => [...tiersIn(c)]));
    default: {
      const never: never = expr;
      throw new Error(`unknown service expression ${JSON.stringify(never)}`);
    }
  }
}
