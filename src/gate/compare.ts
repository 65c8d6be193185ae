/**
 * Comparing two designs (`nines compare`): the same figures of a base and a candidate model,
 * the delta of each, which got worse, and whether a gated figure regressed beyond a tolerance.
 */
import type { Analysis } from '../analytic/analyze-model.js';
import type { ScenarioResult } from '../analytic/data-protection/index.js';
import type { Scenario } from '../model/types.js';
import type { SloGateFigures } from './types.js';

export type CompareUnit = 'fraction' | 'seconds' | 'perYear' | 'bytes' | 'nines' | 'probability' | 'share' | 'perMonth';
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

const SCENARIOS: readonly Scenario[] = ['node', 'zone', 'region', 'corruption'];

/** A figure and, when it is compared through another quantity (lower is better), that quantity. */
type Figure = { readonly shown: number | null; readonly compared: number | null };
const plain = (x: number | null): Figure => ({ shown: x, compared: x });

/**
 * Base and candidate side by side. A gated figure regresses when its compared quantity x (lower
 * is better: unavailability, downtime, outages, RPO, RTO, annual loss probability, storage)
 * rises beyond the tolerance, x_c > x_b·(1 + tolerance), or rises from 0, or ceases to exist
 * (a scenario that was recoverable is not any more). tolerance 0.01 allows a 1% worsening.
 * Differences below 1e-12 relative are rounding noise and count as the same.
 * @example compareAnalyses(base, candidate, 0.01).regressed
 */
export function compareAnalyses(
  base: Analysis,
  candidate: Analysis,
  tolerance = 0,
  slo?: { readonly base: SloGateFigures; readonly candidate: SloGateFigures; readonly exhaustion: boolean },
): CompareResult {
  const metrics: CompareMetric[] = [];
  const add = (
    id: string,
    metric: string,
    unit: CompareUnit,
    gated: boolean,
    b: Figure,
    c: Figure,
    scenario?: Scenario,
    better: 'higher' | 'lower' = 'lower',
  ): void => {
    metrics.push(row(id, metric, unit, gated, b, c, tolerance, better, scenario));
  };
  const sb = base.availability.service;
  const sc = candidate.availability.service;
  add(
    'availability',
    'availability',
    'fraction',
    true,
    { shown: sb.availability, compared: sb.unavailability },
    { shown: sc.availability, compared: sc.unavailability },
    undefined,
    'higher',
  );
  add('nines', 'nines', 'nines', false, plain(sb.nines), plain(sc.nines), undefined, 'higher');
  add(
    'downtimePerYear',
    'downtimePerYear',
    'seconds',
    true,
    plain(sb.downtimeSecondsPerYear),
    plain(sc.downtimeSecondsPerYear),
  );
  add('outagesPerYear', 'outagesPerYear', 'perYear', true, plain(sb.outagesPerYear), plain(sc.outagesPerYear));
  if (slo !== undefined) {
    // The SLO figures (`nines slo`): the share of the budget the design uses, and the simulated
    // probability that a window exhausts it; lower is better, gated.
    const share = (f: SloGateFigures): number | null => (typeof f.budgetShare === 'number' ? f.budgetShare : null);
    const exhaust = (f: SloGateFigures): number | null => ('missing' in f.exhaustion ? null : f.exhaustion.estimate);
    add('errorBudget', 'errorBudget', 'share', true, plain(share(slo.base)), plain(share(slo.candidate)));
    if (slo.exhaustion)
      add(
        'budgetExhaustionProbability',
        'budgetExhaustionProbability',
        'share',
        true,
        plain(exhaust(slo.base)),
        plain(exhaust(slo.candidate)),
      );
  }
  const db = base.dataProtection;
  const dc = candidate.dataProtection;
  if (db !== undefined || dc !== undefined) {
    const pick = (
      dp: Analysis['dataProtection'],
      s: Scenario,
      f: (r: ScenarioResult) => number | null,
    ): number | null => {
      const r = dp?.scenarios.find((x) => x.scenario === s);
      return r === undefined ? null : f(r);
    };
    for (const s of SCENARIOS)
      add(
        `rpo[${s}]`,
        'rpo',
        'seconds',
        true,
        plain(pick(db, s, (r) => r.rpoSeconds)),
        plain(pick(dc, s, (r) => r.rpoSeconds)),
        s,
      );
    for (const s of SCENARIOS)
      add(
        `rto[${s}]`,
        'rto',
        'seconds',
        true,
        plain(pick(db, s, (r) => r.rtoSeconds)),
        plain(pick(dc, s, (r) => r.rtoSeconds)),
        s,
      );
    const loss = (dp: Analysis['dataProtection']): number | null =>
      dp?.durability?.window.annualLossProbability ?? null;
    add('durability', 'durability', 'probability', true, plain(loss(db)), plain(loss(dc)));
    const storage = (dp: Analysis['dataProtection']): number | null =>
      dp === undefined || dp.storageByLocation.length === 0
        ? null
        : dp.storageByLocation.reduce((s, l) => s + l.storageBytes, 0);
    add('backupStorage', 'backupStorage', 'bytes', true, plain(storage(db)), plain(storage(dc)));
  }
  if (base.cost !== undefined || candidate.cost !== undefined) {
    // Shown with its delta, not gated: a dearer design is a choice, not a reliability regression.
    add(
      'costPerMonth',
      'costPerMonth',
      'perMonth',
      false,
      plain(base.cost?.perMonth ?? null),
      plain(candidate.cost?.perMonth ?? null),
    );
  }
  return { tolerance, regressed: metrics.some((m) => m.regression), metrics };
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
