import { describe, expect, it } from 'vitest';
import { windowDurability } from '../../../src/analytic/data-protection/durability-window.js';
import { logMarkovMttdl, markovDurability } from '../../../src/analytic/data-protection/durability-markov.js';

const DAY = 86_400;
const HOUR = 3600;
const YEAR = 365 * DAY;

const expectRel = (actual: number, expected: number, rel: number): void => {
  expect(Math.abs(actual - expected) / Math.abs(expected)).toBeLessThan(rel);
};

describe('window model', () => {
  it("Backblaze's 17+3 example: AFR 0.405%, rebuild 6.5 days → 11 nines", () => {
    // Source: Backblaze, "Backblaze Durability is 99.999999999% — And Why It Doesn't Matter"
    // (blog, 2018-07-17): 17 data + 3 parity shards, drive AFR 0.405%, 6.5 days to rebuild,
    // published result "11 nines" (99.999999999%).
    // By hand: λT = 0.00405 × 6.5 / 365 = 7.2123288e-5; p = 1 − e^−λT = 7.2120687e-5.
    // Loss = 4 or more of 20 in a window; the j = 4 term dominates:
    //   C(20,4) p⁴ (1−p)¹⁶ = 4845 × 2.70543e-17 × 0.998847 = 1.309268e-13, plus j = 5:
    //   C(20,5) p⁵ (1−p)¹⁵ = 15504 × 1.95118e-21 ≈ 3.0251e-17 → P_w = 1.3095807e-13.
    // Windows per year 365 / 6.5 = 56.153846; P(year) = 1 − (1 − P_w)^56.15 = 7.3537995e-12;
    // −log10 = 11.13 → floor 11 nines, as published.
    // Backblaze's own script (github.com/Backblaze/erasure-coding-durability, durability.py)
    // rounds the year to int(365/6.5) = 56 windows and takes p = AFR/56 = 7.2321e-5 (linear,
    // not 1 − e^−λT), which gives 56 × 1.32422e-13 = 7.4156e-12: 0.8 % higher, same 11 nines.
    // We assert the exact maths.
    const w = windowDurability({
      shards: 20,
      tolerated: 3,
      failureRatePerSecond: 0.00405 / YEAR,
      rebuildSeconds: 6.5 * DAY,
      groups: 1,
      bytesPerGroup: 1,
    });
    expectRel(w.shardFailureProbability, 7.2120687e-5, 1e-7);
    expectRel(w.windowLossProbability, 1.3095807e-13, 1e-6);
    expectRel(w.windowsPerYear, 56.153846, 1e-7);
    expectRel(w.annualLossProbability, 7.3537995e-12, 1e-6);
    expect(w.nines).toBe(11);
    // MTTDL = T / (−ln(1 − P_w)) = 6.5 d / 1.3095807e-13 = 4.9635e13 d.
    expectRel(w.mttdlSeconds, (6.5 * DAY) / 1.3095807e-13, 1e-6);
  });

  it("Backblaze calculator's README example: 4 + 2, AFR 10%, 1 day", () => {
    // Source: github.com/Backblaze/erasure-coding-durability README, `durability.py 4 2 0.10 1`:
    // threshold 3: cumulative 4.109e-10, annual 1.500e-07, "6 nines";
    // threshold 5: cumulative 9.253e-18, annual 3.377e-15, "14 nines".
    // By hand: p = 1 − e^(−0.1/365) = 2.7393508e-4.
    // 3+ of 6: 20 p³(1−p)³ + 15 p⁴(1−p)² + 6 p⁵(1−p) + p⁶ = 4.1078626e-10 + 8.4437e-14 + …
    //   = 4.1087075e-10; annual 1 − (1 − P_w)^365 = 1.4996781e-7 (6.82 → 6 nines).
    // 5+ of 6: 6 p⁵ (1−p) + p⁶ = 9.2529e-18; annual × 365 = 3.3773e-15 (14 nines).
    // Both agree with the README to its 4 printed digits.
    const group = { shards: 6, failureRatePerSecond: 0.1 / YEAR, rebuildSeconds: DAY, groups: 1, bytesPerGroup: 1 };
    const three = windowDurability({ ...group, tolerated: 2 });
    expectRel(three.windowLossProbability, 4.1087075e-10, 1e-6);
    expectRel(three.annualLossProbability, 1.4996781e-7, 1e-6);
    expect(three.nines).toBe(6);
    const five = windowDurability({ ...group, tolerated: 4 });
    expectRel(five.windowLossProbability, 9.253e-18, 1e-3);
    expectRel(five.annualLossProbability, 3.377e-15, 1e-3);
    expect(five.nines).toBe(14);
  });

  it('G groups: P = 1 − (1 − P_year)^G', () => {
    const one = windowDurability({
      shards: 6,
      tolerated: 2,
      failureRatePerSecond: 0.1 / YEAR,
      rebuildSeconds: DAY,
      groups: 1,
      bytesPerGroup: 1,
    });
    const many = windowDurability({
      shards: 6,
      tolerated: 2,
      failureRatePerSecond: 0.1 / YEAR,
      rebuildSeconds: DAY,
      groups: 1000,
      bytesPerGroup: 1,
    });
    expectRel(many.annualLossProbability, -Math.expm1(1000 * Math.log1p(-one.annualLossProbability)), 1e-9);
    expectRel(many.mttdlSeconds, one.mttdlSeconds / 1000, 1e-12);
  });

  it('stays finite and exact for 1e-20 per year and far below', () => {
    // 10 replicas (lose all 10), AFR 1 %, rebuild 1 day: P_w = p^10 with p = 1 − e^(−0.01/365);
    // log10 P(year) = log10(365) + 10·log10(p) to first order (p^10 ≈ 1e-46 makes the
    // correction vanish): 2.5623 − 45.6229 = −43.06 → 43 nines.
    const p = -Math.expm1(-0.01 / 365);
    const ten = windowDurability({
      shards: 10,
      tolerated: 9,
      failureRatePerSecond: 0.01 / YEAR,
      rebuildSeconds: DAY,
      groups: 1,
      bytesPerGroup: 1e12,
    });
    const expected10 = Math.log10(365) + 10 * Math.log10(p);
    expect(ten.log10AnnualLossProbability).toBeCloseTo(expected10, 9);
    expectRel(ten.annualLossProbability, 10 ** expected10, 1e-9);
    expect(ten.nines).toBe(Math.floor(-expected10));
    expect(ten.nines).toBe(43);
    expect(Number.isFinite(ten.mttdlSeconds)).toBe(true);
    expect(ten.expectedBytesLostPerYear).toBeGreaterThan(0);
    // 100 replicas: P ≈ 1e-453, below the double range: the probability underflows to 0 but
    // its logarithm and the nines stay exact.
    const hundred = windowDurability({
      shards: 100,
      tolerated: 99,
      failureRatePerSecond: 0.01 / YEAR,
      rebuildSeconds: DAY,
      groups: 1,
      bytesPerGroup: 1,
    });
    const expected100 = Math.log10(365) + 100 * Math.log10(p);
    expect(hundred.log10AnnualLossProbability).toBeCloseTo(expected100, 8);
    expect(hundred.nines).toBe(Math.floor(-expected100));
    expect(Number.isFinite(hundred.nines)).toBe(true);
    // MTTDL ≈ T / P_w = 86 400 s × 10^456: capped for JSON, exact in log10.
    expect(hundred.mttdlSeconds).toBe(Number.MAX_VALUE);
    expect(hundred.log10MttdlSeconds).toBeCloseTo(Math.log10(86_400) - 100 * Math.log10(p), 8);
  });

  it('exactly 1e-20: the nines are 20, not 19', () => {
    // One shard, no tolerance: P_w = p = 1 − e^(−λT). Choose λT so that the annual probability
    // 1 − (1 − p)^(year/T) = 1 − e^(−λ·year) is 1e-20: λ = −ln(1 − 1e-20)/year = 1e-20/year.
    const w = windowDurability({
      shards: 1,
      tolerated: 0,
      failureRatePerSecond: 1e-20 / YEAR,
      rebuildSeconds: DAY,
      groups: 1,
      bytesPerGroup: 1,
    });
    expectRel(w.annualLossProbability, 1e-20, 1e-12);
    expect(w.nines).toBe(20);
  });
});

describe('Markov model', () => {
  it('mirrored pair: MTTDL = (3λ + μ) / (2λ²)', () => {
    // By hand: MTBF 100 000 h → λ = 1e-5 /h; rebuild 10 h → μ = 0.1 /h.
    // (3 × 1e-5 + 0.1) / (2 × 1e-10) = 0.10003 / 2e-10 = 5.0015e8 h.
    const lambda = 1e-5 / HOUR;
    const mttdl = Math.exp(logMarkovMttdl(2, 1, lambda, 0.1 / HOUR));
    expectRel(mttdl, 5.0015e8 * HOUR, 1e-12);
    const m = markovDurability({
      shards: 2,
      tolerated: 1,
      failureRatePerSecond: lambda,
      rebuildSeconds: 10 * HOUR,
      groups: 4,
      bytesPerGroup: 250,
    });
    expectRel(m.groupMttdlSeconds, 5.0015e8 * HOUR, 1e-12);
    expectRel(m.mttdlSeconds, (5.0015e8 * HOUR) / 4, 1e-12);
    // P(year) = 1 − e^(−8760 h / 1.250375e8 h) = 7.00579e-5 (8760/1.250375e8 = 7.005898e-5).
    expectRel(m.annualLossProbability, -Math.expm1(-8760 / 1.250375e8), 1e-12);
    expect(m.nines).toBe(4);
    // Expected bytes lost: 8760 / 1.250375e8 loss events per year × 250 bytes per group.
    expectRel(m.expectedBytesLostPerYear, (8760 / 1.250375e8) * 250, 1e-12);
  });

  it('triple mirror: (11λ² + 4λμ + μ²) / (6λ³), solved by hand', () => {
    // States 0,1,2 down (3 absorbing), one repair at a time:
    //   T0 = 1/(3λ) + T1;  T1 = (1 + μT0 + 2λT2)/(2λ + μ);  T2 = (1 + μT1)/(λ + μ).
    // Eliminating: T2 = 1/λ + μ/(2λ²) + μ²/(6λ³), T1 = T2 + 1/(2λ) + μ/(6λ²),
    // T0 = 11/(6λ) + 2μ/(3λ²) + μ²/(6λ³) = (11λ² + 4λμ + μ²)/(6λ³).
    const lambda = 2e-6;
    const mu = 3e-3;
    const expected = (11 * lambda ** 2 + 4 * lambda * mu + mu ** 2) / (6 * lambda ** 3);
    expectRel(Math.exp(logMarkovMttdl(3, 2, lambda, mu)), expected, 1e-12);
  });

  it('one shard: MTTDL = 1/λ; stays finite for huge MTTDLs', () => {
    expectRel(Math.exp(logMarkovMttdl(1, 0, 1e-7, 1)), 1e7, 1e-12);
    // 12 replicas, λ = 1e-9/s, μ = 1e-3/s: MTTDL ≈ μ^11 / (12! λ^12) = 1e-33 / (4.790016e8 × 1e-108)
    // = 2.0877e66 s (the dominant term; the others are smaller by ≈ λ/μ = 1e-6).
    const m = markovDurability({
      shards: 12,
      tolerated: 11,
      failureRatePerSecond: 1e-9,
      rebuildSeconds: 1000,
      groups: 1,
      bytesPerGroup: 1,
    });
    expectRel(m.mttdlSeconds, 1e-33 / (479001600 * 1e-108), 1e-4);
    // P(year) = year / MTTDL = 3.1536e7 / 2.0877e66 = 1.5106e-59 → 58 nines.
    expect(m.nines).toBe(58);
    expectRel(m.annualLossProbability, YEAR / m.mttdlSeconds, 1e-9);
  });
});
