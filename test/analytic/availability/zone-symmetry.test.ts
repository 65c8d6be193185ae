/**
 * The zone/region conditioning against independent references written here: a brute-force
 * enumeration of every joint zone/region state with every node's own state summed by a
 * node-by-node dynamic programme (≤ 12 zones), and a hand-collapsed enumeration over the number
 * of zones down for 24 and 30 interchangeable zones. Nothing here calls the engine's helpers.
 */
import { describe, expect, it } from 'vitest';
import { analyzeAvailability } from '../../../src/analytic/availability/index.js';
import { component } from '../../../src/model/component.js';
import type { Component } from '../../../src/model/component.js';
import type { Model, NodeGroup } from '../../../src/model/types.js';
import { model, p, rel, rng, tier } from './build-model.js';

/** P(fewer than k of these independent nodes up), node by node. */
function tierDown(nodeQ: readonly number[], k: number): number {
  let dist = [1]; // dist[j] = P(j up)
  for (const q of nodeQ) {
    const next = new Array<number>(dist.length + 1).fill(0);
    dist.forEach((x, j) => {
      next[j] = (next[j] ?? 0) + x * q;
      next[j + 1] = (next[j + 1] ?? 0) + x * (1 - q);
    });
    dist = next;
  }
  return dist.slice(0, Math.max(0, k)).reduce((s, x) => s + x, 0);
}

type Brute = { q: number; tierQ: number[]; zoneDownQ: number[] };

/** Every joint state of the zones and regions; tiers in series, each k-of-n over its live nodes. */
function bruteForce(m: Model): Brute {
  const Z = m.zones.length;
  const R = m.regions.length;
  const zq = m.zones.map((z) => z.failure?.unavailability ?? 0);
  const rq = m.regions.map((r) => r.failure?.unavailability ?? 0);
  const out: Brute = { q: 0, tierQ: m.tiers.map(() => 0), zoneDownQ: m.zones.map(() => 0) };
  for (let mask = 0; mask < 2 ** (Z + R); mask++) {
    const own = (i: number): boolean => ((mask >> i) & 1) === 1;
    let P = 1;
    zq.forEach((q, i) => {
      P *= own(i) ? q : 1 - q;
    });
    rq.forEach((q, i) => {
      P *= own(Z + i) ? q : 1 - q;
    });
    if (P === 0) continue;
    const zoneDown = m.zones.map((z, i) => {
      const r = m.regions.findIndex((x) => x.name === z.region);
      return own(i) || (r >= 0 && own(Z + r));
    });
    let up = 1;
    m.tiers.forEach((t, ti) => {
      const live = t.groups.flatMap((g) => {
        const zi = m.zones.findIndex((z) => z.name === g.zone);
        return zi >= 0 && zoneDown[zi] === true ? [] : new Array<number>(g.count).fill(g.failure.unavailability);
      });
      const qt = tierDown(live, t.minHealthy);
      out.tierQ[ti] = (out.tierQ[ti] ?? 0) + P * qt;
      up *= 1 - qt;
    });
    out.q += P * (1 - up);
    m.zones.forEach((_, i) => {
      if (own(i)) out.zoneDownQ[i] = (out.zoneDownQ[i] ?? 0) + P * (1 - up);
    });
  }
  return out;
}

const perfect = component({ availability: 1 }, {}, 0);

describe('zone conditioning against brute-force enumeration (≤ 12 zones)', () => {
  it('random models: zones (some interchangeable), regions, mixed node classes', () => {
    const random = rng(20261201);
    for (let trial = 0; trial < 12; trial++) {
      const Z = 2 + Math.floor(random() * 9); // 2..10 zones
      const R = Math.floor(random() * 3);
      const shared = random() < 0.5; // half the models give every zone the same q
      const regions = Array.from({ length: R }, (_, i) => ({ name: `r${i}`, failure: p(0.02 + 0.1 * random()) }));
      const zones = Array.from({ length: Z }, (_, i) => ({
        name: `z${i}`,
        ...(R > 0 && random() < 0.7 ? { region: `r${Math.floor(random() * R)}` } : {}),
        failure: p(shared ? 0.07 : 0.01 + 0.3 * random()),
      }));
      const classes = [p(0.01), p(0.05), p(0.2)];
      const tiers = Array.from({ length: 1 + Math.floor(random() * 3) }, (_, t) => {
        const groups: NodeGroup[] = zones.flatMap((z) =>
          random() < 0.8
            ? [
                {
                  zone: z.name,
                  count: 1 + Math.floor(random() * 2),
                  failure: classes[Math.floor(random() * 3)] as Component,
                },
              ]
            : [],
        );
        const n = groups.reduce((s, g) => s + g.count, 0);
        return tier(`t${t}`, {
          groups: groups.length > 0 ? groups : [{ zone: undefined, count: 1, failure: p(0.01) }],
          k: Math.max(1, Math.ceil(n * (0.3 + 0.5 * random()))),
          failure: p(0.01),
        });
      });
      const m = model({ regions, zones, tiers });
      const want = bruteForce(m);
      const got = analyzeAvailability(m);
      expect(got.service.exact).toBe(true);
      expect(rel(got.service.unavailability, want.q)).toBeLessThan(1e-12);
      got.tiers.forEach((t, i) => {
        expect(rel(t.unavailability, want.tierQ[i] ?? 0)).toBeLessThan(1e-12);
      });
      got.zones.forEach((z, i) => {
        const q = m.zones[i]?.failure?.unavailability ?? 0;
        // E[q_svc | zone down] over the zone's own failure (a masking region counts too).
        const wantDown = bruteForce(
          model({ regions, zones: zones.map((x, j) => (j === i ? { ...x, failure: p(1) } : x)), tiers }),
        ).q;
        expect(Math.abs(z.serviceUnavailabilityGivenLoss - wantDown)).toBeLessThan(1e-12);
        expect(q).toBeGreaterThan(0);
      });
    }
  });

  it('with a small budget the same models give a rigorous interval around the exact value', () => {
    // 12 zones of distinct q and contents (i + 1 nodes in zone i), budget 300 evaluations: states are skipped and the
    // interval [lower, upper] must hold the brute-force value.
    const random = rng(7);
    for (let trial = 0; trial < 6; trial++) {
      const zones = Array.from({ length: 12 }, (_, i) => ({ name: `z${i}`, failure: p(0.02 + 0.2 * random()) }));
      const groups: NodeGroup[] = zones.map((z, i) => ({ zone: z.name, count: 1 + i, failure: p(0.01) }));
      const n = groups.reduce((s, g) => s + g.count, 0);
      const m = model({ zones, tiers: [tier('t', { groups, k: Math.ceil(n * 0.6), failure: p(0.01) })] });
      const exact = bruteForce(m).q;
      const got = analyzeAvailability(m, { maxStates: 300 });
      const b = got.service.unavailabilityBounds;
      expect(got.service.exact).toBe(false);
      expect(b.lower).toBeLessThanOrEqual(exact * (1 + 1e-12));
      expect(b.upper).toBeGreaterThanOrEqual(exact * (1 - 1e-12));
      expect(b.width).toBeCloseTo(b.upper - b.lower, 15);
      expect(b.width).toBeLessThanOrEqual(got.service.prunedProbability * (1 + 1e-12));
      expect(got.service.unavailability).toBe(b.lower);
      expect(got.service.availability + got.service.unavailability).toBeCloseTo(1, 12);
    }
  });
});

/** Σ_d C(m, d) q^d (1 − q)^(m − d)·f(d), by the running binomial term. */
function overCount(m: number, q: number, f: (d: number) => number): number {
  let s = 0;
  let c = 1;
  for (let d = 0; d <= m; d++) {
    s += c * q ** d * (1 - q) ** (m - d) * f(d);
    c = (c * (m - d)) / (d + 1);
  }
  return s;
}

describe('interchangeable zones collapse to counts (24 and 30 zones)', () => {
  it('24 identical zones, two tiers, nodes that fail: exact against the collapsed enumeration', () => {
    // Each zone: 2 web nodes (q 1e-3) and 1 db node (q 1e-2); web needs 40 of 48, db 20 of 24.
    // Given d zones down: web k-of-(2·(24 − d)), db k-of-(24 − d), independent.
    const names = Array.from({ length: 24 }, (_, i) => `z${i}`);
    const m = model({
      zones: names.map((name) => ({ name, failure: p(0.02) })),
      tiers: [
        tier('web', { nodes: 48, k: 40, failure: p(1e-3), zones: names }),
        tier('db', { nodes: 24, k: 20, failure: p(1e-2), zones: names }),
      ],
    });
    const web = (d: number): number => tierDown(new Array<number>(2 * (24 - d)).fill(1e-3), 40);
    const db = (d: number): number => tierDown(new Array<number>(24 - d).fill(1e-2), 20);
    const want = overCount(24, 0.02, (d) => 1 - (1 - web(d)) * (1 - db(d)));
    const got = analyzeAvailability(m);
    expect(got.service.exact).toBe(true);
    expect(got.service.statesEvaluated).toBe(25);
    expect(rel(got.service.unavailability, want)).toBeLessThan(1e-9);
    expect(rel(got.tiers[0]?.unavailability ?? 0, overCount(24, 0.02, web))).toBeLessThan(1e-9);
    // E[q_svc | zone 0 down] = Σ_d P(d of the other 23 down)·q_svc(d + 1).
    const givenDown = overCount(23, 0.02, (d) => 1 - (1 - web(d + 1)) * (1 - db(d + 1)));
    expect(rel(got.zones[0]?.serviceUnavailabilityGivenLoss ?? 0, givenDown)).toBeLessThan(1e-9);
  });

  it('30 zones at 0.01, one perfect node each, 26 needed: P(Bin(30, .01) ≥ 5), not a truncation', () => {
    // By hand: P(X = 5) = C(30, 5)·1e-10·.99^25 = 142506·1e-10·0.777821 = 1.10845e-5; the tail
    // beyond adds ≈ 4.5%: the engine must give the full tail, exact.
    const names = Array.from({ length: 30 }, (_, i) => `z${i}`);
    const m = model({
      zones: names.map((name) => ({ name, failure: p(0.01) })),
      tiers: [tier('t', { nodes: 30, k: 26, failure: perfect, zones: names })],
    });
    const want = overCount(30, 0.01, (d) => (d >= 5 ? 1 : 0));
    expect(rel(142506e-10 * 0.99 ** 25, 1.10845e-5)).toBeLessThan(1e-5);
    const got = analyzeAvailability(m);
    expect(got.service.exact).toBe(true);
    expect(rel(got.service.unavailability, want)).toBeLessThan(1e-12);
  });

  it('17 zones at 0.4 with different q: neither availability nor unavailability is 0', () => {
    // Same contents, q = 0.40 … 0.416: Poisson-binomial over the zones, checked by brute force
    // over 2^17 states of a 9-of-17 tier of perfect nodes.
    const zones = Array.from({ length: 17 }, (_, i) => ({ name: `z${i}`, failure: p(0.4 + i / 1000) }));
    const m = model({
      zones,
      tiers: [tier('t', { nodes: 17, k: 9, failure: perfect, zones: zones.map((z) => z.name) })],
    });
    let want = 0;
    for (let mask = 0; mask < 2 ** 17; mask++) {
      let P = 1;
      let down = 0;
      zones.forEach((_, i) => {
        const d = ((mask >> i) & 1) === 1;
        P *= d ? 0.4 + i / 1000 : 0.6 - i / 1000;
        if (d) down++;
      });
      if (17 - down < 9) want += P;
    }
    const got = analyzeAvailability(m);
    expect(got.service.exact).toBe(true);
    expect(rel(got.service.unavailability, want)).toBeLessThan(1e-12);
    expect(rel(got.service.availability, 1 - want)).toBeLessThan(1e-12);
  });
});
