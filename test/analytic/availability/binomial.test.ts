import { describe, expect, it } from 'vitest';
import {
  binomialPmf,
  binomialPmfArray,
  binomialRange,
  logChoose,
} from '../../../src/analytic/availability/binomial.js';

describe('binomial terms and ranges', () => {
  it('logChoose matches small binomial coefficients', () => {
    // C(10, 3) = 120, C(52, 5) = 2,598,960 (poker hands)
    expect(Math.exp(logChoose(10, 3))).toBeCloseTo(120, 9);
    expect(Math.exp(logChoose(52, 5))).toBeCloseTo(2_598_960, 4);
    expect(logChoose(5, 6)).toBe(-Infinity);
  });

  it('pmf returns p itself for one trial', () => {
    expect(binomialPmf(1, 1, 1e-15)).toBe(1e-15);
    expect(binomialPmf(1, 0, 0.25)).toBe(0.75);
  });

  it('pmf and ranges of Binomial(3, 0.1) worked by hand', () => {
    // P(0) = 0.729, P(1) = 0.243, P(2) = 0.027, P(3) = 0.001
    expect(binomialPmfArray(3, 0.1, 3).map((x) => Number(x.toFixed(15)))).toEqual([0.729, 0.243, 0.027, 0.001]);
    expect(binomialRange(3, 0.1, 2, 3)).toBeCloseTo(0.028, 15);
    expect(binomialRange(3, 0.1, 0, 1)).toBeCloseTo(0.972, 15);
  });

  it('a far tail deep below the double range of linear terms stays accurate', () => {
    // P(X = 100) for Binomial(100, 1e-4) = 1e-400 underflows: 0, not NaN
    expect(binomialPmf(100, 100, 1e-4)).toBe(0);
    // P(X = 30) for Binomial(1000, 1e-9): C(1000,30)·1e-270·(1−1e-9)^970; log10 C(1000,30)
    // = 57.463… (by lgamma), so the value is ≈ 2.9e-213: finite, positive.
    const v = binomialPmf(1000, 30, 1e-9);
    expect(v).toBeGreaterThan(1e-214);
    expect(v).toBeLessThan(1e-212);
  });
});
