import { describe, expect, it } from 'vitest';
import {
  logMarkovMttdl,
  logMarkovMttdlRecurrence,
  RECURRENCE_MAX,
} from '../../../src/analytic/data-protection/durability-markov.js';
import {
  harmonicRange,
  logMarkovMttdlSeries,
  logPowerOverRising,
} from '../../../src/analytic/data-protection/durability-markov-series.js';

const relLog = (a: number, b: number): number => Math.abs(Math.expm1(a - b));

describe('Markov MTTDL without a sum over the tolerated failures', () => {
  it('equals the one-pass recurrence (an independent derivation) over small chains', () => {
    // The recurrence T_i = (μ T_{i−1} + 1) / b_i and the telescoped series share no code. The
    // log of MTTDL reaches ~2e5 here: a relative error of ~1e-14 in the log is the problem's
    // conditioning (ρ^m), so the MTTDLs agree to ~1e-8 at most and ~1e-13 for modest logs.
    for (const n of [2, 3, 5, 12, 40, 100, 300, 1000, 5000])
      for (const share of [0.1, 0.5, 0.9, 1])
        for (const rho of [1e-3, 0.5, 3, 17, 99, 1e3, 1e5, 1e9, 1e20]) {
          const m = Math.max(1, Math.min(n - 1, Math.round(share * (n - 1))));
          const a = logMarkovMttdlRecurrence(n, m, 1e-6, rho * 1e-6);
          const b = logMarkovMttdlSeries(n, m, 1e-6, rho * 1e-6);
          expect(Math.abs(a - b) / Math.abs(a)).toBeLessThan(1e-13);
          if (Math.abs(a) < 200) expect(relLog(a, b)).toBeLessThan(1e-12);
        }
  });

  it('mirror and triple mirror by hand through the series', () => {
    // Mirror: (3λ + μ)/(2λ²); triple (11λ² + 4λμ + μ²)/(6λ³) (solved by hand in durability.test.ts).
    const lambda = 2e-6;
    const mu = 3e-3;
    expect(
      relLog(logMarkovMttdlSeries(2, 1, lambda, mu), Math.log((3 * lambda + mu) / (2 * lambda ** 2))),
    ).toBeLessThan(1e-13);
    const triple = (11 * lambda ** 2 + 4 * lambda * mu + mu ** 2) / (6 * lambda ** 3);
    expect(relLog(logMarkovMttdlSeries(3, 2, lambda, mu), Math.log(triple))).toBeLessThan(1e-13);
  });

  it('a 10⁹-copy tier without repair is a pure death chain: MTTDL = H_n / λ', () => {
    // μ → 0: the time to lose all n copies is Σ_{L=1..n} 1/(Lλ) = H_n/λ, and
    // H_10⁹ = ln 10⁹ + γ + 1/(2·10⁹) − … = 20.723265836946411 + 0.577215664901533 = 21.30048150234794(4).
    const n = 1e9;
    const lambda = 1e-8;
    expect(relLog(logMarkovMttdl(n, n - 1, lambda, 1e-30), Math.log(21.30048150234794 / lambda))).toBeLessThan(1e-13);
    // Losing half (L from n/2 to n): ψ(n + 1) − ψ(n/2) = ln 2 + 1/n + 1/(2n) + O(n⁻²) = 0.6931471820599453.
    expect(relLog(logMarkovMttdl(n, n / 2, lambda, 1e-30), Math.log(0.6931471820599453 / lambda))).toBeLessThan(1e-12);
  });

  it('a 10⁹-copy tier with fast repair: the dominant term ρ^m (n − m − 1)! / (λ n!)', () => {
    // ρ = 10²² ≫ n: MTTDL = (1/λ) ρ^m (L₀−1)!/n! · (1 + O(n/ρ)) with L₀ = n − m = 1, i.e.
    // ln MTTDL = m ln ρ − ln n! − ln λ; ln 10⁹! = 10⁹ ln 10⁹ − 10⁹ + ½ ln(2π·10⁹) + 1/(12·10⁹)
    // (Stirling's series to 1/(12n), exact to ~1e-28 at n = 10⁹).
    const n = 1e9;
    const m = n - 1;
    const lnFact = n * Math.log(n) - n + 0.5 * Math.log(2 * Math.PI * n) + 1 / (12 * n);
    const expected = m * Math.log(1e22) - lnFact - Math.log(1e-9);
    const got = logMarkovMttdl(n, m, 1e-9, 1e13);
    expect(Math.abs(got - expected) / expected).toBeLessThan(1e-14);
  });

  it('switches to the series above RECURRENCE_MAX and agrees with the recurrence there', () => {
    const n = 400_000;
    const m = RECURRENCE_MAX + 50_000;
    for (const rho of [10, 2.5e5, 1e7]) {
      const a = logMarkovMttdlRecurrence(n, m, 1e-7, rho * 1e-7);
      expect(Math.abs(logMarkovMttdl(n, m, 1e-7, rho * 1e-7) - a) / Math.abs(a)).toBeLessThan(1e-13);
    }
  });

  it('harmonic ranges and ρ^c A!/B! by hand', () => {
    let direct = 0;
    for (let L = 100_000; L >= 7; L--) direct += 1 / L;
    expect(Math.abs(harmonicRange(7, 100_000) - direct)).toBeLessThan(1e-13);
    expect(harmonicRange(1, 3)).toBeCloseTo(1 + 1 / 2 + 1 / 3, 15);
    // 10² · 1!/3! = 100/6; 3⁴ · 20!/24! = 81 / (21·22·23·24) = 81/255024.
    expect(Math.exp(logPowerOverRising(10, 1, 3))).toBeCloseTo(100 / 6, 12);
    expect(relLog(logPowerOverRising(3, 20, 24), Math.log(81 / 255024))).toBeLessThan(1e-14);
    expect(relLog(logPowerOverRising(3, 0, 4), Math.log(81 / 24))).toBeLessThan(1e-14);
  });
});
