import { describe, expect, it } from 'vitest';
import { atLeast, pairOf, parallel, series } from '../../../src/analytic/availability/pair.js';

describe('series / parallel / atLeast on (a, q) pairs', () => {
  it('three hard dependencies at 99.99% give 99.970003% (AWS Well-Architected)', () => {
    // AWS Well-Architected Framework, Reliability Pillar, "Availability" (calculating availability
    // with hard dependencies): 99.99% × 99.99% × 99.99% ≈ 99.97% (AWS rounds). Worked exactly:
    // 0.9999³ = 0.999700029999, so q = 1 − 0.999700029999 = 2.99970001e-4.
    const r = series([pairOf(1e-4), pairOf(1e-4), pairOf(1e-4)]);
    expect(r.a).toBeCloseTo(0.999700029999, 15);
    expect(Math.abs(r.q - 2.99970001e-4) / 2.99970001e-4).toBeLessThan(1e-12);
  });

  it('two redundant 99.9% components give 99.9999% (AWS Well-Architected)', () => {
    // Same source, "calculating availability with redundant components": 100% − (0.1% × 0.1%)
    // = 99.9999%, i.e. q = 0.001² = 1e-6 exactly as a product.
    const r = parallel([pairOf(1e-3), pairOf(1e-3)]);
    expect(Math.abs(r.q - 1e-6) / 1e-6).toBeLessThan(1e-12);
    expect(r.a).toBeCloseTo(0.999999, 15);
  });

  it('keeps a tiny unavailability intact through a series of one and of many', () => {
    expect(series([pairOf(1e-15)]).q).toBe(1e-15);
    // 1 − (1 − 1e-15)² = 2e-15 − 1e-30
    expect(Math.abs(series([pairOf(1e-15), pairOf(1e-15)]).q - 2e-15) / 2e-15).toBeLessThan(1e-14);
  });

  it('atLeast 2 of 3 at q = 0.1 is 0.972 (hand: a³ + 3a²q = 0.729 + 0.243)', () => {
    const r = atLeast(2, [pairOf(0.1), pairOf(0.1), pairOf(0.1)]);
    expect(r.a).toBeCloseTo(0.972, 14);
    // q = q³ + 3q²a = 0.001 + 0.027 = 0.028
    expect(r.q).toBeCloseTo(0.028, 14);
  });

  it('atLeast degenerates to series (k = m) and parallel (k = 1)', () => {
    const parts = [pairOf(0.1), pairOf(0.2), pairOf(0.3)];
    // series: q = 1 − 0.9·0.8·0.7 = 0.496; parallel: q = 0.1·0.2·0.3 = 0.006
    expect(atLeast(3, parts).q).toBeCloseTo(0.496, 14);
    expect(atLeast(1, parts).q).toBeCloseTo(0.006, 15);
    expect(atLeast(0, parts)).toEqual({ a: 1, q: 0 });
    expect(atLeast(4, parts)).toEqual({ a: 0, q: 1 });
  });
});
