import { describe, expect, it } from 'vitest';
import { parseAvailabilityArgument, parseFraction, parseGrowth, parseRate } from '../../src/units/fraction.js';

describe('parseFraction', () => {
  it('reads numbers in [0, 1] and percentages', () => {
    expect(parseFraction(0.05)).toEqual({ ok: true, value: 0.05, complement: 0.95 });
    expect(parseFraction('5%')).toMatchObject({ ok: true, value: 0.05 });
    expect(parseFraction('0.405%')).toMatchObject({ ok: true, value: 0.00405 });
  });

  it('keeps the complement of a percentage exact: 100 − 99.95 = 0.05 → 5e-4', () => {
    // In binary floating point 1 − 0.9995 = 5.000000000000004e-4; the decimal route gives 5e-4.
    const parsed = parseFraction('99.95%');
    expect(parsed.ok && parsed.complement).toBe(5e-4);
    expect(parseFraction('99.999%', true)).toMatchObject({ complement: 1e-5 });
  });

  it('reads nines only where allowed, with an exact complement', () => {
    expect(parseFraction('4 nines', true)).toMatchObject({ ok: true, complement: 1e-4 });
    expect(parseFraction('11 nines', true)).toMatchObject({ ok: true, complement: 1e-11 });
    expect(parseFraction('4 nines').ok).toBe(false);
  });

  it('suggests a percentage for a number that looks like one', () => {
    const parsed = parseFraction(99.95, true);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toContain("did you mean '99.95%'");
  });

  it.each([[-0.1], ['101%'], [NaN], [Infinity], ['abc'], [{}]])('rejects %j', (input) => {
    expect(parseFraction(input, true).ok).toBe(false);
  });
});

describe('parseAvailabilityArgument', () => {
  it('reads percentages, nines, plain fractions and plain nines', () => {
    expect(parseAvailabilityArgument('99.99%')).toMatchObject({ ok: true, complement: 1e-4 });
    expect(parseAvailabilityArgument('4 nines')).toMatchObject({ ok: true, complement: 1e-4 });
    expect(parseAvailabilityArgument('0.9999')).toMatchObject({ ok: true, complement: 1e-4 });
    expect(parseAvailabilityArgument('4')).toMatchObject({ ok: true, complement: 1e-4 });
    // 4.5 nines: q = 10^-4.5 = 3.1622776601683795e-5 (√10 × 1e-5)
    const half = parseAvailabilityArgument('4.5');
    expect(half.ok && half.complement).toBeCloseTo(Math.sqrt(10) * 1e-5, 18);
  });

  it('rejects what is not an availability', () => {
    expect(parseAvailabilityArgument('abc').ok).toBe(false);
    expect(parseAvailabilityArgument('101%').ok).toBe(false);
  });
});

describe('parseGrowth', () => {
  it('reads growth rates, which may pass 100%', () => {
    expect(parseGrowth('20%')).toMatchObject({ ok: true, value: 0.2 });
    expect(parseGrowth('150%')).toMatchObject({ ok: true, value: 1.5 });
    expect(parseGrowth(0.3)).toMatchObject({ ok: true, value: 0.3 });
    expect(parseGrowth(-0.1).ok).toBe(false);
    expect(parseGrowth('fast').ok).toBe(false);
  });
});

describe('percentages with exponents and rates above 100% (issue 10)', () => {
  it("'5e0%' is 5% and '2.5E-1%' is 0.25%, not NaN", () => {
    expect(parseFraction('5e0%')).toMatchObject({ ok: true, value: 0.05 });
    expect(parseFraction('2.5E-1%')).toMatchObject({ ok: true, value: 0.0025 });
    expect(parseGrowth('1.5e2%')).toMatchObject({ ok: true, value: 1.5 });
  });

  it('an AFR is a rate: 150% (an 8-GPU host failing every 243 days) is 1.5 failures a year', () => {
    // 365 d / 1.5 = 243.3 d between failures.
    const r = parseRate('150%');
    expect(r).toMatchObject({ ok: true, value: 1.5 });
    expect(365 / (r.ok ? r.value : NaN)).toBeCloseTo(243.33, 2);
    expect(parseRate('-5%').ok).toBe(false);
    expect(parseRate('1e12%').ok).toBe(false); // beyond 10⁹ per year
  });
});

describe('budget arguments (issue 10)', () => {
  it("'99.95' is not 99.95 nines: did you mean '99.95%'?", () => {
    expect(parseAvailabilityArgument('99.95')).toMatchObject({
      ok: false,
      message: expect.stringMatching(/did you mean '99\.95%'/),
    });
    expect(parseAvailabilityArgument('4.5')).toMatchObject({ ok: true, complement: 10 ** -4.5 });
  });
});
