import { describe, expect, it } from 'vitest';
import { decideMonteCarlo, meets } from '../../src/gate/index.js';
import { seededRandom as rng } from '../support/seeded-random.js';

describe('Monte Carlo decision invariants (seeded random intervals)', () => {
  it('pessimistic pass ⇒ point pass ⇒ optimistic pass; pessimistic fail ⇒ point fail ⇒ optimistic fail', () => {
    const next = rng(42);
    for (let i = 0; i < 2000; i++) {
      const lo = next() * 1e-3;
      const hi = lo + next() * 1e-3;
      const centred = next() < 0.5;
      const estimate = centred ? (lo + hi) / 2 : lo + (hi - lo) * next();
      const threshold = next() * 2e-3;
      const operator = next() < 0.5 ? '<=' : '>=';
      const interval = { estimate, ci: [lo, hi] as const, trials: 1e6 };
      const p = decideMonteCarlo(interval, operator, threshold, 'pessimistic');
      const m = decideMonteCarlo(interval, operator, threshold, 'point');
      const o = decideMonteCarlo(interval, operator, threshold, 'optimistic');
      if (p.decision === 'pass') expect([m.decision, o.decision]).toEqual(['pass', 'pass']);
      if (p.decision === 'fail') expect([m.decision, o.decision]).toEqual(['fail', 'fail']);
      if (m.decision === 'pass') expect(o.decision).toBe('pass');
      // Inconclusive exactly when the interval straddles the threshold.
      expect(p.decision === 'inconclusive').toBe(p.straddles);
      // A symmetric interval that straddles has |estimate − threshold| ≤ half-width: settling it
      // takes at least as many trials as were run (N′ = N·(h/d)² ≥ N).
      if (p.straddles && centred && estimate !== threshold)
        expect(p.trialsNeeded).toBeGreaterThanOrEqual(interval.trials);
      // The point decision agrees with a plain comparison of the estimate.
      expect(m.decision === 'pass').toBe(meets(estimate, operator, threshold));
    }
  });
});
