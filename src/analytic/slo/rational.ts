/**
 * Exact rational arithmetic on BigInt, for SLO figures that must come out as printed in the
 * SRE workbook: 14.4 × 0.001 is 0.0144 here, not 0.014400000000000001, and 1 − 0.999 is 0.001,
 * not 0.0010000000000000009. Numbers enter through their shortest decimal text (what
 * `String(x)` prints, the decimal the user wrote) and leave as decimals or as doubles.
 */

/** n / d in lowest terms, d > 0. */
export type Rational = { readonly n: bigint; readonly d: bigint };

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x === 0n ? 1n : x;
}

/** n / d reduced. */
export function ratio(n: bigint | number, d: bigint | number = 1n): Rational {
  let nn = BigInt(n);
  let dd = BigInt(d);
  if (dd === 0n) throw new RangeError('rational with a zero denominator');
  if (dd < 0n) [nn, dd] = [-nn, -dd];
  const g = gcd(nn, dd);
  return { n: nn / g, d: dd / g };
}

/**
 * The exact value of a number's shortest decimal text: 0.999 → 999/1000, 1e-7 → 1/10^7.
 * @example fromNumber(0.0005) // { n: 1n, d: 2000n }
 */
export function fromNumber(x: number): Rational {
  if (!Number.isFinite(x)) throw new RangeError(`not a finite number: ${x}`);
  return fromDecimal(String(x));
}

/** The exact value of a decimal text such as "99.95", "-1.5e-3". */
export function fromDecimal(text: string): Rational {
  const m = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(text.trim());
  if (m === null || (m[2] === '' && (m[3] ?? '') === '')) throw new RangeError(`not a decimal: '${text}'`);
  const digits = `${m[2] ?? ''}${m[3] ?? ''}` || '0';
  const exponent = Number(m[4] ?? '0') - (m[3] ?? '').length;
  const sign = m[1] === '-' ? -1n : 1n;
  const mantissa = sign * BigInt(digits);
  return exponent >= 0 ? ratio(mantissa * 10n ** BigInt(exponent)) : ratio(mantissa, 10n ** BigInt(-exponent));
}

export const add = (a: Rational, b: Rational): Rational => ratio(a.n * b.d + b.n * a.d, a.d * b.d);
export const sub = (a: Rational, b: Rational): Rational => ratio(a.n * b.d - b.n * a.d, a.d * b.d);
export const mul = (a: Rational, b: Rational): Rational => ratio(a.n * b.n, a.d * b.d);
export const div = (a: Rational, b: Rational): Rational => ratio(a.n * b.d, a.d * b.n);
/** −1, 0 or 1 as a < b, a = b, a > b. */
export const compare = (a: Rational, b: Rational): number => {
  const x = a.n * b.d - b.n * a.d;
  return x < 0n ? -1 : x > 0n ? 1 : 0;
};

/** The double nearest to the rational (one rounding, through its decimal expansion). */
export function toNumber(r: Rational): number {
  return Number(toDecimal(r, 40));
}

/** Whether the decimal expansion terminates (the reduced denominator is 2^a·5^b). */
export function terminates(r: Rational): boolean {
  let d = r.d;
  while (d % 2n === 0n) d /= 2n;
  while (d % 5n === 0n) d /= 5n;
  return d === 1n;
}

/**
 * The decimal text of r: exact when it terminates within `maxDecimals`, otherwise rounded
 * half away from zero to that many decimals (no exponent, no trailing zeros).
 * @example toDecimal(mul(fromNumber(14.4), fromNumber(0.001))) // "0.0144"
 */
export function toDecimal(r: Rational, maxDecimals = 20): string {
  const negative = r.n < 0n;
  const n = negative ? -r.n : r.n;
  const scale = 10n ** BigInt(maxDecimals);
  let scaled = (n * scale) / r.d;
  if (((n * scale) % r.d) * 2n >= r.d) scaled += 1n;
  const whole = scaled / scale;
  const frac = (scaled % scale).toString().padStart(maxDecimals, '0').replace(/0+$/, '');
  const text = frac === '' ? whole.toString() : `${whole}.${frac}`;
  return negative && scaled !== 0n ? `-${text}` : text;
}

/**
 * A rational to show a person: exact when it terminates within 12 decimals, otherwise to
 * `significant` significant digits followed by "…" (28 d / 30 → "0.9333…").
 */
export function formatRational(r: Rational, significant = 4): string {
  if (terminates(r)) {
    const exact = toDecimal(r, 12);
    if (compare(fromDecimal(exact), r) === 0) return exact;
  }
  const x = toNumber(r);
  const magnitude = x === 0 ? 0 : Math.floor(Math.log10(Math.abs(x)));
  const decimals = Math.max(0, significant - 1 - magnitude);
  return `${toDecimal(r, decimals)}…`;
}
