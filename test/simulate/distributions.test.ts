import { describe, expect, it } from 'vitest';
import {
  DIST_EXPONENTIAL,
  DIST_FIXED,
  DIST_LOGNORMAL,
  DIST_WEIBULL,
  drawDuration,
  logGamma,
  sampleDuration,
  sampleResidual,
  samplingExponent,
  samplingScale,
} from '../../src/simulate/random/distributions.js';
import { normalZiggurat } from '../../src/simulate/random/normal-ziggurat.js';
import { rngFor } from '../../src/simulate/random/rng.js';

describe('Weibull draws with the Γ factor kept per shape', () => {
  it('are the same doubles as the formula evaluated afresh, shapes alternating', () => {
    // X = (m / Γ(1 + 1/k))·(−ln U)^(1/k) on the same uniforms; Γ(1.5) = √π/2 by hand.
    expect(Math.exp(logGamma(1.5))).toBeCloseTo(Math.sqrt(Math.PI) / 2, 14);
    const a = rngFor(9, 1, 0);
    const b = rngFor(9, 1, 0);
    for (let i = 0; i < 2000; i++) {
      const shape = [1.5, 0.8, 2.5][i % 3] ?? 1;
      const mean = 100 + i;
      const want = (mean / Math.exp(logGamma(1 + 1 / shape))) * Math.pow(-Math.log(b.uniform53()), 1 / shape);
      expect(drawDuration(a, DIST_WEIBULL, shape, mean)).toBe(want);
    }
  });
});

/** Fraction of n draws at or below each x, against P(X ≤ x), within 4 binomial standard errors. */
function expectCdf(draw: () => number, n: number, points: readonly (readonly [number, number])[]): void {
  const xs = Float64Array.from({ length: n }, draw);
  for (const [x, p] of points) {
    let below = 0;
    for (const v of xs) if (v <= x) below++;
    expect(Math.abs(below / n - p), `x = ${x}`).toBeLessThanOrEqual(4 * Math.sqrt((p * (1 - p)) / n) + 1e-12);
  }
}

describe('the timeline samplers (constants once, exponentials from the ziggurat)', () => {
  const n = 200_000;
  const at = [0.1, 0.5, 1, 2, 4] as const;
  it('Weibull(k) lifetimes of mean m follow 1 − e^(−(x/λ)^k), λ = m/Γ(1 + 1/k), for the root and the general exponents', () => {
    for (const k of [1.5, 2, 3, 1, 0.7, 2.5]) {
      const rng = rngFor(3, 7, Math.round(k * 10));
      const m = 2;
      const s = samplingScale(DIST_WEIBULL, k, m);
      const p = samplingExponent(DIST_WEIBULL, k);
      expect(s).toBeCloseTo(m / Math.exp(logGamma(1 + 1 / k)), 14);
      expectCdf(
        () => sampleDuration(rng, DIST_WEIBULL, s, p),
        n,
        at.map((x) => [x, -Math.expm1(-((x / s) ** k))] as const),
      );
    }
  });

  it('Weibull(0.5) residual life at a random instant has P(R > x) = (1 + √(x/λ))·e^(−√(x/λ))', () => {
    // Residual of a stationary renewal process: P(R > x) = ∫ₓ^∞ S(u) du / m (Ross §3.5). For
    // k = 1/2, S(u) = e^(−√(u/λ)): ∫ₓ^∞ = 2λ(1 + √(x/λ))e^(−√(x/λ)) and m = λΓ(3) = 2λ.
    const rng = rngFor(4, 1, 0);
    const s = samplingScale(DIST_WEIBULL, 0.5, 1);
    const p = samplingExponent(DIST_WEIBULL, 0.5);
    const survive = (x: number) => (1 + Math.sqrt(x / s)) * Math.exp(-Math.sqrt(x / s));
    expectCdf(
      () => sampleResidual(rng, DIST_WEIBULL, s, p),
      n,
      at.map((x) => [x, 1 - survive(x)] as const),
    );
  });

  it('Weibull(1.5) and Weibull(2) residuals against ∫ₓ^∞ S(u) du / m by quadrature', () => {
    for (const k of [1.5, 2]) {
      const rng = rngFor(4, 2, k * 10);
      const m = 1;
      const s = samplingScale(DIST_WEIBULL, k, m);
      const p = samplingExponent(DIST_WEIBULL, k);
      // Simpson's rule on S(u) = e^(−(u/λ)^k) over [0, x] (P(R ≤ x) = ∫₀ˣ S / m), 2000 panels.
      const cdf = (x: number) => {
        const h = x / 2000;
        let sum = 0;
        for (let i = 0; i <= 2000; i++)
          sum += (i === 0 || i === 2000 ? 1 : i % 2 === 1 ? 4 : 2) * Math.exp(-(((i * h) / s) ** k));
        return (sum * h) / 3 / m;
      };
      expectCdf(
        () => sampleResidual(rng, DIST_WEIBULL, s, p),
        n,
        at.map((x) => [x, cdf(x)] as const),
      );
    }
  });

  it('lognormal(σ) lifetimes follow Φ((ln x − μ)/σ), μ = ln m − σ²/2; residuals have mean E[X²]/(2m)', () => {
    const sigma = 0.8;
    const m = 1;
    const rng = rngFor(5, 1, 0);
    const s = samplingScale(DIST_LOGNORMAL, sigma, m);
    const mu = Math.log(m) - (sigma * sigma) / 2;
    // Φ by the Abramowitz–Stegun 7.1.26 erf (|error| < 1.5e-7), independent of the sampler.
    const erf = (x: number) => {
      const t = 1 / (1 + 0.3275911 * Math.abs(x));
      const y =
        1 -
        ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) *
          t *
          Math.exp(-x * x);
      return x >= 0 ? y : -y;
    };
    const phi = (z: number) => 0.5 * (1 + erf(z / Math.SQRT2));
    expectCdf(
      () => sampleDuration(rng, DIST_LOGNORMAL, s, sigma),
      n,
      at.map((x) => [x, phi((Math.log(x) - mu) / sigma)] as const),
    );
    // Mean residual = E[X²] / (2m) = e^(2μ + 2σ²) / 2 (Ross §3.5).
    let sum = 0;
    let sum2 = 0;
    for (let i = 0; i < n; i++) {
      const r = sampleResidual(rng, DIST_LOGNORMAL, s, sigma);
      sum += r;
      sum2 += r * r;
    }
    const mean = sum / n;
    const se = Math.sqrt((sum2 / n - mean * mean) / n);
    expect(Math.abs(mean - Math.exp(2 * mu + 2 * sigma * sigma) / 2)).toBeLessThanOrEqual(4 * se);
  });

  it('normals by the ziggurat follow Φ, and exponential and fixed phases have their closed forms', () => {
    const rng = rngFor(6, 1, 0);
    // Φ(−2), Φ(−1), Φ(0), Φ(0.5), Φ(1.5) from tables (Abramowitz & Stegun 26.2).
    // The ziggurat's body, wedges and tail (r = 3.4426), both signs: 2²¹ draws.
    expectCdf(() => normalZiggurat(rng), 1 << 21, [
      [-4, 3.167124183311992e-5],
      [-3.5, 2.32629079035525e-4],
      [-2, 0.022750131948179],
      [-1, 0.158655253931457],
      [-0.01, 0.496010643695],
      [0, 0.5],
      [0.5, 0.691462461274013],
      [1.5, 0.933192798731142],
      [3, 0.99865010196837],
      [3.6, 0.999840891409842],
    ]);
    expectCdf(
      () => sampleDuration(rng, DIST_EXPONENTIAL, 2, 0),
      n,
      at.map((x) => [x, -Math.expm1(-x / 2)] as const),
    );
    expectCdf(
      () => sampleResidual(rng, DIST_FIXED, 4, 0),
      n,
      at.map((x) => [x, Math.min(1, x / 4)] as const),
    );
    expect(sampleDuration(rng, DIST_FIXED, 4, 0)).toBe(4);
  });
});
