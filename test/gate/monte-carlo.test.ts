import { describe, expect, it } from 'vitest';
import { decideMonteCarlo } from '../../src/gate/index.js';

// An interval of the unavailability q (lower is better): estimate 4e-4, 95% [3e-4, 6e-4], 1e6 trials.
const straddling = { estimate: 4e-4, ci: [3e-4, 6e-4] as const, trials: 1_000_000 };

describe('decideMonteCarlo', () => {
  it('pessimistic: inconclusive when the interval straddles the threshold, with the trials that settle it', () => {
    const out = decideMonteCarlo(straddling, '<=', 5e-4, 'pessimistic');
    expect(out.decision).toBe('inconclusive');
    expect(out.straddles).toBe(true);
    expect(out.decidingValue).toBe(6e-4);
    // By hand: half-width h = (6e-4 − 3e-4)/2 = 1.5e-4, distance |4e-4 − 5e-4| = 1e-4,
    // N′ = N·(h/d)² = 1e6 · 2.25 = 2.25e6 (± 1 for the rounding up of a float).
    expect(Math.abs((out.trialsNeeded ?? 0) - 2_250_000)).toBeLessThanOrEqual(1);
  });

  it('pessimistic: pass when the unfavourable bound meets, fail when even the favourable bound misses', () => {
    expect(decideMonteCarlo(straddling, '<=', 7e-4, 'pessimistic').decision).toBe('pass');
    expect(decideMonteCarlo(straddling, '<=', 2e-4, 'pessimistic').decision).toBe('fail');
    expect(decideMonteCarlo(straddling, '<=', 7e-4, 'pessimistic').trialsNeeded).toBeNull();
  });

  it('point and optimistic never return inconclusive', () => {
    expect(decideMonteCarlo(straddling, '<=', 5e-4, 'point').decision).toBe('pass'); // 4e-4 ≤ 5e-4
    expect(decideMonteCarlo(straddling, '<=', 3.5e-4, 'point').decision).toBe('fail');
    expect(decideMonteCarlo(straddling, '<=', 3.5e-4, 'optimistic').decision).toBe('pass'); // lo 3e-4 ≤ 3.5e-4
    expect(decideMonteCarlo(straddling, '<=', 2.5e-4, 'optimistic').decision).toBe('fail');
  });

  it('uses lo as the unfavourable bound for a ">=" target', () => {
    const interval = { estimate: 10, ci: [8, 12] as const, trials: 400 };
    expect(decideMonteCarlo(interval, '>=', 9, 'pessimistic').decision).toBe('inconclusive');
    expect(decideMonteCarlo(interval, '>=', 9, 'pessimistic').decidingValue).toBe(8);
    expect(decideMonteCarlo(interval, '>=', 7, 'pessimistic').decision).toBe('pass');
    // h = 2, d = 1: N′ = 400 · 4 = 1600.
    expect(decideMonteCarlo(interval, '>=', 9, 'pessimistic').trialsNeeded).toBe(1600);
  });
});
