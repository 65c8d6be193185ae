import { describe, expect, it } from 'vitest';
import {
  formatAmount,
  formatAvailability,
  formatBytes,
  formatDuration,
  formatPercentFromUnavailability,
  formatProbability,
  formatShare,
} from '../../src/units/format.js';

describe('formatPercentFromUnavailability', () => {
  it('keeps three significant digits of q and never rounds up to 100%', () => {
    // 1 − 2.98e-4 = 0.999702 → 99.9702 %
    expect(formatPercentFromUnavailability(2.98e-4)).toBe('99.9702%');
    expect(formatPercentFromUnavailability(1e-4)).toBe('99.99%');
    expect(formatPercentFromUnavailability(0.5)).toBe('50.00%');
    // 1e-9 → 99.9999999% (7 nines after the point)
    expect(formatPercentFromUnavailability(1e-9)).toBe('99.9999999%');
    expect(formatPercentFromUnavailability(1e-15)).toBe('100% − 1.00e-13%');
    expect(formatPercentFromUnavailability(0)).toBe('100%');
  });

  it('adds the nines: −log10(q)', () => {
    // −log10(2.98e-4) = 3.5258 → 3.53
    expect(formatAvailability(2.98e-4)).toBe('99.9702% (3.53 nines)');
  });
});

describe('formatDuration', () => {
  it('uses the largest unit that keeps the value ≥ 1', () => {
    expect(formatDuration(3153.6)).toBe('52.6 min');
    expect(formatDuration(8.64)).toBe('8.64 s');
    expect(formatDuration(31_536_000)).toBe('1 y');
    expect(formatDuration(5400)).toBe('1.5 h');
    expect(formatDuration(0)).toBe('0 s');
  });
});

describe('formatBytes and formatProbability', () => {
  it('prints decimal units and plain or scientific probabilities', () => {
    expect(formatBytes(2.35e12)).toBe('2.35 TB');
    expect(formatBytes(512)).toBe('512 B');
    expect(formatProbability(0.029701)).toBe('0.029701');
    expect(formatProbability(1e-6)).toBe('1.00e-6');
  });
});

describe('formatShare', () => {
  it('gives three significant digits of the percentage, scientific below 0.001%', () => {
    expect(formatShare(0.90685)).toBe('90.7%');
    expect(formatShare(1)).toBe('100%');
    expect(formatShare(5.12e-5)).toBe('0.00512%');
    expect(formatShare(1.19e-13)).toBe('1.2e-11%');
    expect(formatShare(0)).toBe('0%');
  });
});

describe('formatAmount', () => {
  // The reference is the ICU formatter it replaces: toLocaleString('en-US') with two decimals.
  const icu = (x: number): string => x.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

  it('writes two decimals and thousands separators', () => {
    expect(formatAmount(1728)).toBe('1,728.00');
    expect(formatAmount(0.5)).toBe('0.50');
    expect(formatAmount(1234567.891)).toBe('1,234,567.89');
  });

  it('rounds the shortest decimal half away from zero, as ICU does (1.005 → 1.01, not toFixed’s 1.00)', () => {
    expect((1.005).toFixed(2)).toBe('1.00');
    expect(formatAmount(1.005)).toBe('1.01');
    expect(formatAmount(2.675)).toBe('2.68');
    expect(formatAmount(-2.675)).toBe('-2.68');
    expect(formatAmount(0.995)).toBe('1.00');
    expect(formatAmount(999.995)).toBe('1,000.00');
    expect(formatAmount(-0.001)).toBe('-0.00');
    expect(formatAmount(-0)).toBe('-0.00');
    expect(formatAmount(1e-7)).toBe('0.00');
  });

  it('agrees with toLocaleString on every kind of amount', () => {
    const xs: number[] = [0, 1e-7, 0.004999, 0.005, 0.015, 1e15 + 0.5, 123456789012345680000, 9.99e20, 2e21, 1e300];
    for (let cents = -2000; cents <= 2000; cents++) xs.push(cents / 100 + 0.005, cents / 1000, cents * 1.37);
    // A deterministic spread over magnitudes 1e-4 … 1e20 (a linear congruential sequence).
    let u = 12345;
    for (let i = 0; i < 3000; i++) {
      u = (u * 1103515245 + 12345) % 2 ** 31;
      xs.push((u / 2 ** 31 - 0.3) * 10 ** ((i % 25) - 4));
    }
    const wrong = xs.filter((x) => formatAmount(x) !== icu(x)).map((x) => `${x}: ${formatAmount(x)} vs ${icu(x)}`);
    expect(wrong).toEqual([]);
  });
});
