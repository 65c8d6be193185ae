import { describe, expect, it } from 'vitest';
import { kOfN } from '../../../src/analytic/availability/k-of-n.js';

/** Exact rational → double: num/den with 40 extra decimal digits, then one division. */
function ratio(num: bigint, den: bigint): number {
  const scale = 10n ** 60n;
  return Number((num * scale) / den) / 1e60;
}

/** C(n, j) exactly. */
function chooseBig(n: number, j: number): bigint {
  let c = 1n;
  for (let i = 1; i <= j; i++) c = (c * BigInt(n - j + i)) / BigInt(i);
  return c;
}

describe('k-of-n tiers', () => {
  it('two redundant 99.9% nodes (1 of 2) give q = 1e-6 (AWS Well-Architected)', () => {
    // AWS Reliability Pillar: 100% − 0.1% × 0.1% = 99.9999%
    const r = kOfN([{ q: 1e-3, count: 2 }], 1);
    expect(Math.abs(r.q - 1e-6) / 1e-6).toBeLessThan(1e-12);
    expect(r.a).toBeCloseTo(0.999999, 15);
  });

  it('2 of 3 at q = 0.1: q = 0.028, edge = P(exactly one down) = 3·0.1·0.81 = 0.243', () => {
    const r = kOfN([{ q: 0.1, count: 3 }], 2);
    expect(r.q).toBeCloseTo(0.028, 15);
    expect(r.a).toBeCloseTo(0.972, 15);
    expect(r.edge).toBeCloseTo(0.243, 15);
  });

  it('n in the thousands, p = 1e-6: tail matches exact BigInt rational arithmetic to 1e-12', () => {
    // n = 5000 nodes, p = 1/10^6, k = 4998 (tolerates 2): q = P(X ≥ 3) = 1 − P(X ≤ 2), with
    // P(X ≤ 2) = Σ_{j≤2} C(n,j)(D−1)^(n−j) / D^n exactly (D = 10^6). Leading term by hand:
    // C(5000,3)·1e-18 = 20,820,835,000·1e-18 ≈ 2.0821e-8.
    const n = 5000;
    const D = 10n ** 6n;
    const den = D ** BigInt(n);
    let below = 0n;
    for (let j = 0; j <= 2; j++) below += chooseBig(n, j) * (D - 1n) ** BigInt(n - j);
    const exact = ratio(den - below, den);
    expect(exact).toBeGreaterThan(2.07e-8);
    expect(exact).toBeLessThan(2.09e-8);
    const r = kOfN([{ q: 1e-6, count: n }], n - 2);
    expect(Math.abs(r.q - exact) / exact).toBeLessThan(1e-12);
  });

  it('heterogeneous nodes (Poisson-binomial) match exact rationals: 3000 at 1e-6 + 2000 at 2e-6', () => {
    // X = X1 + X2, X1 ~ Bin(3000, 1/10^6), X2 ~ Bin(2000, 1/500000); tier tolerates 1 failure.
    // q = 1 − P(X1 + X2 ≤ 1) = 1 − [P1(0)P2(0) + P1(1)P2(0) + P1(0)P2(1)], exactly.
    const D1 = 10n ** 6n;
    const D2 = 500_000n;
    const p1 = (j: number): [bigint, bigint] => [chooseBig(3000, j) * (D1 - 1n) ** BigInt(3000 - j), D1 ** 3000n];
    const p2 = (j: number): [bigint, bigint] => [chooseBig(2000, j) * (D2 - 1n) ** BigInt(2000 - j), D2 ** 2000n];
    const den = D1 ** 3000n * D2 ** 2000n;
    const pair = (i: number, j: number): bigint => p1(i)[0] * p2(j)[0];
    const below = pair(0, 0) + pair(1, 0) + pair(0, 1);
    const exact = ratio(den - below, den);
    // Hand check: λ-sum ≈ 3000e-6 + 2000·2e-6 = 7e-3, q ≈ (7e-3)²/2 ≈ 2.45e-5
    expect(exact).toBeGreaterThan(2.4e-5);
    expect(exact).toBeLessThan(2.5e-5);
    const r = kOfN(
      [
        { q: 1e-6, count: 3000 },
        { q: 2e-6, count: 2000 },
      ],
      4999,
    );
    expect(Math.abs(r.q - exact) / exact).toBeLessThan(1e-12);
    expect(Math.abs(r.a - ratio(below, den))).toBeLessThan(1e-15);
  });

  it('10,000 nodes in series with q = 1e-12: 1 − (1 − 1e-12)^10000 to 1e-12 relative', () => {
    // Independent: −expm1(1e4·log1p(−1e-12)); by hand the series Nq − C(N,2)q² + … =
    // 1e-8 − 4.9995e-17 + … = 9.99999995e-9 (to 1e-16 relative).
    const r = kOfN([{ q: 1e-12, count: 10_000 }], 10_000);
    const closed = -Math.expm1(1e4 * Math.log1p(-1e-12));
    expect(Math.abs(r.q - closed) / closed).toBeLessThan(1e-12);
    expect(Math.abs(r.q - 9.99999995e-9) / 9.99999995e-9).toBeLessThan(1e-12);
  });

  it('handles nodes that never fail or never work', () => {
    // 2 of 3 with one perfect node: need 1 of the other 2 (q = 0.01 for q = 0.1 each)
    expect(
      kOfN(
        [
          { q: 0, count: 1 },
          { q: 0.1, count: 2 },
        ],
        2,
      ).q,
    ).toBeCloseTo(0.01, 15);
    // 2 of 3 with one dead node: need both others: q = 1 − 0.81 = 0.19
    expect(
      kOfN(
        [
          { q: 1, count: 1 },
          { q: 0.1, count: 2 },
        ],
        2,
      ).q,
    ).toBeCloseTo(0.19, 15);
    expect(kOfN([{ q: 0.1, count: 2 }], 3)).toEqual({ a: 0, q: 1, edge: 0 });
    expect(kOfN([{ q: 0.1, count: 2 }], 0).q).toBe(0);
  });

  it('a mostly-down tier keeps its small availability (no 1 − q cancellation)', () => {
    // 3 of 3 at q = 0.999999: a = (1e-6)³ = 1e-18 exactly as a product
    const r = kOfN([{ q: 0.999999, count: 3 }], 3);
    expect(Math.abs(r.a - 1e-18) / 1e-18).toBeLessThan(1e-9);
  });
});
