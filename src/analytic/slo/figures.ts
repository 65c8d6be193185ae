/**
 * The analytic SLO figures of a model: its objective (from `--objective`, `slo.objective` or
 * the availability target), error budgets per window length, the budget's allocation over the
 * design, and multiwindow multi-burn-rate alerts with their feasibility.
 */
import type { Model, SourcePosition } from '../../model/types.js';
import { SECONDS_PER_DAY } from '../../units/conventions.js';
import { formatDuration, formatPercentFromUnavailability as percent } from '../../units/format.js';
import {
  DEFAULT_SLO_WINDOW,
  windowLengths,
  windowName,
  windowText,
  type SloWindow,
  type WindowLength,
} from '../../units/slo-window.js';
import type { AvailabilityResult } from '../availability/index.js';
import { allocateBudget, type Allocation } from './allocation.js';
import {
  budgetFraction,
  burnAlerts,
  exactBudget,
  burnRateTable,
  maxBurnRate,
  type BurnAlert,
  type BurnRateRow,
} from './burn-rate.js';
import { toNumber } from './rational.js';

/** The objective and where it came from. */
export type Objective = {
  readonly availability: number;
  /** 1 − objective, exact from its text: the error budget as a fraction of the window. */
  readonly unavailability: number;
  readonly source: 'slo.objective' | 'targets.availability' | '--objective';
  readonly position?: SourcePosition;
};

/** The objective: the flag, else `slo.objective`, else the service availability target (≥). */
export function resolveObjective(
  model: Model,
  flag?: { readonly value: number; readonly complement: number },
): Objective | undefined {
  if (flag !== undefined)
    return {
      availability: flag.value,
      unavailability: exactBudget(flag.value, flag.complement),
      source: '--objective',
    };
  const own = model.slo?.objective;
  if (own !== undefined)
    return {
      availability: own.value,
      unavailability: exactBudget(own.value, own.complement),
      source: 'slo.objective',
      position: own.position,
    };
  const t = model.targets.find((x) => x.metric === 'availability' && x.tier === undefined && x.operator === '>=');
  if (t === undefined) return undefined;
  return {
    availability: t.threshold,
    unavailability: exactBudget(t.threshold, t.thresholdComplement ?? 1 - t.threshold),
    source: 'targets.availability',
    ...(t.position === undefined ? {} : { position: t.position }),
  };
}

/** The window the alerts are computed for: the rolling length; 30 d for a month, 90 d for a quarter (DESIGN §4). */
export function nominalWindowSeconds(window: SloWindow): number {
  return window.kind === 'rolling'
    ? window.days * SECONDS_PER_DAY
    : (window.period === 'month' ? 30 : 90) * SECONDS_PER_DAY;
}

export type WindowBudget = WindowLength & {
  /** (1 − objective) × window. */
  readonly budgetSeconds: number;
  /** (1 − objective) × window × requests per second; null without a request rate. */
  readonly failedRequests: number | null;
};

export type SloWarning = { readonly code: 'objective-infeasible' | 'alert-infeasible'; readonly message: string };

export type SloFigures = {
  readonly objective: Objective;
  readonly window: {
    readonly text: string;
    readonly name: string;
    readonly kind: SloWindow['kind'];
    readonly lengths: readonly WindowLength[];
    readonly alertWindowSeconds: number;
  };
  readonly requestsPerSecond: number | null;
  readonly budgets: readonly WindowBudget[];
  readonly allocation: Allocation;
  readonly alerts: readonly BurnAlert[];
  /** 1 / (1 − objective): the burn rate of a total outage. */
  readonly maxBurnRate: number;
  readonly burnRates: readonly BurnRateRow[];
  readonly warnings: readonly SloWarning[];
};

export type SloOptions = {
  readonly objective?: { readonly value: number; readonly complement: number };
  readonly window?: SloWindow;
};

/**
 * The analytic SLO figures: budgets, allocation, alerts and their feasibility.
 * @example sloFigures(model, analyzeAvailability(model), objective).allocation.budgetShare
 */
export function sloFigures(
  model: Model,
  availability: AvailabilityResult,
  objective: Objective,
  options: SloOptions = {},
): SloFigures {
  const window = options.window ?? model.slo?.window ?? DEFAULT_SLO_WINDOW;
  const lengths = windowLengths(window);
  const rps = model.slo?.requestsPerSecond ?? null;
  const q = objective.unavailability;
  const budget = budgetFraction(q);
  const alertWindowSeconds = nominalWindowSeconds(window);
  const allocation = allocateBudget(model, availability, q);
  const alerts = burnAlerts(budget, alertWindowSeconds);
  const warnings: SloWarning[] = [];
  if (!allocation.feasible) {
    warnings.push({
      code: 'objective-infeasible',
      message: `the objective ${percent(objective.unavailability)} is above what the design can reach (${percent(allocation.designUnavailability)}): its modelled unavailability alone uses ${(allocation.budgetShare * 100).toPrecision(3)}% of the error budget`,
    });
  }
  for (const a of alerts)
    if (!a.feasible)
      warnings.push({
        code: 'alert-infeasible',
        message: `the ${a.severity} alert on ${Number((a.budgetConsumed * 100).toPrecision(12))}% of the budget in ${formatDuration(a.longWindowSeconds)} can never fire: ${a.reason ?? ''}`,
      });
  return {
    objective,
    window: { text: windowText(window), name: windowName(window), kind: window.kind, lengths, alertWindowSeconds },
    requestsPerSecond: rps,
    budgets: lengths.map((l) => ({
      ...l,
      budgetSeconds: q * l.seconds,
      failedRequests: rps === null ? null : q * l.seconds * rps,
    })),
    allocation,
    alerts,
    maxBurnRate: toNumber(maxBurnRate(budget)),
    burnRates: burnRateTable(budget, alertWindowSeconds),
    warnings,
  };
}
