/**
 * SLO windows: a rolling window of whole days ("28d", "30 d") or a calendar month or quarter,
 * whose length depends on which one it is (28–31 d, 90–92 d).
 */
import { SECONDS_PER_DAY } from './conventions.js';
import { describe } from './quantity.js';

export type SloWindow =
  | { readonly kind: 'rolling'; readonly days: number }
  | { readonly kind: 'calendar'; readonly period: 'month' | 'quarter' };

/** One possible length of a window and which calendar periods have it. */
export type WindowLength = { readonly days: number; readonly seconds: number; readonly which: string };

export const DEFAULT_SLO_WINDOW: SloWindow = { kind: 'rolling', days: 30 };
/** The longest rolling window accepted: a leap year. */
export const MAX_WINDOW_DAYS = 366;

const EXPECTED =
  "expected an SLO window: '28d', '30d' (rolling, whole days from 1 to 366), 'month' or 'quarter' (calendar)";

/**
 * Parses a window: `month`, `quarter`, or whole days `Nd` / `N d` / `N days`.
 * @example parseSloWindow('28d') // { ok: true, value: { kind: 'rolling', days: 28 } }
 */
export function parseSloWindow(input: unknown): { ok: true; value: SloWindow } | { ok: false; message: string } {
  if (typeof input !== 'string') return { ok: false, message: `${EXPECTED}, got ${describe(input)}` };
  const text = input.trim().toLowerCase();
  if (text === 'month' || text === 'quarter') return { ok: true, value: { kind: 'calendar', period: text } };
  const m = /^(\d+)\s*(?:d|days?)$/.exec(text);
  if (m === null) {
    const hint = /^\d+(\.\d+)?\s*(h|hours?|w|weeks?|min|minutes?|s)$/.test(text)
      ? ' (a window is counted in whole days)'
      : '';
    return { ok: false, message: `${EXPECTED}, got '${input}'${hint}` };
  }
  const days = Number(m[1]);
  if (days < 1 || days > MAX_WINDOW_DAYS)
    return { ok: false, message: `${EXPECTED}; ${days} days is outside 1–${MAX_WINDOW_DAYS}` };
  return { ok: true, value: { kind: 'rolling', days } };
}

const length = (days: number, which: string): WindowLength => ({ days, seconds: days * SECONDS_PER_DAY, which });

/**
 * Every length the window can have, shortest first: one for a rolling window; 28, 29, 30 and
 * 31 days for a calendar month; 90, 91 and 92 days for a calendar quarter (Gregorian calendar).
 * @example windowLengths({ kind: 'calendar', period: 'quarter' }).map((l) => l.days) // [90, 91, 92]
 */
export function windowLengths(window: SloWindow): WindowLength[] {
  if (window.kind === 'rolling') return [length(window.days, 'rolling')];
  if (window.period === 'month') {
    return [
      length(28, 'Feb'),
      length(29, 'Feb (leap year)'),
      length(30, 'Apr, Jun, Sep, Nov'),
      length(31, 'Jan, Mar, May, Jul, Aug, Oct, Dec'),
    ];
  }
  return [length(90, 'Q1'), length(91, 'Q1 (leap year), Q2'), length(92, 'Q3, Q4')];
}

/** "30 d", "calendar month", "calendar quarter". */
export function windowName(window: SloWindow): string {
  return window.kind === 'rolling' ? `${window.days} d` : `calendar ${window.period}`;
}

/** The text form that parses back to the window: "30d", "month". */
export function windowText(window: SloWindow): string {
  return window.kind === 'rolling' ? `${window.days}d` : window.period;
}
