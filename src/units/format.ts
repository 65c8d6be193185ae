/**
 * Human formatting of quantities, beside their parsing (DESIGN §2): durations, bytes, counts,
 * probabilities, availability and nines for text reports and messages. JSON never goes through
 * here: it is unrounded.
 */
import { SECONDS_PER_DAY, SECONDS_PER_HOUR, SECONDS_PER_MINUTE, SECONDS_PER_YEAR } from './conventions.js';
import { nines } from './nines.js';

/** "3.53 nines" (two decimals); "∞ nines" for a component that never fails. */
export function formatNines(q: number): string {
  const n = nines(q);
  return Number.isFinite(n) ? `${n.toFixed(2)} nines` : '∞ nines';
}

/** "11 nines", "3.5 nines": two decimals without trailing zeros; "∞ nines" for q ≤ 0. */
export function formatNinesTrimmed(q: number): string {
  const n = nines(q);
  return Number.isFinite(n) ? `${n.toFixed(2).replace(/\.?0+$/, '')} nines` : '∞ nines';
}

/**
 * Availability from its unavailability q, with enough decimals that q keeps three
 * significant digits: q = 2.98e-4 → "99.9702%". Built from q, so it never rounds up to 100%.
 * @example formatPercentFromUnavailability(2.98e-4) // "99.9702%"
 */
export function formatPercentFromUnavailability(q: number): string {
  if (q <= 0) return '100%';
  if (q >= 1) return '0%';
  const qPercent = q * 100;
  const decimals = Math.max(2, Math.floor(-Math.log10(qPercent)) + 3);
  if (decimals > 12) return `100% − ${qPercent.toPrecision(3)}%`;
  // Trailing zeros carry no information here ("99.99000%"), but keep two decimals.
  const text = (100 - qPercent).toFixed(decimals).replace(/(\.\d\d\d*?)0+$/, '$1');
  // (100 − q%) can round to 100 at this precision only when q% < 0.5e-decimals, which the
  // choice of decimals excludes; keep the guard for safety.
  return text.startsWith('100') ? `100% − ${qPercent.toPrecision(3)}%` : `${text}%`;
}

/** "99.9702% (3.53 nines)" from the unavailability q. */
export function formatAvailability(q: number): string {
  return `${formatPercentFromUnavailability(q)} (${formatNines(q)})`;
}

/** A probability, in plain decimals down to 1e-4 and scientific below: "0.029701", "1.00e-6". */
export function formatProbability(p: number): string {
  if (p === 0) return '0';
  if (!Number.isFinite(p)) return String(p);
  if (p >= 1e-4) return stripZeros(p.toPrecision(5));
  return p.toExponential(2);
}

/**
 * An integer with thousands separators, as toLocaleString('en-US') writes it below 1e21,
 * without loading the ICU locale data (tens of milliseconds at start-up).
 * @example groupThousands(1234567) // '1,234,567'
 */
export function groupThousands(n: number): string {
  const text = String(n);
  return /e/i.test(text) ? text : text.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** A count or rate: "12", "0.42", "1.3e-5". */
export function formatCount(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  if (x === 0) return '0';
  if (Math.abs(x) >= 1e6 || Math.abs(x) < 1e-3) return x.toExponential(2);
  if (Number.isInteger(x)) return groupThousands(x);
  return stripZeros(x.toPrecision(3));
}

const DURATION_UNITS: readonly (readonly [number, string])[] = [
  [SECONDS_PER_YEAR, 'y'],
  [SECONDS_PER_DAY, 'd'],
  [SECONDS_PER_HOUR, 'h'],
  [SECONDS_PER_MINUTE, 'min'],
  [1, 's'],
  [1e-3, 'ms'],
];

/**
 * A duration in the largest unit that keeps it ≥ 1, three significant digits (or `significant`):
 * 3153.6 s → "52.6 min", 8.64 → "8.64 s", 0 → "0 s"; formatDuration(2419.2, 4) → "40.32 min".
 */
export function formatDuration(seconds: number, significant = 3): string {
  if (!Number.isFinite(seconds)) return seconds > 0 ? '∞' : String(seconds);
  if (seconds === 0) return '0 s';
  const abs = Math.abs(seconds);
  for (const [size, unit] of DURATION_UNITS) {
    if (abs >= size) return `${stripZeros((seconds / size).toPrecision(significant))} ${unit}`;
  }
  return `${seconds.toExponential(2)} s`;
}

const BYTE_UNITS = ['B', 'kB', 'MB', 'GB', 'TB', 'PB', 'EB'] as const;

/** Bytes in decimal units (TB = 10^12 B), three significant digits: 2.35e12 → "2.35 TB". */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes)) return String(bytes);
  let value = bytes;
  let i = 0;
  while (Math.abs(value) >= 1000 && i < BYTE_UNITS.length - 1) {
    value /= 1000;
    i++;
  }
  return `${stripZeros(value.toPrecision(3))} ${BYTE_UNITS[i] ?? 'B'}`;
}

function stripZeros(text: string): string {
  return text.includes('e') || !text.includes('.') ? text : text.replace(/\.?0+$/, '');
}

/**
 * A currency-neutral amount with two decimals and thousands separators: 1728 → "1,728.00".
 * The same text as toLocaleString('en-US') with two fraction digits, without ICU (its first
 * call costs ~10 ms): that rounds the shortest decimal that reads back as the number (String(x),
 * so 1.005 → "1.01", where toFixed(2) rounds the binary value to "1.00"), half away from zero,
 * and keeps the sign of a negative amount that rounds to zero ("-0.00").
 * @example formatAmount(0.5) // "0.50"
 */
export function formatAmount(amount: number): string {
  if (!Number.isFinite(amount)) return String(amount);
  const abs = Math.abs(amount);
  // Past 1e21 String(x) is exponential: rare enough for the ICU path.
  if (abs >= 1e21) return amount.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const sign = amount < 0 || Object.is(amount, -0) ? '-' : '';
  return `${sign}${roundedCents(abs)}`;
}

/** "int.ff" of a non-negative x < 1e21: its shortest decimal rounded half up at two places. */
function roundedCents(x: number): string {
  const text = String(x);
  // Exponential below 1e-6: far below half a cent.
  if (text.includes('e')) return '0.00';
  const dot = text.indexOf('.');
  const whole = dot < 0 ? text : text.slice(0, dot);
  const fraction = dot < 0 ? '' : text.slice(dot + 1);
  let cents = BigInt(whole + fraction.slice(0, 2).padEnd(2, '0'));
  if ((fraction[2] ?? '0') >= '5') cents += 1n;
  const digits = cents.toString().padStart(3, '0');
  return `${digits.slice(0, -2).replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${digits.slice(-2)}`;
}

/**
 * A share as a percentage, three significant digits, scientific below 0.001%:
 * 0.90685 → "90.7%", 5.12e-5 → "0.00512%", 1.19e-13 → "1.2e-11%".
 */
export function formatShare(share: number): string {
  if (share === 0) return '0%';
  const p = share * 100;
  return `${Math.abs(p) >= 0.001 ? stripZeros(p.toPrecision(3)) : p.toExponential(1)}%`;
}
