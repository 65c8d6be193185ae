import { describe, expect, it } from 'vitest';
import {
  log1mExp,
  logAtLeastOnce,
  logBinomialTails,
  logChoose,
  logPoissonAtLeastOne,
  logSumExp,
  stirlingError,
} from '../../src/analytic/log-math.js';
import { binomialPmf } from '../../src/analytic/availability/binomial.js';
import { kOfN } from '../../src/analytic/availability/k-of-n.js';

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

describe('binomial terms of very large tiers in O(1) (Loader 2000)', () => {
  it('P(X = m) for X ~ Binomial(2m, ½) matches the central-binomial series 1/√(πm)·(1 − 1/8m + 1/128m² + 5/1024m³)', () => {
    for (const m of [50_000, 5_000_000, 500_000_000]) {
      const series = (1 / Math.sqrt(Math.PI * m)) * (1 - 1 / (8 * m) + 1 / (128 * m * m) + 5 / (1024 * m ** 3));
      expect(Math.abs(binomialPmf(2 * m, m, 0.5) / series - 1)).toBeLessThan(1e-12);
    }
  });

  it('log C(n, k) beyond 64 factors agrees with the exact sum, and Stirling’s error at 1 is 1 − ln √(2π)', () => {
    let exact = 0;
    for (let i = 1; i <= 300; i++) exact += Math.log((700 + i) / i); // log C(1000, 300)
    expect(Math.abs(logChoose(1000, 300) - exact)).toBeLessThan(1e-10);
    expect(stirlingError(1)).toBeCloseTo(1 - 0.5 * Math.log(2 * Math.PI), 15);
  });

  it('a 10⁹-node tier is evaluated without a sum over its nodes (the test would time out)', () => {
    // q = 0.05 per node: P(more than half down) underflows to 0; P(≤ 5·10⁷ + 10⁴ down) is about
    // Φ(10⁴ / √(10⁹·0.05·0.95)) = Φ(1.451) ≈ 0.9266 (normal approximation, error ~1e-3).
    const r = kOfN([{ q: 0.05, count: 1e9 }], 1e9 - 50_010_000);
    expect(Math.abs(r.a - 0.9266)).toBeLessThan(2e-3);
    expect(r.a + r.q).toBeCloseTo(1, 9);
  });
});
