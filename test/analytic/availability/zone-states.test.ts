import { describe, expect, it } from 'vitest';
import { analyzeAvailability } from '../../../src/analytic/availability/index.js';
import { binomialRange } from '../../../src/analytic/availability/binomial.js';
import { enumerateStates, zoneTypes } from '../../../src/analytic/availability/zone-states.js';
import { component } from '../../../src/model/component.js';
import { SECONDS_PER_HOUR } from '../../../src/units/conventions.js';
import { model, p, r, rel, tier } from './build-model.js';

const H = SECONDS_PER_HOUR;

describe('zone/region state enumeration', () => {
  it('visits regions first and masks the zones of a down region', () => {
    // Region R (q .1) holds zones a, b (q .2 each): states = R down (1) + R up × 4 = 5,
    // probabilities sum to 1.
    const seen: number[] = [];
    // Zones a and b have different contents (signatures), so they are not merged.
    const space = { zoneQ: [0.2, 0.2], regionQ: [0.1], zoneRegion: [0, 0] };
    const e = enumerateStates(space, zoneTypes(space, ['a', 'b']), (s) => {
      seen.push(s.probability);
    });
    expect(e.states).toBe(5);
    expect(seen.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 15);
    expect(seen).toContain(0.1);
  });

  it('10,000 distinct zone types: the walk is iterative (no stack overflow) and its bound holds', () => {
    // Regression (issue 10): the walk recursed once per zone type, so thousands of distinct
    // types overflowed the call stack (it did here). 10,000 zones of q = 1e-3 with distinct
    // contents are 10,000 types of 2 outcomes; past 2,000 evaluations the walk prunes. Whatever it skips,
    // the visited weights (leaves plus skipped subtrees) add up to 1 (by hand: the mass of a
    // subtree is its probability).
    const n = 10_000;
    const space = { zoneQ: new Array<number>(n).fill(1e-3), regionQ: [], zoneRegion: new Array<number>(n).fill(-1) };
    const types = zoneTypes(
      space,
      Array.from({ length: n }, (_, i) => `z${i}`),
    );
    expect(types.length).toBe(n);
    let leafMass = 0;
    const e = enumerateStates(
      space,
      types,
      (s, kind) => {
        if (kind === 'leaf') leafMass += s.probability;
      },
      2_000,
    );
    expect(e.boundedSubtrees).toBeGreaterThan(0);
    expect(e.prunedProbability).toBeGreaterThan(0);
    expect(leafMass + e.prunedProbability).toBeCloseTo(1, 12);
  });

  it('24 interchangeable zones are 25 states, exact: no pruning', () => {
    // 24 independent zones at q = .01, one perfect node each, tier needs 12: the service is down
    // iff ≥ 13 zones are down: q = P(Bin(24, .01) ≥ 13) ≈ C(24,13)·1e-26·.99^11 (by hand:
    // C(24,13) = 2,496,144). The zones are interchangeable, so only the count down is enumerated.
    const perfect = component({ availability: 1 }, {}, 0);
    const names = Array.from({ length: 24 }, (_, i) => `z${i}`);
    const m = model({
      zones: names.map((name) => ({ name, failure: p(0.01) })),
      tiers: [tier('t', { nodes: 24, k: 12, failure: perfect, zones: names })],
    });
    const res = analyzeAvailability(m);
    const exact = binomialRange(24, 0.01, 13, 24);
    expect(rel(exact, 2_496_144e-26 * 0.99 ** 11)).toBeLessThan(0.01);
    expect(res.service.statesEvaluated).toBe(25);
    expect(res.service.prunedProbability).toBe(0);
    expect(res.service.exact).toBe(true);
    expect(rel(res.service.unavailability, exact)).toBeLessThan(1e-12);
    expect(res.warnings.map((w) => w.code)).not.toContain('states-pruned');
  });

  it('12 zones in 3 regions and 10 tiers of up to 10,000 nodes: exact, at most 4913 states', () => {
    // At most (1 + 2^4)^3 = 4913 joint states: each region down (zones masked) or up × 16 zone
    // states; zones of a region holding the same nodes merge, so fewer are evaluated.
    const regions = ['r0', 'r1', 'r2'].map((name) => ({ name, failure: r(50_000 * H, 4 * H) }));
    const zones = Array.from({ length: 12 }, (_, i) => ({
      name: `z${i}`,
      region: `r${i % 3}`,
      failure: r(10_000 * H, 2 * H),
    }));
    const tiers = Array.from({ length: 10 }, (_, i) => {
      const nodes = [10_000, 3_000, 1_000, 500, 100, 48, 24, 12, 6, 3][i] ?? 3;
      return tier(`t${i}`, {
        nodes,
        k: Math.ceil(nodes * 0.6),
        failure: r(2_000 * H, 1 * H),
        zones: zones.map((z) => z.name),
      });
    });
    const res = analyzeAvailability(model({ regions, zones, tiers }));
    expect(res.service.statesEvaluated).toBeLessThanOrEqual(4913);
    expect(res.service.exact).toBe(true);
    expect(res.service.prunedProbability).toBe(0);
    expect(res.service.unavailability).toBeGreaterThan(0);
    expect(res.service.unavailability).toBeLessThan(1e-3);
  });
});
