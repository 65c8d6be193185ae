import {
  SECONDS_PER_DAY,
  SECONDS_PER_MONTH,
  SECONDS_PER_QUARTER,
  SECONDS_PER_WEEK,
  SECONDS_PER_YEAR,
} from '../units/conventions.js';

export type BudgetPeriod = 'day' | 'week' | 'month' | 'quarter' | 'year';

export type DowntimeBudget = {
  readonly period: BudgetPeriod;
  readonly periodSeconds: number;
  readonly downtimeSeconds: number;
};

const PERIODS: readonly (readonly [BudgetPeriod, number])[] = [
  ['day', SECONDS_PER_DAY],
  ['week', SECONDS_PER_WEEK],
  ['month', SECONDS_PER_MONTH],
  ['quarter', SECONDS_PER_QUARTER],
  ['year', SECONDS_PER_YEAR],
];

/**
 * Downtime allowed per period by an availability target: budget = (1 − A) × period, with
 * month = 30 d, quarter = 90 d, year = 365 d (the SRE convention, Google SRE book ch. 3).
 * @example downtimeBudget(1e-4)[4].downtimeSeconds // 3153.6 (52.56 min per year at 99.99%)
 */
export function downtimeBudget(unavailability: number): DowntimeBudget[] {
  return PERIODS.map(([period, periodSeconds]) => ({
    period,
    periodSeconds,
    downtimeSeconds: unavailability * periodSeconds,
  }));
}
