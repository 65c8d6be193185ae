/**
 * Currency-neutral prices as a planner writes them: an amount per time ("2.4/h", "1750/month")
 * and an amount per stored size per time ("23/TB-month", "0.023/GB-month") → amount per second
 * and amount per byte per second. No currency is implied: every figure is in the model's unit.
 */
import { parseQuantity, describe, type Parsed } from './quantity.js';

const NUMBER = String.raw`([+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?)`;
const RATE = new RegExp(String.raw`^\s*${NUMBER}\s*/\s*([A-Za-z]+)\s*$`);
const STORAGE = new RegExp(String.raw`^\s*${NUMBER}\s*/\s*([A-Za-z]+)\s*-\s*([A-Za-z]+)\s*$`);

const RATE_EXAMPLE = "an amount per time like '2.4/h' or '1750/month'";
const STORAGE_EXAMPLE = "an amount per stored size per time like '23/TB-month' or '0.023/GB-month'";

/**
 * An amount per time → amount per second.
 * @example parseCostRate('2.4/h') // { ok: true, value: 0.000666… } (2.4 / 3600)
 * @example parseCostRate('1750/month') // { ok: true, value: 1750 / 2 592 000 }
 */
export function parseCostRate(input: unknown): Parsed {
  const expected = `expected ${RATE_EXAMPLE}`;
  if (typeof input === 'number')
    return { ok: false, message: `${expected}; a bare number has no time unit (write e.g. '${input}/month')` };
  if (typeof input !== 'string') return { ok: false, message: `${expected}, got ${describe(input)}` };
  if (STORAGE.test(input)) return { ok: false, message: `${expected}, got '${input}', a price per stored size` };
  const match = RATE.exec(input);
  if (!match) return { ok: false, message: `${expected}, got '${input}'` };
  const [, amount = '', timeUnit = ''] = match;
  const per = parseQuantity(`1 ${timeUnit}`, 'duration');
  if (!per.ok)
    return { ok: false, message: `${expected}; '${timeUnit}' in '${input}' is not a time unit (h, d, month, year, …)` };
  return finite(Number(amount) / per.value, expected, input);
}

/**
 * An amount per stored size per time → amount per byte per second.
 * @example parseStoragePrice('23/TB-month') // { ok: true, value: 23 / (1e12 · 2 592 000) }
 */
export function parseStoragePrice(input: unknown): Parsed {
  const expected = `expected ${STORAGE_EXAMPLE}`;
  if (typeof input === 'number')
    return { ok: false, message: `${expected}; a bare number has no unit (write e.g. '${input}/TB-month')` };
  if (typeof input !== 'string') return { ok: false, message: `${expected}, got ${describe(input)}` };
  const match = STORAGE.exec(input);
  if (!match) {
    const hint = RATE.test(input) ? ', an amount per time without a size' : '';
    return { ok: false, message: `${expected}, got '${input}'${hint}` };
  }
  const [, amount = '', sizeUnit = '', timeUnit = ''] = match;
  const size = parseQuantity(`1 ${sizeUnit}`, 'size');
  if (!size.ok)
    return { ok: false, message: `${expected}; '${sizeUnit}' in '${input}' is not a size unit (GB, TB, TiB, …)` };
  const per = parseQuantity(`1 ${timeUnit}`, 'duration');
  if (!per.ok)
    return { ok: false, message: `${expected}; '${timeUnit}' in '${input}' is not a time unit (h, d, month, year, …)` };
  return finite(Number(amount) / size.value / per.value, expected, input);
}

function finite(value: number, expected: string, input: string): Parsed {
  return Number.isFinite(value) && value >= 0
    ? { ok: true, value }
    : { ok: false, message: `${expected}; '${input}' is out of range` };
}
