/**
 * Nines, computed once: n = −log10 q of an unavailability (or a probability of loss), exact,
 * +∞ for q ≤ 0 (DESIGN §4). Each output rounds this one figure at its edge: JSON writes null
 * for ∞ ({@link ninesOrNull}), durability counts whole nines ({@link wholeNines}), text writes
 * two decimals (`formatNines` in format.ts).
 */

/**
 * −log10 q; +∞ for a component that never fails (q ≤ 0).
 * @example nines(1e-3) // 3
 */
export function nines(q: number): number {
  return q <= 0 ? Infinity : -Math.log10(q);
}

/**
 * Nines for JSON, which has no Infinity: null for q ≤ 0.
 * @example ninesOrNull(0) // null
 */
export function ninesOrNull(q: number): number | null {
  return q <= 0 ? null : nines(q);
}

/**
 * Whole nines: floor(n), 0 for n ≤ 0 (a certain loss has no nines). Takes n itself, so that a
 * figure known only by its logarithm (P below the double range) keeps its nines: n = −log10 P.
 * @example wholeNines(nines(1.2e-11)) // 10
 */
export function wholeNines(n: number): number {
  return n <= 0 ? 0 : Math.floor(n);
}
