import { describe, expect, it } from 'vitest';
import { parseVary } from '../../src/config/vary.js';

const values = (text: string, log = false): unknown[] => {
  const parsed = parseVary(text, { log });
  if (!parsed.ok) throw new Error(parsed.message);
  return [...parsed.axis.values];
};

const error = (text: string, log = false): string => {
  const parsed = parseVary(text, { log });
  if (parsed.ok) throw new Error(`expected an error for ${text}`);
  return parsed.message;
};

// Every expected list below is written out by hand from the documented grammar.
describe('parseVary', () => {
  it('reads the path like --set and the range into values', () => {
    const parsed = parseVary('tiers[db].nodes=3..5');
    expect(parsed.ok && parsed.axis).toMatchObject({
      path: 'tiers[db].nodes',
      segments: ['tiers', 'db', 'nodes'],
      range: '3..5',
      kind: 'range',
      values: [3, 4, 5],
      labels: ['3', '4', '5'],
    });
  });

  it.each([
    ['x=1..7', [1, 2, 3, 4, 5, 6, 7]],
    ['x=1..7:2', [1, 3, 5, 7]],
    ['x=1..8:2', [1, 3, 5, 7]],
    ['x=5..5', [5]],
    ['x=0.1..0.5:0.1', [0.1, 0.2, 0.3, 0.4, 0.5]],
    ['x=3,5,7', [3, 5, 7]],
    ['x=majority,all', ['majority', 'all']],
    ['x=[{az-a: 2}, {az-a: 3}]', [{ 'az-a': 2 }, { 'az-a': 3 }]],
    ['x=1 h..4 h:1 h', ['1 h', '2 h', '3 h', '4 h']],
    ['x=1 h..3 h', ['1 h', '2 h', '3 h']],
    ['x=30 s..2 minute:30 s', ['30 s', '60 s', '90 s', '120 s']],
    ['x=1 h..4 h:90 minute', ['1 h', '2.5 h', '4 h']],
    ['x=1 TB..3 TB:1 TB', ['1 TB', '2 TB', '3 TB']],
    ['x=99%..99.9%:0.3%', ['99%', '99.3%', '99.6%', '99.9%']],
    ['x=3 nines..4 nines:0.5', ['3 nines', '3.5 nines', '4 nines']],
  ])('%s', (text, expected) => {
    expect(values(text)).toEqual(expected);
  });

  it.each([
    // Percentages on 1 − x: 1%, 0.1%, 0.01% unavailable.
    ['x=99%..99.99%', ['99%', '99.9%', '99.99%']],
    // Two points per decade from 1 to 100: 1, 10^0.5, 10, 10^1.5, 100, rounded to integers.
    ['x=1..100:2', [1, 3, 10, 32, 100]],
    // 1 h to 8 h is 0.9 decade: one point per decade keeps both ends.
    ['x=1 h..8 h', ['1 h', '8 h']],
    // A small fraction (an AFR) is spaced on itself: 1%, 10%, 100%.
    ['x=1%..100%', ['1%', '10%', '100%']],
  ])('with --log: %s', (text, expected) => {
    expect(values(text, true)).toEqual(expected);
  });

  it.each([
    ['tiers.db.nodes=7..1', /runs downwards; write '1\.\.7'/],
    ['x=1..7:0', /step .* must be greater than zero/],
    ['x=1..7:-1', /step .* must be greater than zero|cannot read the step/],
    ['x=1 h..5 GB', /differ in kind: a duration and a size/],
    ['x=1 h..5 h:2 GB', /step of .* is a size, its ends a duration/],
    ['x=99%..99.9%', /give a step for a range of percentages/],
    ['x=1..1000000', /more than 100,000/],
    ['x=', /no range after '='/],
    ['tiers.db.nodes', /expected PATH=RANGE/],
    ['x=1..banana', /cannot read 'banana'/],
  ])('refuses %s', (text, message) => {
    expect(error(text)).toMatch(message);
  });

  it('refuses a --log range through zero', () => {
    expect(error('x=0..10', true)).toMatch(/needs ends greater than zero/);
  });
});
