/**
 * The unit table against mathjs (a dev dependency, used only here): nines used a mathjs Unit
 * instance with year = 365 d, month = 30 d, d, w, y and KB defined, and the table must give
 * the same doubles, bit for bit, for every unit and a spread of values.
 */
import { create, createUnitDependencies, unitDependencies, type FactoryFunctionMap } from 'mathjs';
import { describe, expect, it } from 'vitest';
import { RATE_TIME_SECONDS, SIZE_BYTES, TIME_SECONDS, toBaseUnits } from '../../src/units/unit-table.js';

const math = create({ unitDependencies, createUnitDependencies } as FactoryFunctionMap);
math.createUnit(
  {
    d: { definition: '86400 s', aliases: [] },
    w: { definition: '604800 s', aliases: ['wk'] },
    y: { definition: '31536000 s', aliases: ['yr'] },
    KB: { definition: '1000 B', aliases: [] },
  },
  { override: true },
);
for (const name of ['year', 'years']) math.createUnit(name, '31536000 s', { override: true });
for (const name of ['month', 'months']) math.createUnit(name, '2592000 s', { override: true });

const VALUES = [
  '1',
  '1.5',
  '2.5',
  '0.1',
  '0.3',
  '3e-7',
  '7',
  '15',
  '30',
  '45',
  '99.9',
  '123456.789',
  '.5',
  '2.',
  '1e300',
];

describe('unit table', () => {
  it('matches the mathjs conversions bit for bit (durations, sizes, throughputs)', () => {
    const cases: [string, 's' | 'B' | 'B/s'][] = [
      ...Object.keys(TIME_SECONDS).map((u) => [u, 's'] as [string, 's']),
      ...Object.keys(SIZE_BYTES).map((u) => [u, 'B'] as [string, 'B']),
      ...Object.keys(SIZE_BYTES).flatMap((u) =>
        Object.keys(RATE_TIME_SECONDS).map((t) => [`${u}/${t}`, 'B/s'] as [string, 'B/s']),
      ),
    ];
    let compared = 0;
    for (const [unit, base] of cases) {
      for (const v of VALUES) {
        expect(toBaseUnits(Number(v), unit), `${v} ${unit}`).toBe(math.unit(`${v} ${unit}`).toNumber(base));
        compared++;
      }
    }
    expect(compared).toBe(15 * (28 + 14 + 56));
  });

  it('the conventions by hand: 1 year = 365 d, 1 month = 30 d, 1 TiB = 2^40 B, 2 TB/h = 2e12/3600 B/s', () => {
    expect(toBaseUnits(1, 'year')).toBe(365 * 86_400);
    expect(toBaseUnits(1, 'month')).toBe(30 * 86_400);
    expect(toBaseUnits(1, 'TiB')).toBe(1_099_511_627_776);
    expect(toBaseUnits(2, 'TB/h')).toBeCloseTo(2e12 / 3600, 4);
    expect(toBaseUnits(1, 'parsec')).toBeUndefined();
    expect(toBaseUnits(1, 'GB/week')).toBeUndefined();
  });
});
