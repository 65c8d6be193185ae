import { describe, expect, it } from 'vitest';
import { simulateSync } from '../../src/simulate/run/run-sync.js';
import { coverageOf, rareModels } from '../support/rare-models.js';

// Fixed seeds: the same runs every time. With honest 95% intervals, 240 runs cover the exact
// figure 228 times on average (SD 3.4), and the z-spread is 1 within about ±0.05.
describe('rare-event intervals against closed forms (6 models × 40 seeds, --rel-error 0.1)', () => {
  it('cover the exact unavailability ≥ 94% of the time, with a z-spread of 1.0 ± 0.1', () => {
    const cov = coverageOf(
      (m, seed) => simulateSync(m, { seed, mode: 'snapshot', relError: 0.1 }).service.unavailability,
      40,
    );
    expect(cov.runs).toBe(240);
    expect(cov.covered / cov.runs).toBeGreaterThanOrEqual(0.94);
    expect(Math.abs(cov.zSpread - 1)).toBeLessThanOrEqual(0.1);
  });

  it('the closed forms are what the models say (spot checks worked by hand)', () => {
    const exact = Object.fromEntries(rareModels().map((r) => [r.name, r.exact]));
    // 3 of 5 at p: C(5,3)p³(1−p)² + C(5,4)p⁴(1−p) + p⁵ ≈ 10p³ at p = 1e-3.
    expect(exact['3 of 5 at 1e-3']).toBeCloseTo(10 * 1e-9 * 0.999 ** 2 + 5 * 1e-12 * 0.999 + 1e-15, 20);
    // 3 of 4 with two at a = 1e-3, two at b = 1e-5: ≥ 2 down ≈ a² + 4ab + b² to leading order.
    expect((exact['3 of 4, two at 1e-3 and two at 1e-5'] ?? 0) / (1e-6 + 4e-8 + 1e-10)).toBeCloseTo(1, 2);
  });
});
