import { describe, expect, it } from 'vitest';
import { simulateGoodput } from '../../src/simulate/estimate/goodput.js';
import { runGoodputReplications } from '../../src/simulate/kernels/goodput-kernel.js';

describe('the goodput kernel and its estimate', () => {
  // Never interrupted (M = ∞): every segment takes exactly τ + δ = 1800 + 20 s.
  const spec = { checkpointEverySeconds: 1800, checkpointCostSeconds: 20, restartSeconds: 300, mtbiSeconds: Infinity };

  it('sums the wall time per segment over the replications', () => {
    const sums = runGoodputReplications(spec, { seed: 1, replications: 3, segments: 10 });
    expect(sums).toEqual({ sum: 3 * 1820, sumSq: 3 * 1820 ** 2, interruptions: 0 });
  });

  it('estimates goodput τ / W̄ with no spread when nothing varies', () => {
    const g = simulateGoodput(spec, { seed: 1, replications: 3, segments: 10 });
    expect(g.estimate).toBeCloseTo(1800 / 1820, 15);
    expect(g.stdErr).toBe(0);
    expect(g).toMatchObject({ trials: 3, interruptions: 0 });
  });
});
