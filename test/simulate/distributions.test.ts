import { describe, expect, it } from 'vitest';
import { DIST_WEIBULL } from '../../src/simulate/compile/compile.js';
import { drawDuration, drawResidual, gamma, logGamma } from '../../src/simulate/random/distributions.js';
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
    for (let i = 0; i < 500; i++) {
      const shape = [1.5, 0.8][i % 2] ?? 1;
      const u = b.uniform();
      const want = u * (50 / Math.exp(logGamma(1 + 1 / shape))) * Math.pow(gamma(b, 1 + 1 / shape), 1 / shape);
      expect(drawResidual(a, DIST_WEIBULL, shape, 50)).toBe(want);
    }
  });
});
