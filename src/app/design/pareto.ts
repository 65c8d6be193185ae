/**
 * The Pareto frontier of designs: those no other design beats on every objective at once
 * (cost, unavailability, and the worst RPO when it varies), all to be minimised.
 */

/**
 * Indices of the non-dominated items, cheapest first. b dominates a when b ≤ a on every
 * objective and < on one; equal items keep the first. O(n log n + n·f), f the frontier size.
 * @example paretoFront([[1, 0.1], [2, 0.01], [3, 0.1]]) // [0, 1]
 */
export function paretoFront(objectives: readonly (readonly number[])[]): number[] {
  const order = objectives.map((_, i) => i).sort((a, b) => compare(objectives[a] ?? [], objectives[b] ?? []) || a - b);
  const front: number[] = [];
  for (const i of order) {
    const x = objectives[i] ?? [];
    if (!front.some((j) => dominatesOrEquals(objectives[j] ?? [], x))) front.push(i);
  }
  return front;
}

function compare(a: readonly number[], b: readonly number[]): number {
  for (let k = 0; k < a.length; k++) {
    const d = (a[k] ?? 0) - (b[k] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** b ≤ a everywhere: b dominates a, or they are equal (a adds nothing to the frontier). */
function dominatesOrEquals(b: readonly number[], a: readonly number[]): boolean {
  return b.every((v, k) => v <= (a[k] ?? Infinity));
}
