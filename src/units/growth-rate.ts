/**
 * Compound growth rates as a planner writes them: 0.4 or "40%" (per year), "40%/year",
 * "3%/month" → { rate, periodSeconds }, so x(t) = x0 · (1 + rate)^(t / periodSeconds).
 * The period is kept as written (not converted to a yearly rate), so no digits are lost.
 */
import { SECONDS_PER_MONTH, SECONDS_PER_YEAR } from './conventions.js';
import { describe } from './quantity.js';

export type ParsedGrowthRate =
  | { readonly ok: true; readonly rate: number; readonly periodSeconds: number }
  | { readonly ok: false; readonly message: string };

const RATE = /^\s*((?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?)\s*%\s*(?:\/\s*(y|yr|years?|months?))?\s*$/;

/**
 * @example parseGrowthRate('3%/month') // { ok: true, rate: 0.03, periodSeconds: 2_592_000 }
 */
export function parseGrowthRate(input: unknown): ParsedGrowthRate {
  const expected = "expected a growth rate like '40%/year', '3%/month', '40%' (per year) or 0.4 (per year), ≥ 0";
  if (typeof input === 'number') {
    return Number.isFinite(input) && input >= 0
      ? { ok: true, rate: input, periodSeconds: SECONDS_PER_YEAR }
      : { ok: false, message: `${expected}, got ${describe(input)}` };
  }
  const match = typeof input === 'string' ? RATE.exec(input) : null;
  const rate = match ? Number(`${match[1] ?? ''}e-2`) : NaN;
  if (!match || !Number.isFinite(rate)) return { ok: false, message: `${expected}, got ${describe(input)}` };
  const periodSeconds = match[2]?.startsWith('month') === true ? SECONDS_PER_MONTH : SECONDS_PER_YEAR;
  return { ok: true, rate, periodSeconds };
}
