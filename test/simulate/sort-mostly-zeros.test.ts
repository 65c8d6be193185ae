import { describe, expect, it } from 'vitest';
import { sortMostlyZeros } from '../../src/simulate/estimate/summarise.js';
import { rngFor } from '../../src/simulate/random/rng.js';

describe('sortMostlyZeros (the timeline summary sorts only the years with downtime)', () => {
  it('gives exactly what Float64Array.prototype.sort gives, from all zeros to no zeros', () => {
    const rng = rngFor(1, 2, 3);
    for (const [n, share] of [
      [0, 0],
      [1, 0],
      [1, 1],
      [1000, 0],
      [1000, 0.003],
      [1000, 0.5],
      [1000, 1],
      [4096, 0.01],
    ] as const) {
      const a = Float64Array.from({ length: n }, () =>
        rng.uniform() < share ? (rng.uniform() < 0.2 ? 7 : rng.uniform() * 1e4) : 0,
      );
      const want = a.slice().sort();
      sortMostlyZeros(a);
      expect(Array.from(a)).toEqual(Array.from(want));
    }
  });
});
