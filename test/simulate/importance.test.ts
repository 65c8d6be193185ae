import { describe, expect, it } from 'vitest';
import { simulateSync } from '../../src/simulate/run/run-sync.js';
import { model, referenceSnapshotModel, staticComponent, tier } from '../support/reference-models.js';
import { binomialAtLeast, choose, exactSnapshot } from './exact.js';

function within4(est: { estimate: number; stdErr: number }, exact: number): void {
  expect(Math.abs(est.estimate - exact)).toBeLessThanOrEqual(4 * est.stdErr);
}

describe('importance sampling (failure biasing, cross-entropy tuned)', () => {
  it('agrees with the exact k-of-n tail at 1.5e-11 (3-of-6 healthy, q = 1e-3)', () => {
    // Down iff ≥ 4 of 6 down: C(6,4)q⁴(1−q)² + C(6,5)q⁵(1−q) + q⁶
    // = 15e-12·0.998001 + 6e-15·0.999 + 1e-18 = 1.4976e-11.
    const q = 1e-3;
    const exact = 15 * q ** 4 * (1 - q) ** 2 + 6 * q ** 5 * (1 - q) + q ** 6;
    expect(exact).toBeCloseTo(1.4976e-11, 14);
    const m = model({ tiers: [tier('t', 3, [{ zone: undefined, count: 6, failure: staticComponent(q) }])] });
    const r = simulateSync(m, { seed: 2, trials: 1 << 20, mode: 'snapshot' });
    const u = r.service.unavailability;
    expect(u.estimator).toBe('importance-sampling');
    expect(r.estimator).toBe('importance-sampling');
    within4(u, exact);
    expect(u.stdErr / u.estimate).toBeLessThan(0.02);
    expect(u.effectiveSampleSize).toBeGreaterThan(100);
    expect(u.varianceReduction).toBeGreaterThan(1e6);
  });

  it('agrees with the exact tail at 5e-16 (2-of-5 healthy, q = 1e-4)', () => {
    // Down iff ≥ 4 of 5 down: C(5,4)q⁴(1 − q) + q⁵ = 5e-16·0.9999 + 1e-20 = 4.9995e-16.
    const q = 1e-4;
    const exact = choose(5, 4) * q ** 4 * (1 - q) + q ** 5;
    const m = model({ tiers: [tier('t', 2, [{ zone: undefined, count: 5, failure: staticComponent(q) }])] });
    const r = simulateSync(m, { seed: 9, trials: 1 << 20, mode: 'snapshot' });
    within4(r.service.unavailability, exact);
  });

  it('estimates a 1e-12 unavailability within 5% relative error in under 5 s', () => {
    // 1-of-3 tier (down iff all 3 down), q = 1e-4: q³ = 1e-12 exactly.
    const m = model({ tiers: [tier('t', 1, [{ zone: undefined, count: 3, failure: staticComponent(1e-4) }])] });
    const t0 = performance.now();
    const r = simulateSync(m, { seed: 4, relError: 0.05, mode: 'snapshot' });
    expect(performance.now() - t0).toBeLessThan(5000);
    const u = r.service.unavailability;
    expect(Math.abs(u.estimate - 1e-12) / 1e-12).toBeLessThan(0.05);
    expect(u.ci[0]).toBeLessThanOrEqual(1e-12 * 1.0000001);
    expect(u.ci[1]).toBeGreaterThanOrEqual(1e-12 * 0.9999999);
  });

  it('skips the 2^20-trial naive pre-run when the exact figures say every event is rare', () => {
    // Same 1-of-3 model, q³ = 1e-12: at 10% relative error naive sampling would need
    // z²/(0.01·1e-12) ≈ 4e14 trials, so one naive chunk runs and importance sampling takes over;
    // without the analytic figures the naive phase runs its 2^20 trials first.
    const m = model({ tiers: [tier('t', 1, [{ zone: undefined, count: 3, failure: staticComponent(1e-4) }])] });
    const told = simulateSync(
      m,
      { seed: 4, relError: 0.1, mode: 'snapshot' },
      { serviceUnavailability: 1e-12, tiers: { t: 1e-12 } },
    );
    const blind = simulateSync(m, { seed: 4, relError: 0.1, mode: 'snapshot' });
    expect(told.trials).toBeLessThan(1 << 20);
    expect(blind.trials).toBeGreaterThanOrEqual(1 << 20);
    for (const r of [told, blind]) {
      expect(r.service.unavailability.estimator).toBe('importance-sampling');
      expect(Math.abs(r.service.unavailability.estimate - 1e-12) / 1e-12).toBeLessThan(0.1);
    }
    // A tier that is not rare keeps the naive pre-run: its figure comes from it.
    const mixed = model({
      tiers: [
        tier('t', 1, [{ zone: undefined, count: 3, failure: staticComponent(1e-4) }]),
        tier('u', 1, [{ zone: undefined, count: 1, failure: staticComponent(0.01) }]),
      ],
    });
    const r = simulateSync(
      mixed,
      { seed: 4, relError: 0.1, mode: 'snapshot' },
      { serviceUnavailability: 0.01, tiers: { t: 1e-12, u: 0.01 } },
    );
    expect(r.trials).toBeGreaterThan(1 << 14);
  });

  it('is unbiased on a zone model with shared zones (forced importance sampling)', () => {
    const m = referenceSnapshotModel();
    const exact = exactSnapshot(m);
    const r = simulateSync(m, { seed: 6, trials: 1 << 20, mode: 'snapshot', estimator: 'importance-sampling' });
    within4(r.service.unavailability, exact.service);
    within4(r.tiers[1]!.unavailability, exact.tiers['quorum']!);
    expect(binomialAtLeast(3, 0.5, 2)).toBe(0.5); // the helper itself: P(Bin(3, ½) ≥ 2) = 4/8
  });
});
