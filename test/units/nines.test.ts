import { describe, expect, it } from 'vitest';
import { formatNines, formatNinesTrimmed } from '../../src/units/format.js';
import { nines, ninesOrNull, wholeNines } from '../../src/units/nines.js';

// nines = −log10 q (DESIGN §4), one exact figure; each output rounds it at its edge.
describe('nines', () => {
  it('is −log10 q, exact at powers of ten down to 1e-15', () => {
    expect(nines(1e-3)).toBe(3);
    expect(nines(1e-15)).toBe(15);
    // q = 5e-4: −log10(5e-4) = 4 − log10 5 = 4 − 0.69897… = 3.30103…
    expect(nines(5e-4)).toBeCloseTo(3.30103, 5);
  });

  it('is +∞ for a part that never fails; JSON gets null instead', () => {
    expect(nines(0)).toBe(Infinity);
    expect(ninesOrNull(0)).toBeNull();
    expect(ninesOrNull(1e-3)).toBe(3);
  });

  it('counts whole nines from n itself: floor, and 0 for a certain loss', () => {
    // −log10(1.2e-11) = 11 − log10 1.2 = 10.92…: ten whole nines.
    expect(wholeNines(nines(1.2e-11))).toBe(10);
    expect(wholeNines(nines(1e-11))).toBe(11);
    expect(wholeNines(nines(1))).toBe(0);
    expect(Object.is(wholeNines(nines(1)), 0)).toBe(true);
    // P below the double range is known by its logarithm only: ln P = −1000 → n = 1000 / ln 10 = 434.29…
    expect(wholeNines(1000 / Math.LN10)).toBe(434);
  });

  it('is written with two decimals in text, trimmed in gate messages', () => {
    // −log10(2.98e-4) = 4 − log10 2.98 = 4 − 0.47422 = 3.52578
    expect(formatNines(2.98e-4)).toBe('3.53 nines');
    expect(formatNines(1e-3)).toBe('3.00 nines');
    expect(formatNines(0)).toBe('∞ nines');
    expect(formatNinesTrimmed(1e-11)).toBe('11 nines');
    expect(formatNinesTrimmed(10 ** -3.5)).toBe('3.5 nines');
    expect(formatNinesTrimmed(0)).toBe('∞ nines');
  });
});
