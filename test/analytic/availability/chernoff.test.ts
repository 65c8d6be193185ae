import { describe, expect, it } from 'vitest';
import { chernoffBelow, LOG_ZERO, logChernoff } from '../../../src/analytic/availability/chernoff.js';

describe('chernoffBelow', () => {
  it('answers as the bisection does, with or without the extreme-outcome shortcut', () => {
    const cases: { classes: { q: number; count: number }[]; x: number }[] = [];
    for (const count of [1, 3, 10, 100, 1000, 10_000, 1_000_000])
      for (const q of [1e-6, 1e-3, 0.05, 0.5, 0.9])
        for (const share of [0, 0.01, 0.4, 0.6, 0.99, 1]) {
          cases.push({ classes: [{ q, count }], x: Math.round(share * count) });
          cases.push({
            classes: [
              { q, count },
              { q: q / 3, count: 2 * count },
            ],
            x: Math.round(share * 3 * count),
          });
        }
    let shortcuts = 0;
    for (const { classes, x } of cases) {
      for (const side of ['lower', 'upper'] as const) {
        expect(chernoffBelow(classes, x, side, LOG_ZERO)).toBe(logChernoff(classes, x, side) < LOG_ZERO);
        // The shortcut's premise: log P(no node down) (lower) or log P(all down) (upper) ≤ the bound.
        const extreme = classes.reduce(
          (s, c) => s + c.count * (side === 'lower' ? Math.log1p(-c.q) : Math.log(c.q)),
          0,
        );
        expect(extreme).toBeLessThanOrEqual(logChernoff(classes, x, side) + 1e-9 * Math.abs(extreme));
        if (extreme > LOG_ZERO + 1) shortcuts++;
      }
    }
    // Both branches are exercised: small tiers take the shortcut, a million nodes do not.
    expect(shortcuts).toBeGreaterThan(100);
    expect(chernoffBelow([{ q: 0.01, count: 1_000_000 }], 600_000, 'upper', LOG_ZERO)).toBe(true);
  });
});
