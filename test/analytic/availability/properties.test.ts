import { describe, expect, it } from 'vitest';
import { analyzeAvailability } from '../../../src/analytic/availability/index.js';
import { kOfN } from '../../../src/analytic/availability/k-of-n.js';
import type { Model, ServiceExpr, Tier } from '../../../src/model/types.js';
import { SECONDS_PER_HOUR } from '../../../src/units/conventions.js';
import { model, p, r, ref, rng, tier } from './build-model.js';

const H = SECONDS_PER_HOUR;

/** A random model: 1–3 regions, 1–5 zones, 1–3 tiers spread over random zones. */
function randomModel(next: () => number): Model {
  const pick = (n: number): number => Math.floor(next() * n);
  const spec = (): ReturnType<typeof r> =>
    next() < 0.5 ? r((10 + next() * 5000) * H, (0.1 + next() * 20) * H) : p(next() * 0.3);
  const regions = Array.from({ length: pick(3) }, (_, i) => ({
    name: `r${i}`,
    ...(next() < 0.7 ? { failure: spec() } : {}),
  }));
  const zones = Array.from({ length: 1 + pick(5) }, (_, i) => ({
    name: `z${i}`,
    ...(regions.length > 0 && next() < 0.8 ? { region: `r${pick(regions.length)}` } : {}),
    ...(next() < 0.8 ? { failure: spec() } : {}),
  }));
  const tiers = Array.from({ length: 1 + pick(3) }, (_, i): Tier => {
    const nodes = 1 + pick(6);
    const placed = zones.filter(() => next() < 0.6).map((z) => z.name);
    return tier(`t${i}`, { nodes, k: 1 + pick(nodes), failure: spec(), zones: placed });
  });
  const refs = tiers.map((t) => ref(t.name));
  const shapes: ServiceExpr[] = [
    { kind: 'all', of: refs },
    { kind: 'any', of: refs },
    { kind: 'atLeast', k: 1 + pick(refs.length), of: refs },
  ];
  return model({ regions, zones, tiers, service: shapes[pick(3)] ?? shapes[0]! });
}

const inUnit = (x: number): boolean => x >= 0 && x <= 1;

describe('availability invariants on seeded random models', () => {
  const next = rng(20240611);
  const models = Array.from({ length: 60 }, () => randomModel(next));

  it('probabilities stay in [0, 1] and a + q = 1', () => {
    for (const m of models) {
      const res = analyzeAvailability(m);
      const probs = [
        res.service.availability,
        res.service.unavailability,
        res.service.failureProbability ?? 0,
        ...res.tiers.flatMap((t) => [
          t.availability,
          t.unavailability,
          t.anyNodeFailureProbability,
          t.quorumLossProbability,
          t.unavailabilityShare,
        ]),
        ...res.zones.flatMap((z) => [
          z.serviceAvailabilityGivenLoss,
          z.serviceUnavailabilityGivenLoss,
          z.serviceAvailabilityIfPerfect,
          z.unavailabilityShare,
        ]),
        res.components.zoneSummary.anyFailsWithinHorizonProbability,
        res.components.zoneSummary.allDownAtOnceProbability,
      ];
      const bad = probs.filter((x) => !inUnit(x));
      expect(bad).toEqual([]);
      expect(res.service.availability + res.service.unavailability).toBeCloseTo(1, 12);
      // Conditioning is a weighted average: A lies between A(given loss) and A(if perfect).
      for (const z of res.zones) {
        expect(z.serviceAvailabilityGivenLoss).toBeLessThanOrEqual(res.service.availability + 1e-12);
        expect(z.serviceAvailabilityIfPerfect).toBeGreaterThanOrEqual(res.service.availability - 1e-12);
      }
    }
  });

  it('adding a node or lowering k never lowers availability', () => {
    for (const m of models) {
      const base = analyzeAvailability(m).service.availability;
      const t0 = m.tiers[0]!;
      const g0 = t0.groups[0]!;
      const more: Tier = {
        ...t0,
        nodes: t0.nodes + 1,
        groups: [{ ...g0, count: g0.count + 1 }, ...t0.groups.slice(1)],
      };
      const withNode = analyzeAvailability({ ...m, tiers: [more, ...m.tiers.slice(1)] }).service.availability;
      expect(withNode).toBeGreaterThanOrEqual(base - 1e-12);
      if (t0.minHealthy > 1) {
        const easier: Tier = { ...t0, minHealthy: t0.minHealthy - 1 };
        const lower = analyzeAvailability({ ...m, tiers: [easier, ...m.tiers.slice(1)] }).service.availability;
        expect(lower).toBeGreaterThanOrEqual(base - 1e-12);
      }
    }
  });

  it('a perfect zone (no failure spec) gives the independent-node answer', () => {
    const n2 = rng(7);
    for (let i = 0; i < 30; i++) {
      const n = 1 + Math.floor(n2() * 8);
      const k = 1 + Math.floor(n2() * n);
      const failure = r((10 + n2() * 1000) * H, (0.1 + n2() * 10) * H);
      const zoned = model({
        zones: [{ name: 'a' }, { name: 'b' }],
        tiers: [tier('t', { nodes: n, k, failure, zones: ['a', 'b'] })],
      });
      const alone = kOfN([{ q: failure.unavailability, count: n }], k);
      const res = analyzeAvailability(zoned).service;
      expect(res.unavailability).toBeCloseTo(alone.q, 15);
      expect(Math.abs(res.unavailability - alone.q)).toBeLessThanOrEqual(1e-15 * Math.max(1e-300, alone.q) + 1e-300);
    }
  });
});
