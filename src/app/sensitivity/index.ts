/**
 * Sensitivity: the elasticity of the service unavailability Q, and of each missed target's
 * figure, to each numeric input x: e = (∂f/∂x)·(x/f), the % change of f per 1% change of x.
 * Estimated by central differences at x·(1 ± 1%) (counts: ±1 node), each point a full re-run
 * through the `--set` machinery (src/app/rerun.ts), so it measures exactly what a what-if
 * would. For f = MTTR/(MTBF + MTTR) ≈ MTTR/MTBF the elasticities are ≈ +1 and −1; a term
 * that carries a share s of Q has elasticity ≈ s. Central differences are exact for power
 * laws to O(h²) = 1e-4 relative.
 */
import { comparesComplement, type GateRecord } from '../../gate/index.js';
import { metricSpec } from '../../model/metrics.js';
import type { SensitivityResult, SensitivityRow } from '../../report/sensitivity-view.js';
import { rerun, type RecommendInput } from '../rerun.js';
import { numericInputs } from './inputs.js';

export type * from '../../report/sensitivity-view.js';

const H = 0.01;

/** The compared figure of a record: unavailability / loss probability for availability and durability. */
function figureOf(r: GateRecord | undefined): number | null {
  if (r === undefined) return null;
  if (comparesComplement(r.metric)) return r.actualComplement ?? null;
  return r.actual;
}

/**
 * Elasticities of Q and of every missed target's figure to every numeric input, sorted by
 * |elasticity of Q| (the tornado's order).
 * @example sensitivity(input).rows[0] // { path: 'regions.us-east.failure.mttr', serviceUnavailability: 0.9986, … }
 */
export function sensitivity(input: RecommendInput): SensitivityResult | undefined {
  const base = rerun(input, input.set);
  if (base === undefined) return undefined;
  const missed = base.gate.records.filter((r) => r.status !== 'pass');
  // An availability-only re-run has no data or cost figures: enough only for availability metrics.
  const needData = missed.some((r) => metricSpec(r.metric).source !== 'availability');
  const q0 = base.analysis.availability.service.unavailability;
  const rows: SensitivityRow[] = [];
  for (const x of numericInputs(base.model, base.raw)) {
    const lo = x.discrete ? x.value - 1 : x.value * (1 - H);
    const hi = x.discrete ? x.value + 1 : x.value * (1 + H);
    const at = (v: number) => (v === x.value ? base : rerun(input, [...input.set, x.set(v)], !needData));
    let low = at(lo);
    let loX = lo;
    const high = at(hi);
    if (high === undefined) continue;
    if (low === undefined) {
      low = base;
      loX = x.value;
    }
    const slope = (f0: number | null, fl: number | null, fh: number | null): number | null =>
      f0 === null || fl === null || fh === null || f0 === 0 ? null : ((fh - fl) / (hi - loX)) * (x.value / f0);
    const byId = (run: typeof base, id: string): GateRecord | undefined => run.gate.records.find((r) => r.id === id);
    rows.push({
      path: x.path,
      name: x.name,
      value: x.value,
      unit: x.unit,
      serviceUnavailability: slope(
        q0,
        low.analysis.availability.service.unavailability,
        high.analysis.availability.service.unavailability,
      ),
      targets: missed.map((r) => ({
        id: r.id,
        elasticity: slope(figureOf(r), figureOf(byId(low, r.id)), figureOf(byId(high, r.id))),
      })),
      method: x.discrete
        ? loX === x.value
          ? 'forward difference, +1'
          : 'central difference, ±1'
        : 'central difference, ±1%',
    });
  }
  const size = (e: number | null): number => Math.abs(e ?? 0);
  rows.sort((a, b) => size(b.serviceUnavailability) - size(a.serviceUnavailability));
  return { serviceUnavailability: q0, missed: missed.map((r) => r.id), rows };
}
