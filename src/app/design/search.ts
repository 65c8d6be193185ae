/**
 * `nines design`: the cheapest designs in the space spanned by the `--vary` axes that meet
 * every target, and the Pareto frontier of cost against availability (and each scenario's RPO
 * that varies).
 *
 * Exhaustive when the space has at most `maxExhaustive` points (10⁵). Larger spaces are
 * searched line by line along the longest axis, assuming that along it (1) meeting the targets
 * is monotone (once met, met further on, in one direction: more nodes never lower availability)
 * and (2) cost is monotone: each line's ends are evaluated, and when exactly one end passes the
 * boundary is found by bisection, so a line costs 2 + ⌈log₂ n⌉ points instead of n. Under those
 * assumptions the cheapest design found is the cheapest there is; they fail for a tier whose
 * quorum grows with it (minHealthy: majority: 2 nodes need both), so the exhaustive search is
 * the default whenever it fits. The frontier is over the points evaluated.
 */
import type { Variation } from '../../config/variation.js';
import type { FigureId, SweepPoint } from '../../report/sweep/view.js';
import { gridIndices, gridSize, sweepPoint } from '../sweep/run.js';
import type { PointOptions } from '../sweep/evaluate.js';
import { paretoFront } from './pareto.js';

export type SearchMode = 'auto' | 'exhaustive' | 'pruned';

export type DesignResult = {
  readonly search: 'exhaustive' | 'pruned';
  /** Points in the space. */
  readonly points: number;
  /** Points analysed. */
  readonly evaluated: number;
  /** The pruned search's line axis. */
  readonly lineAxis: string | undefined;
  /** Designs that meet every target, cheapest first (ties: higher availability first). */
  readonly passing: readonly SweepPoint[];
  readonly passingCount: number;
  /** Non-dominated designs, cheapest first; unavailability and RPO compared to 3 significant digits. */
  readonly frontier: readonly SweepPoint[];
  /** The RPO figures that are objectives of the frontier: those that vary across the designs. */
  readonly frontierRpo: readonly FigureId[];
};

export const MAX_EXHAUSTIVE = 100_000;

const RPOS: readonly FigureId[] = ['rpo[node]', 'rpo[zone]', 'rpo[region]', 'rpo[corruption]'];

/** Runs the search; `keep` bounds the passing designs returned. */
export function searchDesigns(
  variation: Variation,
  options: PointOptions,
  search: { mode: SearchMode; maxExhaustive?: number; keep?: number; progress?: (fraction: number) => void },
): DesignResult {
  const total = gridSize(variation);
  const limit = search.maxExhaustive ?? MAX_EXHAUSTIVE;
  const exhaustive = search.mode === 'exhaustive' || (search.mode === 'auto' && total <= limit);
  const sizes = variation.axes.map((a) => a.values.length);
  const evaluated = new Map<number, SweepPoint>();
  const at = (indices: readonly number[]): SweepPoint => {
    const key = indices.reduce((k, v, i) => k * (sizes[i] ?? 1) + v, 0);
    let point = evaluated.get(key);
    if (point === undefined) {
      point = sweepPoint(variation, indices, options);
      evaluated.set(key, point);
    }
    return point;
  };
  let lineAxis: number | undefined;
  if (exhaustive) {
    for (let i = 0; i < total; i++) {
      if (search.progress !== undefined && i % 100 === 0) search.progress(i / total);
      at(gridIndices(sizes, i));
    }
  } else {
    lineAxis = sizes.reduce((best, n, i) => (n > (sizes[best] ?? 0) ? i : best), 0);
    prunedSearch(sizes, lineAxis, at);
  }
  const points = [...evaluated.values()];
  const passing = points.filter(meets).sort(cheapestFirst);
  const priced = points.filter((p) => p.figures !== null && p.figures.costPerMonth !== null);
  // An RPO that is lost (not recoverable) counts as infinitely long.
  const rpo = (p: SweepPoint, id: FigureId): number => p.figures?.[id] ?? Infinity;
  const frontierRpo = RPOS.filter((id) => new Set(priced.map((p) => rpo(p, id))).size > 1);
  // Availability and RPO count at the three significant digits a report shows: a design that
  // costs more for an unavailability better in the 4th digit is not a trade-off worth listing.
  const objectives = priced.map((p) => [
    p.figures?.costPerMonth ?? Infinity,
    shown(p.figures?.unavailability ?? 1),
    ...frontierRpo.map((id) => shown(rpo(p, id))),
  ]);
  const frontier = paretoFront(objectives)
    .map((i) => priced[i])
    .filter((p): p is SweepPoint => p !== undefined);
  return {
    search: exhaustive ? 'exhaustive' : 'pruned',
    points: total,
    evaluated: evaluated.size,
    lineAxis: lineAxis === undefined ? undefined : variation.axes[lineAxis]?.path,
    passing: passing.slice(0, search.keep ?? passing.length),
    passingCount: passing.length,
    frontier,
    frontierRpo,
  };
}

/** Every line along `axis` (the other axes fixed): both ends, then bisection of a pass/fail boundary. */
function prunedSearch(sizes: readonly number[], axis: number, at: (indices: readonly number[]) => SweepPoint): void {
  const n = sizes[axis] ?? 1;
  const others = sizes.map((s, i) => (i === axis ? 1 : s));
  const lines = others.reduce((p, s) => p * s, 1);
  for (let l = 0; l < lines; l++) {
    const base = gridIndices(others, l);
    const point = (i: number): SweepPoint => at(base.map((v, k) => (k === axis ? i : v)));
    const [first, last] = [meets(point(0)), meets(point(n - 1))];
    if (first === last) continue;
    // Bisection: lo and hi keep their verdicts (first, last) until they are neighbours.
    let [lo, hi] = [0, n - 1];
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if (meets(point(mid)) === first) lo = mid;
      else hi = mid;
    }
  }
}

/** Three significant digits. */
function shown(x: number): number {
  return Number.isFinite(x) && x !== 0 ? Number(x.toPrecision(3)) : x;
}

/** Meets every target (error and warn levels alike). */
function meets(p: SweepPoint): boolean {
  return p.status === 'pass';
}

function cheapestFirst(a: SweepPoint, b: SweepPoint): number {
  const ca = a.figures?.costPerMonth ?? Infinity;
  const cb = b.figures?.costPerMonth ?? Infinity;
  if (ca !== cb) return ca - cb;
  return (a.figures?.unavailability ?? 1) - (b.figures?.unavailability ?? 1);
}
