/**
 * Comparing two designs (`nines compare`): the same figures of a base and a candidate model,
 * the delta of each, which got worse, and whether a gated figure regressed beyond a tolerance.
 */
import type { Analysis } from '../analytic/analyze-model.js';
import { type CompareUnit, type MetricSource, metricSpec, metricsFrom, SCENARIOS } from '../model/metrics.js';
import type { Scenario, TargetMetric } from '../model/types.js';
import { measure, type TargetRef } from './metrics.js';
import type { GateFigures, SloGateFigures } from './types.js';

export type { CompareUnit } from '../model/metrics.js';

export type Change = 'better' | 'worse' | 'same' | 'unknown';

export type CompareMetric = {
  readonly id: string;
  readonly metric: string;
  readonly scenario?: Scenario;
  readonly unit: CompareUnit;
  readonly better: 'higher' | 'lower';
  readonly base: number | null;
  readonly candidate: number | null;
  readonly delta: number | null;
  /** Relative change of the compared quantity (availability: of the unavailability). */
  readonly relativeChange: number | null;
  readonly change: Change;
  readonly gated: boolean;
  readonly regression: boolean;
};

export type CompareResult = {
  readonly tolerance: number;
  readonly regressed: boolean;
  readonly metrics: readonly CompareMetric[];
};

/** A figure and, when it is compared through another quantity (lower is better), that quantity. */
type Figure = { readonly shown: number | null; readonly compared: number | null };
const plain = (x: number | null): Figure => ({ shown: x, compared: x });

/** The SLO figures of both sides, and whether the exhaustion probability was simulated. */
export type CompareSlo = {
  readonly base: SloGateFigures;
  readonly candidate: SloGateFigures;
  readonly exhaustion: boolean;
};

/**
 * Base and candidate side by side: a row for each registry metric with a `compare` entry (one
 * per scenario for a scenario metric), in registry order within its source (availability, the
 * SLO figures when `slo` is given, data when either side has a data section, cost when either
 * prices something), each figure the gate's own (see `measure`); the service's nines follow
 * availability. A gated figure regresses when its compared quantity x (lower is better:
 * unavailability, downtime, outages, RPO, RTO, annual loss probability, storage) rises beyond
 * the tolerance, x_c > x_b·(1 + tolerance), or rises from 0, or ceases to exist (a scenario
 * that was recoverable is not any more). tolerance 0.01 allows a 1% worsening. Differences
 * below 1e-12 relative are rounding noise and count as the same.
 * @example compareAnalyses(base, candidate, 0.01).regressed
 */
export function compareAnalyses(base: Analysis, candidate: Analysis, tolerance = 0, slo?: CompareSlo): CompareResult {
  const sides = { base: gateFigures(base, slo?.base), candidate: gateFigures(candidate, slo?.candidate) };
  const shows: Record<MetricSource, boolean> = {
    availability: true,
    slo: slo !== undefined,
    data: base.dataProtection !== undefined || candidate.dataProtection !== undefined,
    cost: base.cost !== undefined || candidate.cost !== undefined,
    plan: false,
  };
  const metrics: CompareMetric[] = [];
  for (const source of SOURCE_ORDER) {
    if (!shows[source]) continue;
    for (const metric of metricsFrom(source)) {
      const spec = metricSpec(metric).compare;
      // The exhaustion probability is a timeline simulation: compared only when it was run.
      if (spec === undefined || (metric === 'budgetExhaustionProbability' && slo?.exhaustion !== true)) continue;
      const scopes = metricSpec(metric).scope === 'scenario' ? SCENARIOS : [undefined];
      for (const scenario of scopes) {
        const ref = { metric, scenario, tier: undefined };
        const id = scenario === undefined ? metric : `${metric}[${scenario}]`;
        const [b, c] = [compareFigure(ref, base, sides.base), compareFigure(ref, candidate, sides.candidate)];
        metrics.push(row(id, metric, spec.unit, spec.gated, b, c, tolerance, betterShown(metric), scenario));
      }
      if (metric === 'availability') {
        const nines = (a: Analysis): Figure => plain(a.availability.service.nines);
        metrics.push(row('nines', 'nines', 'nines', false, nines(base), nines(candidate), tolerance, 'higher'));
      }
    }
  }
  return { tolerance, regressed: metrics.some((m) => m.regression), metrics };
}

/** The order of the sources' rows in `nines compare`. */
const SOURCE_ORDER: readonly MetricSource[] = ['availability', 'slo', 'data', 'cost', 'plan'];

/** The analytic figures of one side, as the gate sees them. */
function gateFigures(analysis: Analysis, slo: SloGateFigures | undefined): GateFigures {
  return { availability: analysis.availability, dataProtection: analysis.dataProtection, cost: analysis.cost, slo };
}

/**
 * The row's figure: the gate's, shown as the value or its complement; a missing figure is null.
 * Availability shows the analysis's own availability, computed in its space, not 1 − q.
 */
function compareFigure(ref: TargetRef, analysis: Analysis, figures: GateFigures): Figure {
  const measured = measure(ref, figures);
  if (measured.kind === 'missing') return plain(null);
  const spec = metricSpec(ref.metric);
  const compared = spec.compared === 'complement' ? (measured.complement ?? null) : measured.compared;
  if (spec.compare?.shown === 'complement') return { shown: compared, compared };
  const shown = ref.metric === 'availability' ? analysis.availability.service.availability : measured.value;
  return { shown, compared };
}

/** Which way the shown figure is better: the metric's side, flipped when the row shows the complement. */
function betterShown(metric: TargetMetric): 'higher' | 'lower' {
  const { better, compare } = metricSpec(metric);
  if (compare?.shown !== 'complement') return better;
  return better === 'higher' ? 'lower' : 'higher';
}

function row(
  id: string,
  metric: string,
  unit: CompareUnit,
  gated: boolean,
  b: Figure,
  c: Figure,
  tolerance: number,
  better: 'higher' | 'lower',
  scenario?: Scenario,
): CompareMetric {
  // `compared` is lower-is-better, except for ungated higher-is-better figures (nines) compared as shown.
  const direct = b.shown === b.compared && c.shown === c.compared && better === 'higher';
  const xb = b.compared;
  const xc = c.compared;
  let change: Change;
  let relativeChange: number | null = null;
  let beyond = false;
  if (xb === null && xc === null) change = b.shown === null && c.shown === null ? 'unknown' : 'same';
  else if (xb === null) change = 'better';
  else if (xc === null) {
    change = 'worse';
    beyond = true;
  } else {
    const worse = direct ? xc < xb : xc > xb;
    change = sameFigure(xb, xc) ? 'same' : worse ? 'worse' : 'better';
    relativeChange = xb !== 0 ? xc / xb - 1 : xc === 0 ? 0 : null;
    beyond = change === 'worse' && (direct ? xc < xb * (1 - tolerance) : xb === 0 || xc > xb * (1 + tolerance));
  }
  return {
    id,
    metric,
    ...(scenario === undefined ? {} : { scenario }),
    unit,
    better,
    base: b.shown,
    candidate: c.shown,
    delta: b.shown === null || c.shown === null ? null : c.shown - b.shown,
    relativeChange,
    change,
    gated,
    regression: gated && change === 'worse' && beyond,
  };
}

/** Equal up to floating-point rounding (1e-12 relative): the same figure computed two ways. */
function sameFigure(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-12 * Math.max(Math.abs(a), Math.abs(b));
}
