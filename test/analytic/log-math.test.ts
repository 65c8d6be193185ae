import { describe, expect, it } from 'vitest';
import {
  log1mExp,
  logAtLeastOnce,
  logBinomialTails,
  logChoose,
  logPoissonAtLeastOne,
  logSumExp,
} from '../../src/analytic/log-math.js';

const expectRel = (actual: number, expected: number, rel: number): void => {
  expect(Math.abs(actual - expected) / Math.abs(expected)).toBeLessThan(rel);
};

describe('log-space helpers', () => {
  it('logSumExp: log(1 + 2 + 3) = log 6; far apart terms; empty', () => {
    expectRel(logSumExp([0, Math.log(2), Math.log(3)]), Math.log(6), 1e-15);
    // e^-1000 + e^-1001 = e^-1000 (1 + 1/e): log = −1000 + log(1.3678794) = −999.6867383.
    expectRel(logSumExp([-1000, -1001]), -1000 + Math.log1p(Math.exp(-1)), 1e-15);
    expect(logSumExp([])).toBe(-Infinity);
  });

  it('log1mExp keeps 1e-20 at both ends', () => {
    // log(1 − 1e-20) = −1e-20 (to first order, exact in doubles).
    expectRel(log1mExp(Math.log(1e-20)), -1e-20, 1e-12);
    // log(1 − e^(−1e-20)) = log(1e-20).
    expectRel(log1mExp(-1e-20), Math.log(1e-20), 1e-12);
  });

  it('logChoose: C(20, 4) = 4845, C(100, 50) = 100891344545564193334812497256', () => {
    expectRel(Math.exp(logChoose(20, 4)), 4845, 1e-13);
    expectRel(logChoose(100, 50), Math.log(Number(100891344545564193334812497256n)), 1e-14);
  });

  it('binomial tails: P(X ≤ 2) for n = 6, p = 0.3 is 0.744310 (Wikipedia, via Backblaze tests)', () => {
    const { logUpper, logLower } = logBinomialTails(6, 2, 0.3);
    expect(Math.exp(logLower)).toBeCloseTo(0.74431, 6);
    expect(Math.exp(logUpper)).toBeCloseTo(1 - 0.74431, 6);
  });

  it('1 − (1 − p)^n: Wolfram Alpha values quoted in Backblaze durability.py tests', () => {
    expectRel(Math.exp(logAtLeastOnce(Math.log(1e-3), 200)), 0.18135117, 1e-7);
    expectRel(Math.exp(logAtLeastOnce(Math.log(1e-6), 200)), 1.999801e-4, 1e-6);
    expectRel(Math.exp(logAtLeastOnce(Math.log(1e-20), 200)), 2e-18, 1e-12);
    // Below the double range: log(200) + log(1e-400).
    expectRel(logAtLeastOnce(-400 * Math.LN10, 200), Math.log(200) - 400 * Math.LN10, 1e-15);
  });

  it('1 − e^(−x) from log x', () => {
    expectRel(Math.exp(logPoissonAtLeastOne(Math.log(1e-20))), 1e-20, 1e-12);
    expectRel(Math.exp(logPoissonAtLeastOne(0)), 1 - Math.exp(-1), 1e-15);
  });
});
