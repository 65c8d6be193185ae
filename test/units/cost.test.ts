import { describe, expect, it } from 'vitest';
import { parseCostRate, parseStoragePrice } from '../../src/units/cost.js';

// By hand: h = 3600 s, month = 30 d = 2 592 000 s, year = 365 d; TB = 10^12 B, GB = 10^9 B.
describe('parseCostRate', () => {
  it.each([
    ['2.4/h', 2.4 / 3600],
    ['1750/month', 1750 / 2_592_000],
    ['1750 / months', 1750 / 2_592_000],
    ['20000/year', 20_000 / 31_536_000],
    ['12/d', 12 / 86_400],
  ])('%s → amount per second', (text, perSecond) => {
    const parsed = parseCostRate(text);
    expect(parsed.ok && parsed.value).toBeCloseTo(perSecond, 15);
  });

  it.each([
    [5, /bare number has no time unit.*5\/month/],
    ['23/TB-month', /a price per stored size/],
    ['5/GB', /'GB' in '5\/GB' is not a time unit/],
    ['2.4 per hour', /expected an amount per time/],
    ['-3/h', /expected an amount per time/],
  ])('refuses %s', (input, message) => {
    const parsed = parseCostRate(input);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toMatch(message);
  });
});

describe('parseStoragePrice', () => {
  it.each([
    ['23/TB-month', 23 / (1e12 * 2_592_000)],
    ['0.023/GB-month', 0.023 / (1e9 * 2_592_000)],
    ['10 / TiB - year', 10 / (2 ** 40 * 31_536_000)],
  ])('%s → amount per byte per second', (text, value) => {
    const parsed = parseStoragePrice(text);
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(parsed.value / value).toBeCloseTo(1, 12);
  });

  it.each([
    ['2.4/h', /an amount per time without a size/],
    ['23/Tb-month', /'Tb' .* is not a size unit/],
    ['23/TB-fortnight', /'fortnight' .* is not a time unit/],
  ])('refuses %s', (input, message) => {
    const parsed = parseStoragePrice(input);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toMatch(message);
  });
});
