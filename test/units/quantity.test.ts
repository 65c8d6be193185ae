import { describe, expect, it } from 'vitest';
import { parseQuantity } from '../../src/units/quantity.js';

// Expected values are worked by hand from the documented conventions (README, DESIGN §4):
// minute = 60 s, h = 3600 s, d = 86 400 s, week = 604 800 s, month = 30 d, year = 365 d;
// kB/MB/GB/TB = 10^3/10^6/10^9/10^12 B, KiB/TiB = 2^10/2^40 B.
describe('parseQuantity', () => {
  it.each([
    ['30 s', 30],
    ['15 minute', 900],
    ['4 h', 14_400],
    ['2 d', 172_800],
    ['1 week', 604_800],
    ['1 month', 2_592_000],
    ['1 year', 31_536_000],
    ['20 year', 630_720_000],
    ['1.5h', 5_400],
    ['250 ms', 0.25],
    ['2e3 s', 2_000],
  ])('duration %s → %d s', (text, seconds) => {
    expect(parseQuantity(text, 'duration')).toEqual({ ok: true, value: seconds });
  });

  it.each([
    ['500 GB', 500e9],
    ['2 TB', 2e12],
    ['2 TiB', 2 ** 41],
    ['1 KiB', 1024],
    ['10 kB', 10_000],
  ])('size %s → %d B', (text, bytes) => {
    expect(parseQuantity(text, 'size')).toEqual({ ok: true, value: bytes });
  });

  it.each([
    ['500 MB/s', 500e6],
    ['1 GB/s', 1e9],
    ['3.6 TB/h', 1e9],
  ])('throughput %s → %d B/s', (text, rate) => {
    const parsed = parseQuantity(text, 'throughput');
    expect(parsed.ok && parsed.value).toBeCloseTo(rate, 3);
  });

  it('names the expected kind and what was given for a wrong dimension', () => {
    const parsed = parseQuantity('5 GB', 'duration');
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.message).toContain('expected a duration');
      expect(parsed.message).toContain("'5 GB', a size");
    }
  });

  it.each([
    [5, 'bare number'],
    ['5', 'no unit'],
    ['5 m', "unknown unit 'm'"],
    ['five hours', "got 'five hours'"],
    ['1e400 s', 'too large'],
    [null, 'got nothing'],
    [[1], 'got a list'],
  ])('rejects %j (%s)', (input, fragment) => {
    const parsed = parseQuantity(input, 'duration');
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toContain(fragment);
  });
});
