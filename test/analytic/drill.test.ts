import { describe, expect, it } from 'vitest';
import { analyzeAvailability } from '../../src/analytic/availability/index.js';
import { drill, resolveFailures } from '../../src/analytic/drill/index.js';
import { conditionModel } from '../../src/model/condition.js';
import type { FailureRef } from '../../src/model/down-set.js';
import type { Model } from '../../src/model/types.js';
import { model, p, tier } from './availability/build-model.js';

// Two zones a, b in region r; tier web with one node per zone, 1 of 2 needed; static
// probabilities so the arithmetic is exact by hand:
//   q_region = 0.02, q_zone = 0.01, q_node = 0.1
//   P(node path up) = 0.99 · 0.9 = 0.891
//   baseline:  q = 1 − 0.98 · (1 − 0.109²) = 1 − 0.98 · 0.988119 = 0.03164338
//   a down:    q = 1 − 0.98 · 0.891 = 0.12682
//   web[0] down: same as a down (web[0] is the node in zone a) = 0.12682
//   a and b down, r down, or the tier down: q = 1
const M: Model = model({
  regions: [{ name: 'r', failure: p(0.02) }],
  zones: [
    { name: 'a', region: 'r', failure: p(0.01) },
    { name: 'b', region: 'r', failure: p(0.01) },
  ],
  tiers: [tier('web', { nodes: 2, k: 1, failure: p(0.1), zones: ['a', 'b'], capacity: { perNode: 10, demand: 15 } })],
});

const refs = (...names: string[]): readonly FailureRef[] => {
  const r = resolveFailures(M, names);
  if (!r.ok) throw new Error(r.message);
  return r.value;
};
const baseline = analyzeAvailability(M).service;

describe('drill by conditioning (hand-worked two-zone model)', () => {
  it('baseline matches the hand value', () => {
    expect(baseline.unavailability).toBeCloseTo(0.03164338, 12);
  });

  it('a zone down: E[q | a down] = 1 − 0.98·0.891, the service survives structurally', () => {
    const d = drill(M, refs('a'), baseline, undefined);
    expect(d.unavailability).toBeCloseTo(0.12682, 12);
    expect(d.serviceSurvives).toBe(true);
    expect(d.tiers[0]).toMatchObject({
      nodesLeft: 1,
      survives: true,
      capacity: { left: 10, demand: 15, meetsDemand: false },
    });
    expect(d.baselineUnavailability).toBe(baseline.unavailability);
    expect(d.data).toBeNull();
  });

  it('a node down equals its zone down here; both zones, the region or the tier: down', () => {
    expect(drill(M, refs('web[0]'), baseline, undefined).unavailability).toBeCloseTo(0.12682, 12);
    for (const names of [['a', 'b'], ['r'], ['web'], ['web[0]', 'web[1]'], ['zone:a', 'node:web[1]']]) {
      const d = drill(M, refs(...names), baseline, undefined);
      expect(d.unavailability, names.join(',')).toBe(1);
      expect(d.serviceSurvives, names.join(',')).toBe(false);
    }
  });

  it('conditioning copies the model: the original is untouched', () => {
    const conditioned = conditionModel(M, refs('a', 'web[1]'));
    expect(conditioned.zones[0]?.failure?.unavailability).toBe(1);
    expect(conditioned.tiers[0]?.groups.map((g) => [g.zone, g.count, g.failure.unavailability])).toEqual([
      ['a', 1, 0.1],
      ['b', 1, 1],
    ]);
    expect(M.zones[0]?.failure?.unavailability).toBe(0.01);
    expect(M.tiers[0]?.groups.map((g) => g.failure.unavailability)).toEqual([0.1, 0.1]);
  });

  it('splits a group of 10⁹ nodes by its failed indices, not by walking its nodes', () => {
    // Regression (fuzz, check on a 10⁹-node tier): the split looped over every node index.
    const big = model({
      tiers: [tier('web', { groups: [{ zone: undefined, count: 1e9, failure: p(0.1) }], k: 1, failure: p(0.1) })],
    });
    const failed: FailureRef[] = [
      { kind: 'node', name: 'web[5]', tier: 'web', index: 5 },
      { kind: 'node', name: 'web[999999999]', tier: 'web', index: 999_999_999 },
    ];
    const groups = conditionModel(big, failed).tiers[0]?.groups ?? [];
    expect(groups.map((g) => [g.count, g.failure.unavailability])).toEqual([
      [2, 1],
      [999_999_998, 0.1],
    ]);
  });

  it('resolves names with suggestions and rejects ambiguity and bad indices', () => {
    const bad = (name: string): string => {
      const r = resolveFailures(M, [name]);
      return r.ok ? 'ok' : r.message;
    };
    expect(bad('webb')).toMatch(/did you mean 'web'/);
    expect(bad('web[2]')).toMatch(/web\[0\] … web\[1\]/);
    expect(bad('rack:a')).toMatch(/unknown kind/);
    const clash = model({ zones: [{ name: 'x' }], tiers: [tier('x', { failure: p(0.1) })] });
    const r = resolveFailures(clash, ['x']);
    expect(r.ok ? 'ok' : r.message).toMatch(/both a zone and a tier/);
  });
});
