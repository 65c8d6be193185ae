/**
 * A probability carried as both sides, (availability a, unavailability q), each computed
 * directly so that neither is obtained as 1 − (the other) when it is tiny (DESIGN §4).
 */
export type Pair = { readonly a: number; readonly q: number };

export const ALWAYS_UP: Pair = { a: 1, q: 0 };
export const ALWAYS_DOWN: Pair = { a: 0, q: 1 };

/**
 * All parts must be up (series): a = Π a_i, q = −expm1(Σ log1p(−q_i)).
 * @example series([{ a: 0.9999, q: 1e-4 }, { a: 0.9999, q: 1e-4 }]).q // 1.9999e-4
 */
export function series(parts: readonly Pair[]): Pair {
  if (parts.length === 1 && parts[0] !== undefined) return parts[0];
  let a = 1;
  let logA = 0;
  for (const p of parts) {
    a *= p.a;
    // A tail summed in log space may come out a rounding above 1: log1p(−(1 + ε)) is NaN.
    logA += Math.log1p(-Math.min(1, p.q));
  }
  return { a, q: -Math.expm1(logA) };
}

/**
 * At least one part must be up (parallel): q = Π q_i, a = −expm1(Σ log1p(−a_i)).
 * @example parallel([{ a: 0.999, q: 1e-3 }, { a: 0.999, q: 1e-3 }]).q // 1e-6
 */
export function parallel(parts: readonly Pair[]): Pair {
  if (parts.length === 1 && parts[0] !== undefined) return parts[0];
  let q = 1;
  let logQ = 0;
  for (const p of parts) {
    q *= p.q;
    logQ += Math.log1p(-Math.min(1, p.a));
  }
  return { a: -Math.expm1(logQ), q };
}

/**
 * At least k of the m independent parts up: Poisson-binomial by dynamic programming over the
 * number of parts up, P(j up); a = Σ_{j≥k} P(j), q = Σ_{j<k} P(j) (sums of positive terms).
 * @example atLeast(2, [p, p, p]) // 2-of-3
 */
export function atLeast(k: number, parts: readonly Pair[]): Pair {
  const m = parts.length;
  if (k <= 0) return ALWAYS_UP;
  if (k > m) return ALWAYS_DOWN;
  // dist[j] = P(exactly j of the parts seen so far are up)
  let dist = [1];
  for (const p of parts) {
    const next = new Array<number>(dist.length + 1).fill(0);
    for (let j = 0; j < dist.length; j++) {
      const d = dist[j] ?? 0;
      next[j] = (next[j] ?? 0) + d * p.q;
      next[j + 1] = (next[j + 1] ?? 0) + d * p.a;
    }
    dist = next;
  }
  let a = 0;
  let q = 0;
  for (let j = 0; j <= m; j++) {
    if (j >= k) a += dist[j] ?? 0;
    else q += dist[j] ?? 0;
  }
  return { a, q };
}

/** The pair of a component with unavailability q: (1 − q, q). */
export function pairOf(q: number): Pair {
  return { a: 1 - q, q };
}
