/**
 * Error budgets and multiwindow, multi-burn-rate alerts (The Site Reliability Workbook, ch. 5
 * "Alerting on SLOs", tables 5-4, 5-6 and 5-8), in exact rational arithmetic: a burn rate b
 * spends the budget (1 − objective)·W in W/b; an alert that fires after spending a share s of
 * the budget within a long window w needs b = s·W/w, checks the error ratio against b·(1 −
 * objective) over w and over the short window w/12, and can fire only if b·(1 − objective) ≤ 1.
 */
import { SECONDS_PER_HOUR, SECONDS_PER_DAY } from '../../units/conventions.js';
import {
  compare,
  div,
  fromDecimal,
  fromNumber,
  mul,
  ratio,
  sub,
  toDecimal,
  toNumber,
  type Rational,
} from './rational.js';

/** One alert of the policy: page or ticket after spending `budgetConsumed` within `longSeconds`. */
export type AlertPolicy = {
  readonly severity: 'page' | 'ticket';
  readonly longSeconds: number;
  readonly budgetConsumed: string;
};

/** The workbook's recommended starting point (table 5-8): 2% in 1 h, 5% in 6 h, 10% in 3 d. */
export const WORKBOOK_POLICY: readonly AlertPolicy[] = [
  { severity: 'page', longSeconds: SECONDS_PER_HOUR, budgetConsumed: '0.02' },
  { severity: 'page', longSeconds: 6 * SECONDS_PER_HOUR, budgetConsumed: '0.05' },
  { severity: 'ticket', longSeconds: 3 * SECONDS_PER_DAY, budgetConsumed: '0.1' },
];

/** The short window is 1/12 of the long one (workbook, approach 6). */
export const SHORT_WINDOW_DIVISOR = 12;

export type BurnAlert = {
  readonly severity: 'page' | 'ticket';
  readonly longWindowSeconds: number;
  readonly shortWindowSeconds: number;
  /** Share of the window's budget spent when the alert fires. */
  readonly budgetConsumed: number;
  /** b = budgetConsumed · window / long window. */
  readonly burnRate: number;
  /** The exact decimal text of b when it terminates, else rounded to 20 decimals. */
  readonly burnRateText: string;
  /** b·(1 − objective): the error ratio both windows must exceed. */
  readonly errorRatioThreshold: number;
  readonly errorRatioThresholdText: string;
  /** b·(1 − objective) ≤ 1 (and the long window fits in the SLO window): the alert can fire. */
  readonly feasible: boolean;
  /** Why it cannot fire, when it cannot. */
  readonly reason?: string;
  /** W / b: how long the budget lasts at this burn rate. */
  readonly timeToExhaustionSeconds: number;
  /** (1 − objective) · w · b: when it fires after errors jump to 100% (workbook, "time taken for an alert to fire"). */
  readonly detectionSecondsAtFullOutage: number;
};

/** The burn rate of a 100% error ratio, 1/(1 − objective): the fastest the budget can burn. */
export function maxBurnRate(budget: Rational): Rational {
  return div(ratio(1), budget);
}

/**
 * The alerts of `policy` for a window of `windowSeconds` and a budget (1 − objective), exactly.
 * @example burnAlerts(fromNumber(0.001), 2592000)[0].burnRateText // "14.4"
 */
export function burnAlerts(
  budget: Rational,
  windowSeconds: number,
  policy: readonly AlertPolicy[] = WORKBOOK_POLICY,
): BurnAlert[] {
  const window = ratio(windowSeconds);
  return policy.map((p) => {
    const long = ratio(p.longSeconds);
    const consumed = fromDecimal(p.budgetConsumed);
    const b = div(mul(consumed, window), long);
    const threshold = mul(b, budget);
    const fits = p.longSeconds <= windowSeconds;
    const reachable = compare(threshold, ratio(1)) <= 0;
    const reason = !fits
      ? `its ${formatWindow(p.longSeconds)} window is longer than the SLO window`
      : !reachable
        ? `it needs a burn rate of ${toDecimal(b, 4)}, but a total outage burns at most ${toDecimal(maxBurnRate(budget), 4)}× (1 / (1 − objective)), spending only ${(100 * toNumber(mul(div(long, window), maxBurnRate(budget)))).toPrecision(3)}% of the budget in ${formatWindow(p.longSeconds)}`
        : undefined;
    return {
      severity: p.severity,
      longWindowSeconds: p.longSeconds,
      shortWindowSeconds: p.longSeconds / SHORT_WINDOW_DIVISOR,
      budgetConsumed: toNumber(consumed),
      burnRate: toNumber(b),
      burnRateText: toDecimal(b),
      errorRatioThreshold: toNumber(threshold),
      errorRatioThresholdText: toDecimal(threshold),
      feasible: fits && reachable,
      ...(reason === undefined ? {} : { reason }),
      timeToExhaustionSeconds: toNumber(div(window, b)),
      detectionSecondsAtFullOutage: toNumber(mul(mul(budget, long), b)),
    };
  });
}

/** A burn rate and what it means: the error ratio that burns at it and how long the budget lasts. */
export type BurnRateRow = {
  readonly burnRate: number;
  readonly errorRatio: number;
  readonly timeToExhaustionSeconds: number;
};

/**
 * The workbook's table 5-4 for this objective and window: burn rates 1, 2, 10 and 1000 (or
 * those given), the error ratio b·(1 − objective), and the time to exhaustion W/b.
 */
export function burnRateTable(
  budget: Rational,
  windowSeconds: number,
  rates: readonly number[] = [1, 2, 10, 1000],
): BurnRateRow[] {
  return rates.map((rate) => {
    const b = fromNumber(rate);
    return {
      burnRate: rate,
      errorRatio: toNumber(mul(b, budget)),
      timeToExhaustionSeconds: toNumber(div(ratio(windowSeconds), b)),
    };
  });
}

/**
 * 1 − objective as the decimal the user wrote: of the complement's shortest decimal text and
 * 1 − the objective's, the one with the smaller denominator. A percentage or "N nines" carries
 * an exact complement already (0.001); an objective written as the number 0.999 has the binary
 * complement 0.0010000000000000009, whose noise the objective's own text (999/1000) lacks.
 * @example exactBudget(0.999, 1 - 0.999) // 0.001
 */
export function exactBudget(objective: number, complement: number): number {
  const a = fromNumber(complement);
  const b = sub(ratio(1), fromNumber(objective));
  return toNumber(b.d < a.d && b.n > 0n ? b : a);
}

/** The budget fraction 1 − objective as an exact rational, from its shortest decimal text. */
export function budgetFraction(complement: number): Rational {
  return fromNumber(complement);
}

function formatWindow(seconds: number): string {
  if (seconds % SECONDS_PER_DAY === 0) return `${seconds / SECONDS_PER_DAY} d`;
  if (seconds % SECONDS_PER_HOUR === 0) return `${seconds / SECONDS_PER_HOUR} h`;
  return `${seconds / 60} min`;
}
