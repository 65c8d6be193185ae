import { describe, expect, it } from 'vitest';
import { parseGrowthRate } from '../../src/units/growth-rate.js';

describe('parseGrowthRate', () => {
  it.each([
    ['40%/year', 0.4, 31_536_000],
    ['40 % / yr', 0.4, 31_536_000],
    ['40%', 0.4, 31_536_000],
    [0.4, 0.4, 31_536_000],
    ['3%/month', 0.03, 2_592_000],
    ['150%/y', 1.5, 31_536_000],
    ['0%', 0, 31_536_000],
  ] as const)('%s → rate %s per %s s', (input, rate, period) => {
    const parsed = parseGrowthRate(input);
    expect(parsed).toEqual({ ok: true, rate, periodSeconds: period });
  });

  it.each(['40%/week', '-5%', 'fast', '40', -0.1, Number.NaN])('rejects %s with the accepted forms', (input) => {
    const parsed = parseGrowthRate(input);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toContain("'40%/year', '3%/month'");
  });
});
