import { describe, expect, it } from 'vitest';
import { NinesError } from '../../src/errors.js';
import { simulateSync } from '../../src/simulate/run/run-sync.js';
import { model, repairable, staticComponent, tier } from '../support/reference-models.js';
import { SECONDS_PER_YEAR } from '../../src/units/conventions.js';

// Issue 10, classes 2 and 4: every simulation estimates its cost first and is bounded or
// refused with what to change; no recursion grows with the model.
describe('the simulator never runs away', () => {
  it('refuses a tier of 10⁹ nodes before allocating anything, naming the field', () => {
    const m = model({ tiers: [tier('web', 1, [{ zone: undefined, count: 1e9, failure: staticComponent(0.01) }])] });
    expect(() => simulateSync(m, { trials: 10 })).toThrow(NinesError);
    expect(() => simulateSync(m, { trials: 10 })).toThrow(/tiers\.web\.nodes.*|at most 1,000,000/);
  });

  it('bounds the default timeline trials of millisecond cycles, and refuses an explicit count over budget', () => {
    // Two nodes, MTBF = MTTR = 1 ms: each cycles every 2 ms, so 2 · 2 / 0.002 = 2000 events per
    // second; over 1e-5 year (315.36 s) 630,720 events of 5 + 2/20 = 5.1 work units each:
    // 3,216,672 per trial. A budget of 1e7 fits ⌊1e7 / 3,216,672⌋ = 3 trials.
    const fast = repairable(1e-3, 1e-3);
    const m = model({ tiers: [tier('a', 1, [{ zone: undefined, count: 2, failure: fast }])] });
    const r = simulateSync(m, { mode: 'timeline', years: 1e-5, maxWork: 1e7 });
    expect(r.timeline?.trials).toBe(3);
    expect(r.notes.join('\n')).toMatch(/ran 3 timeline trials instead/);
    expect(() => simulateSync(m, { mode: 'timeline', years: 1e-5, maxWork: 1e7, trials: 100 })).toThrow(
      /--trials 3 or fewer/,
    );
    // One year does not fit even one trial: refused, naming the busiest component.
    expect(() => simulateSync(m, { mode: 'timeline', years: 1, maxWork: 1e7 })).toThrow(
      /node a\[0\] fails and is repaired every 2 ms on average/,
    );
  });

  it('bounds the default snapshot trials to the budget of draws', () => {
    // 1000 nodes: the default 10⁷ trials are 10¹⁰ draws; a budget of 2e6 fits 2000 trials.
    const m = model({
      tiers: [tier('t', 1, [{ zone: undefined, count: 1000, failure: staticComponent(0.5) }])],
      horizonSeconds: SECONDS_PER_YEAR,
    });
    const r = simulateSync(m, { mode: 'snapshot', estimator: 'naive', maxWork: 2e6 });
    expect(r.trials).toBe(2000);
    expect(() => simulateSync(m, { mode: 'snapshot', estimator: 'naive', maxWork: 2e6, trials: 5000 })).toThrow(
      /--trials 2,000 or fewer/,
    );
  });

  it('a 1-of-20,000 tier: no stack overflow in cut-set enumeration, and an event below 1e-300 keeps the honest naive bound', () => {
    // q = 0.5^20000 underflows: no importance weight is representable, so the naive estimate
    // (0 events of N, rule-of-three bound 3/N) is kept, with a note.
    const m = model({ tiers: [tier('web', 1, [{ zone: undefined, count: 20_000, failure: staticComponent(0.5) }])] });
    const r = simulateSync(m, { mode: 'snapshot', trials: 500 });
    expect(r.service.unavailability.estimator).toBe('naive');
    expect(r.service.unavailability.ci).toEqual([0, 3 / 500]);
    expect(r.notes.join('\n')).toMatch(/rarer than 1e-300/);
  });
});
