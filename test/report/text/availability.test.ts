import { describe, expect, it } from 'vitest';
import { analyzeAvailability } from '../../../src/analytic/availability/index.js';
import { component } from '../../../src/model/component.js';
import { renderAvailability } from '../../../src/report/text/availability.js';
import { textStyle } from '../../../src/report/style.js';
import { SECONDS_PER_HOUR } from '../../../src/units/conventions.js';
import { model, p, r, tier } from '../../analytic/availability/build-model.js';

const H = SECONDS_PER_HOUR;
const ANSI = /\u001b\[[0-9;]*m/;

function sample() {
  return analyzeAvailability(
    model({
      regions: [{ name: 'eu-west-1', failure: r(100_000 * H, 6 * H) }],
      zones: [
        ...['a', 'b', 'c'].map((name) => ({
          name: `eu-west-1${name}`,
          region: 'eu-west-1',
          failure: r(20_000 * H, 3 * H),
        })),
        { name: 'eu-west-1d', region: 'eu-west-1' }, // no failure spec: a warning
      ],
      tiers: [
        tier('web', {
          nodes: 6,
          k: 4,
          failure: r(2_000 * H, H),
          zones: ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'],
          capacity: { perNode: 100, demand: 350 },
        }),
        tier('postgres-primary', { nodes: 1, failure: r(8_000 * H, 2 * H), zones: ['eu-west-1a'] }),
      ],
    }),
  );
}

describe('renderAvailability', () => {
  it('shows the service first, then tiers, zones, regions, capacity, risks; warnings are for stderr', () => {
    const text = renderAvailability(sample(), textStyle(false));
    const order = ['Availability', 'Tiers', 'Zones', 'Regions', 'Capacity after', 'Risks'].map((h) =>
      text.indexOf(`${h}`),
    );
    expect(text).not.toContain('Warnings');
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((x, y) => x - y)).toEqual(order);
    expect(text).toMatch(/\d+\.\d+% \(\d\.\d\d nines\)/);
    expect(text).toContain('single point of failure');
    expect(text).toContain('postgres-primary');
  });

  it('fits in 100 columns and has no colour when colour is off', () => {
    const text = renderAvailability(sample(), textStyle(false));
    expect(ANSI.test(text)).toBe(false);
    const widest = Math.max(...text.split('\n').map((l) => [...l].length));
    expect(widest).toBeLessThanOrEqual(100);
  });

  it('colours only when the style says so', () => {
    expect(ANSI.test(renderAvailability(sample(), textStyle(true)))).toBe(true);
  });

  it('answers the textbook zone question in words', () => {
    // 1 − 0.99³ = 0.029701 (at least one of three fails); 0.01³ = 1e-6 (all at once).
    const perfect = component({ availability: 1 }, {}, 0);
    const res = analyzeAvailability(
      model({
        zones: ['a', 'b', 'c'].map((name) => ({ name, failure: p(0.01) })),
        tiers: [tier('web', { nodes: 3, k: 1, failure: perfect, zones: ['a', 'b', 'c'] })],
      }),
    );
    const text = renderAvailability(res, textStyle(false));
    expect(text).toMatch(/3 zones: P\(at least one fails within 1 y\w*\) = 0\.029701;/);
    expect(text).toContain('P(all down at the same moment) = 1.00e-6');
    expect(text).toContain('unknown (static specs: no failure rate)');
  });
});
