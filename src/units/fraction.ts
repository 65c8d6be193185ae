/**
 * Fractions as an SRE writes them: 0.05, "5%", "99.95%", "4 nines" → a value in [0, 1] with
 * its exact complement (1 − value), so "11 nines" keeps all its digits as 1e-11.
 */
import { describe } from './quantity.js';

export type ParsedFraction =
  | { readonly ok: true; readonly value: number; readonly complement: number }
  | { readonly ok: false; readonly message: string };

const PERCENT = /^\s*((?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?)\s*%\s*$/;
const NINES = /^\s*((?:\d+(?:\.\d*)?|\.\d+))\s*nines?\s*$/;

/**
 * x / 100 for a decimal string x, by shifting its exponent (one correctly rounded parse, not
 * two roundings): "5" → 0.05, "5e0" → 0.05, "2.5E-1" → 0.0025.
 * @example percentOf('99.95') // 0.9995
 */
function percentOf(text: string): number {
  const [mantissa = '', exponent = '0'] = text.split(/[eE]/);
  return Number(`${mantissa}e${Number(exponent) - 2}`);
}

const GROWTH = "expected a growth rate like '20%' or 0.2 (a fraction ≥ 0; percentages may pass 100%)";
const RATE =
  "expected an annual failure rate like '5%' or 0.05 (failures per component per year; a rate, so it may pass 100%: '150%' fails 1.5 times a year)";

/**
 * A growth rate: a number ≥ 0 or a percentage that may pass 100% ("20%", "150%", 0.2).
 * @example parseGrowth('150%') // { ok: true, value: 1.5, complement: -0.5 }
 */
export function parseGrowth(input: unknown, expected: string = GROWTH): ParsedFraction {
  if (typeof input === 'number') {
    return Number.isFinite(input) && input >= 0 && input <= MAX_RATE
      ? { ok: true, value: input, complement: 1 - input }
      : { ok: false, message: `${expected}, got ${describe(input)}` };
  }
  const percent = typeof input === 'string' ? PERCENT.exec(input) : null;
  if (!percent) return { ok: false, message: `${expected}, got ${describe(input)}` };
  const value = percentOf(percent[1] ?? '');
  return Number.isFinite(value) && value <= MAX_RATE
    ? { ok: true, value, complement: 1 - value }
    : { ok: false, message: `${expected}, got ${describe(input)}` };
}

/** Largest growth or failure rate accepted: 10⁹ per year (a failure every 32 ms). */
const MAX_RATE = 1e9;

/**
 * An annual failure rate (AFR): failures per component per 365-day year, a rate ≥ 0 that may
 * pass 100% (an 8-GPU host failing every 243 days has AFR 150%).
 * @example parseRate('150%').value // 1.5
 */
export function parseRate(input: unknown): ParsedFraction {
  return parseGrowth(input, RATE);
}

/**
 * Parses a fraction: a number in [0, 1] or a percentage; with `allowNines`, also "N nines"
 * (value 1 − 10^−N). The complement of a percentage is computed in decimal, exactly:
 * "99.95%" → complement 0.0005, not 1 − 0.9995 = 0.000500000000000056.
 * @example parseFraction('99.95%') // { ok: true, value: 0.9995, complement: 0.0005 }
 */
export function parseFraction(input: unknown, allowNines = false): ParsedFraction {
  const expected = allowNines
    ? "expected a fraction like 0.9995, a percentage like '99.95%' or nines like '4 nines'"
    : "expected a fraction between 0 and 1 like 0.05, or a percentage like '5%'";
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) return { ok: false, message: `${expected}, got ${describe(input)}` };
    if (input < 0 || input > 1) {
      const percent = input > 1 && input <= 100 ? `'${input}%'` : '';
      const nines = allowNines && input > 1 && input <= 20 ? `'${input} nines'` : '';
      const options = [percent, nines].filter(Boolean).join(' or ');
      const hint = options ? ` (did you mean ${options}?)` : '';
      return { ok: false, message: `${expected}; ${input} is outside [0, 1]${hint}` };
    }
    return { ok: true, value: input, complement: 1 - input };
  }
  if (typeof input !== 'string') return { ok: false, message: `${expected}, got ${describe(input)}` };
  const percent = PERCENT.exec(input);
  if (percent) {
    const text = percent[1] ?? '';
    const value = Number(text);
    if (!(value >= 0 && value <= 100)) return { ok: false, message: `${expected}; '${input}' is outside 0–100%` };
    return { ok: true, value: percentOf(text), complement: decimalComplementOfPercent(text) };
  }
  const ninesMatch = allowNines ? NINES.exec(input) : null;
  if (ninesMatch) {
    const n = Number(ninesMatch[1]);
    if (!(n > 0 && n <= 300)) return { ok: false, message: `${expected}; '${input}' must be between 0 and 300 nines` };
    // Number('1e-4') is exactly the double nearest 10^-4; 10 ** -4 is one ulp off.
    const complement = Number.isInteger(n) ? Number(`1e-${n}`) : 10 ** -n;
    return { ok: true, value: 1 - complement, complement };
  }
  return { ok: false, message: `${expected}, got '${input}'` };
}

/**
 * (100 − x) / 100 for a decimal string x, exact in decimal with one final rounding:
 * "99.95" → 5e-4. Falls back to floating point for exponent notation.
 */
function decimalComplementOfPercent(text: string): number {
  if (/[eE]/.test(text)) return (100 - Number(text)) / 100;
  const [whole = '0', frac = ''] = text.split('.');
  const scale = 10n ** BigInt(frac.length);
  const rest = 100n * scale - (BigInt(whole || '0') * scale + BigInt(frac || '0'));
  return Number(`${rest}e-${frac.length + 2}`);
}

const PLAIN = /^\s*(\d+(?:\.\d*)?|\.\d+)\s*$/;

/**
 * An availability target as typed on the command line: "99.99%", "4 nines", a plain fraction
 * below 1 ("0.9999"), or a plain number of nines from 1 up ("4.5").
 * @example parseAvailabilityArgument('4.5') // complement 10^-4.5
 */
export function parseAvailabilityArgument(text: string): ParsedFraction {
  const plain = PLAIN.exec(text);
  if (!plain) return parseFraction(text, true);
  const digits = plain[1] ?? '';
  const value = Number(digits);
  // More than 20 nines is no real target, but 20–100 reads like a percentage typed without %.
  if (value > 20 && value <= 100)
    return {
      ok: false,
      message: `${digits} would be ${digits} nines (an unavailability of 10^-${digits}); did you mean '${digits}%'?`,
    };
  if (value >= 1) return parseFraction(`${digits} nines`, true);
  const [, frac = ''] = digits.split('.');
  const scale = 10n ** BigInt(frac.length);
  const complement = Number(`${scale - BigInt(frac || '0')}e-${frac.length}`);
  return { ok: true, value, complement };
}
