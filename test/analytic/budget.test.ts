import { describe, expect, it } from 'vitest';
import { downtimeBudget } from '../../src/analytic/budget.js';

describe('downtimeBudget', () => {
  it('gives the figures of the issue for 99.99%', () => {
    // Worked by hand: q = 1e-4. Year 365 d = 31 536 000 s → 3153.6 s = 52.56 min;
    // month 30 d = 2 592 000 s → 259.2 s = 4.32 min; day 86 400 s → 8.64 s;
    // week 604 800 s → 60.48 s; quarter 90 d = 7 776 000 s → 777.6 s.
    const byPeriod = Object.fromEntries(downtimeBudget(1e-4).map((b) => [b.period, b.downtimeSeconds]));
    expect(byPeriod['year']).toBeCloseTo(3153.6, 9);
    expect(byPeriod['month']).toBeCloseTo(259.2, 9);
    expect(byPeriod['day']).toBeCloseTo(8.64, 12);
    expect(byPeriod['week']).toBeCloseTo(60.48, 10);
    expect(byPeriod['quarter']).toBeCloseTo(777.6, 9);
  });

  it('matches the Google SRE book availability table for 99.9%', () => {
    // "Site Reliability Engineering" (O'Reilly 2016), Appendix A, Table A-1: 99.9% allows
    // 8.76 h/year, 2.16 h/quarter, 43.2 min/month, 10.1 min/week, 1.44 min/day (the table
    // rounds the week: 0.001 × 604 800 s = 604.8 s = 10.08 min).
    const byPeriod = Object.fromEntries(downtimeBudget(1e-3).map((b) => [b.period, b.downtimeSeconds]));
    expect(byPeriod['year']).toBeCloseTo(8.76 * 3600, 9);
    expect(byPeriod['quarter']).toBeCloseTo(2.16 * 3600, 9);
    expect(byPeriod['month']).toBeCloseTo(43.2 * 60, 9);
    expect(byPeriod['week']! / 60).toBeCloseTo(10.1, 1);
    expect(byPeriod['day']).toBeCloseTo(1.44 * 60, 9);
  });
});
