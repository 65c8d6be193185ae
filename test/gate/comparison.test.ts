import { describe, expect, it } from 'vitest';
import { comparedThreshold, meets } from '../../src/gate/index.js';

describe('comparedThreshold', () => {
  it('compares availability in unavailability space with the exact complement, operator flipped', () => {
    // A ≥ 99.95% ⇔ q ≤ 5e-4 (the complement as parsed from the text, not 1 − 0.9995).
    expect(
      comparedThreshold({ metric: 'availability', operator: '>=', threshold: 0.9995, thresholdComplement: 5e-4 }),
    ).toEqual({ threshold: 5e-4, operator: '<=' });
    expect(
      comparedThreshold({ metric: 'durability', operator: '>=', threshold: 1 - 1e-11, thresholdComplement: 1e-11 }),
    ).toEqual({ threshold: 1e-11, operator: '<=' });
  });

  it('keeps 1e-15 as 1e-15: 15 nines would be lost by 1 − threshold', () => {
    const t = comparedThreshold({
      metric: 'durability',
      operator: '>=',
      threshold: 1 - 1e-15,
      thresholdComplement: 1e-15,
    });
    expect(t.threshold).toBe(1e-15);
    // 1 − (1 − 1e-15) in doubles is 1.11e-15: the exact complement is what makes 1.05e-15 fail.
    expect(1 - (1 - 1e-15)).not.toBe(1e-15);
    expect(meets(1.05e-15, t.operator, t.threshold)).toBe(false);
  });

  it('leaves other metrics as they are', () => {
    expect(
      comparedThreshold({ metric: 'rto', operator: '<=', threshold: 3600, thresholdComplement: undefined }),
    ).toEqual({ threshold: 3600, operator: '<=' });
  });
});

describe('meets', () => {
  it('counts equality as met on both sides', () => {
    expect(meets(3600, '<=', 3600)).toBe(true);
    expect(meets(3600, '>=', 3600)).toBe(true);
    expect(meets(3601, '<=', 3600)).toBe(false);
    expect(meets(3599, '>=', 3600)).toBe(false);
  });
});
