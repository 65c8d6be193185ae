import { describe, expect, it } from 'vitest';
import { compileModel } from '../../src/simulate/compile/compile.js';
import { componentClasses, relevantComponents } from '../../src/simulate/compile/relevance.js';
import { StructureEvaluator } from '../../src/simulate/compile/structure.js';
import { tuneBiasing } from '../../src/simulate/estimate/importance-tuning.js';
import { simulateSync } from '../../src/simulate/run/run-sync.js';
import { model, staticComponent, tier } from '../support/reference-models.js';
import { zonesByTiers } from '../support/rare-models.js';

// 20 zones × 5 tiers (issue 11's third rare-event model): C(20, 6)·2⁶ ≈ 2.5 million minimal cut
// sets per tier, far past the enumeration budget, so the fallback proposal runs.
describe('the fallback proposal: a mixture over the tier-level cut sets (20 zones × 5 tiers, 1.19e-11)', () => {
  const z = zonesByTiers();

  it('the closed forms agree with each other and with a hand estimate', () => {
    // Conditioning on zones and counting dead columns are two derivations of one tier figure.
    expect(Math.abs(z.tier / z.tierByColumns - 1)).toBeLessThan(1e-12);
    // The first two terms of the column count, c = 1 − 0.999² = 1.999e-3: C(20, 6)·c⁶(1 − c)¹⁴ =
    // 38760 × 6.3808e-17 × 0.97237 = 2.40488e-12, C(20, 7)·c⁷(1 − c)¹³ = 77520 × 1.27553e-19 ×
    // 0.97432 = 9.634e-15; together 2.41452e-12, and the rest is below 2e-17.
    expect(Math.abs(z.tier / 2.41452e-12 - 1)).toBeLessThan(1e-4);
    // Five tiers share the zones: below the union bound 5·tier, and above it less the pairs.
    expect(z.service).toBeLessThan(5 * z.tier);
    expect(z.service).toBeGreaterThan(0.95 * 5 * z.tier);
  });

  it('ties each tier to two classes of components (its zones, its nodes) and the service to six', () => {
    const m = compileModel(z.model);
    const one = componentClasses(m, relevantComponents(m, [0]), [0]);
    expect(Array.from(one.size)).toEqual([20, 20]);
    const all = [0, 1, 2, 3, 4];
    expect(Array.from(componentClasses(m, relevantComponents(m, all), all).size)).toEqual([20, 20, 20, 20, 20, 20]);
    const tuned = tuneBiasing(m, new StructureEvaluator(m), -1, 1, 1 << 20);
    if (tuned === undefined || 'untunable' in tuned) throw new Error('no proposal');
    expect(tuned.method).toBe('tier-mixture');
    expect(tuned.members).toBe(5);
  });

  it('estimates the service within its 95% interval of the exact figure at 5% (seeds 1–4), every tier within 4 SE', () => {
    for (let seed = 1; seed <= 4; seed++) {
      const r = simulateSync(z.model, { seed, mode: 'snapshot', relError: 0.05 });
      const u = r.service.unavailability;
      expect(u.estimator).toBe('importance-sampling');
      expect(u.ci[0]).toBeLessThanOrEqual(z.service);
      expect(u.ci[1]).toBeGreaterThanOrEqual(z.service);
      expect((u.ci[1] - u.ci[0]) / 2 / u.estimate).toBeLessThanOrEqual(0.05);
      expect(u.effectiveSampleSize).toBeGreaterThanOrEqual(100);
      for (const t of r.tiers) {
        expect(t.unavailability.estimator).toBe('importance-sampling');
        expect(Math.abs(t.unavailability.estimate - z.tier)).toBeLessThanOrEqual(4 * t.unavailability.stdErr);
      }
    }
  });
});

describe('one event, one run', () => {
  it('a service that is one tier reports that tier with the service figure (3 zones × 2 nodes, 2 of 6)', () => {
    const zones = ['a', 'b', 'c'].map((name) => ({ name, region: undefined, failure: staticComponent(1e-3) }));
    const m = model({
      zones,
      tiers: [
        tier(
          't',
          2,
          zones.map((x) => ({ zone: x.name, count: 2, failure: staticComponent(1e-2) })),
        ),
      ],
    });
    const r = simulateSync(m, { seed: 3, mode: 'snapshot', relError: 0.05 });
    expect(r.service.unavailability.estimator).toBe('importance-sampling');
    expect(r.tiers[0]?.unavailability).toEqual(r.service.unavailability);
  });
});
