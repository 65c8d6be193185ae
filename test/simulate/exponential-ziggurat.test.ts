import { describe, expect, it } from 'vitest';
import { exponential } from '../../src/simulate/random/exponential-ziggurat.js';
import { rngFor } from '../../src/simulate/random/rng.js';

describe('exponential variates by the ziggurat', () => {
  it('follow P(X ≤ x) = 1 − e^(−x) from the body to beyond the tail start r = 7.69', () => {
    const n = 1 << 21;
    const s = rngFor(5, 99, 0);
    const xs = new Float64Array(n);
    let sum = 0;
    for (let i = 0; i < n; i++) sum += xs[i] = exponential(s);
    // Exp(1): mean 1, variance 1, so the sample mean's SE is 1/√n.
    expect(Math.abs(sum / n - 1)).toBeLessThanOrEqual(4 / Math.sqrt(n));
    // Empirical CDF against the closed form, 4 binomial standard errors at each point, including
    // points inside single layers, the wedge region near 0 and the tail (e^(−8) = 3.35e-4).
    for (const x of [0.001, 0.05, 0.1, 0.5, 1, 2, 3, 5, 7.5, 8, 10]) {
      const p = -Math.expm1(-x);
      let below = 0;
      for (const v of xs) if (v <= x) below++;
      expect(Math.abs(below / n - p), `x = ${x}`).toBeLessThanOrEqual(4 * Math.sqrt((p * (1 - p)) / n) + 1e-12);
    }
    expect(xs.every((v) => v >= 0)).toBe(true);
  });
});
