import { describe, expect, it } from 'vitest';
import { analyzeAvailability } from '../../../src/analytic/availability/index.js';
import { component } from '../../../src/model/component.js';
import { SECONDS_PER_DAY, SECONDS_PER_HOUR, SECONDS_PER_YEAR } from '../../../src/units/conventions.js';
import { model, p, r, ref, rel, tier } from './build-model.js';

const H = SECONDS_PER_HOUR;

describe('analyzeAvailability: published and hand-worked cases', () => {
  it('AWS Well-Architected: three hard dependencies at 99.99% → 99.970003%', () => {
    // AWS Reliability Pillar, "Availability": .9999 × .9999 × .9999 ≈ 99.97% (rounded there);
    // exactly 0.9999³ = 0.999700029999.
    const a = component({ availability: 0.9999 }, {}, 1e-4);
    const m = model({ tiers: ['app', 'dep1', 'dep2'].map((n) => tier(n, { failure: a })) });
    const s = analyzeAvailability(m).service;
    expect(s.availability).toBeCloseTo(0.999700029999, 14);
    expect(rel(s.unavailability, 2.99970001e-4)).toBeLessThan(1e-12);
  });

  it('AWS Well-Architected: two redundant 99.9% components → 99.9999%', () => {
    // Same source: 100% − (0.1% × 0.1%) = 99.9999%.
    const a = component({ availability: 0.999 }, {}, 1e-3);
    const s = analyzeAvailability(model({ tiers: [tier('pair', { nodes: 2, k: 1, failure: a })] })).service;
    expect(rel(s.unavailability, 1e-6)).toBeLessThan(1e-12);
    expect(s.nines).toBeCloseTo(6, 12);
  });

  it('steady state A = MTBF/(MTBF + MTTR), worked by hand', () => {
    // 999 h / (999 h + 1 h) = 0.999; 30 d / (30 d + 4 h) = 720/724 = 0.99447513812…;
    // afr 0.5/year with mttr 24 h: MTBF = 2 years = 17,520 h, A = 17520/17544 = 0.99863201094…
    const cases: [ReturnType<typeof r>, number][] = [
      [r(999 * H, H), 0.999],
      [r(30 * SECONDS_PER_DAY, 4 * H), 720 / 724],
      [component({ afr: 0.5, mttrSeconds: 24 * H }), 17520 / 17544],
    ];
    for (const [failure, expected] of cases) {
      const res = analyzeAvailability(model({ tiers: [tier('t', { failure })] }));
      expect(res.service.availability).toBeCloseTo(expected, 14);
      expect(res.tiers[0]?.availability).toBeCloseTo(expected, 14);
      expect(res.components.nodes[0]?.availability).toBeCloseTo(expected, 14);
      expect(rel(res.service.unavailability, 1 - expected)).toBeLessThan(1e-9);
    }
    // downtime per year: q · 8760 h = 0.001 · 8760 h = 8.76 h
    const one = analyzeAvailability(model({ tiers: [tier('t', { failure: r(999 * H, H) })] }));
    expect(one.service.downtimeSecondsPerYear).toBeCloseTo(8.76 * H, 6);
    expect(one.service.downtimeSecondsPerMonth).toBeCloseTo(0.72 * H, 6); // 0.001 · 720 h
  });

  it('two tiers sharing three zones: exact by conditioning on zone states; the naive product is wrong', () => {
    // Zones A, B, C each down with p = 0.1, independent. web: 3 nodes (A, B, C), needs 2, node
    // q = 0.01. db: 2 nodes (A, B), needs 1, node q = 0.02. Condition on the zone state s:
    //  all up (P = 0.9³ = 0.729): web 2-of-3 at a = .99: a³ + 3a²q = .970299 + .029403 = .999702;
    //    db 1-of-2: 1 − .02² = .9996; service = .999702 · .9996 = .9993021192
    //  A down (P = .9²·.1 = .081): web needs B and C: .99² = .9801; db needs B: .98 → .960498
    //  B down (P = .081): symmetric → .960498
    //  C down (P = .081): web needs A and B: .9801; db 1-of-2: .9996 → .97970796
    //  two or three zones down (P = .028): web has ≤ 1 node → service down (0)
    //  A = .729 · .9993021192 + .081 · (2 · .960498 + .97970796) = .9634482656568
    // The tiers' own availabilities (same conditioning, each alone) are web .966947058 and db
    // .986076; their product .953483287… is NOT the service availability: the tiers share zones.
    const zones = ['A', 'B', 'C'].map((name) => ({ name, failure: p(0.1) }));
    const m = model({
      zones,
      tiers: [
        tier('web', { nodes: 3, k: 2, failure: p(0.01), zones: ['A', 'B', 'C'] }),
        tier('db', { nodes: 2, k: 1, failure: p(0.02), zones: ['A', 'B'] }),
      ],
    });
    const res = analyzeAvailability(m);
    expect(res.service.availability).toBeCloseTo(0.9634482656568, 14);
    expect(res.service.unavailability).toBeCloseTo(1 - 0.9634482656568, 14);
    expect(res.tiers[0]?.availability).toBeCloseTo(0.966947058, 14);
    expect(res.tiers[1]?.availability).toBeCloseTo(0.986076, 14);
    const naive = (res.tiers[0]?.availability ?? 0) * (res.tiers[1]?.availability ?? 0);
    expect(naive).toBeCloseTo(0.953483287164408, 12);
    expect(Math.abs(naive - res.service.availability)).toBeGreaterThan(0.009);
    // Zones A and B hold the same nodes (one web, one db): they merge, 3 × 2 = 6 states.
    expect(res.service.statesEvaluated).toBe(6);
    expect(res.service.prunedProbability).toBe(0);
    // Given zone A lost: (.9²·.960498 + .9·.1·0 + …) / … — A(svc | A down) = P(B,C up)·.960498
    // = .81 · .960498 = .77800338
    expect(res.zones[0]?.serviceAvailabilityGivenLoss).toBeCloseTo(0.77800338, 14);
    expect(res.zones.every((z) => z.serviceSurvivesLoss)).toBe(true);
  });

  it('regions take their zones down: 2-of-3 zones, two of them in a failing region', () => {
    // Zones a, b (own p = 0.1) in region R (p = 0.1); zone c (never fails itself) in region S
    // (p = 0.2). web: one perfect node per zone, needs 2.
    // R down (0.1): only c can be up → down. R up (0.9): P(a∧b) + P(one of a, b)·P(c up)
    // = .81 + .18 · .8 = .954. A = .9 · .954 = .8586.
    const perfect = component({ availability: 1 }, {}, 0);
    const m = model({
      regions: [
        { name: 'R', failure: p(0.1) },
        { name: 'S', failure: p(0.2) },
      ],
      zones: [
        { name: 'a', region: 'R', failure: p(0.1) },
        { name: 'b', region: 'R', failure: p(0.1) },
        { name: 'c', region: 'S' },
      ],
      tiers: [tier('web', { nodes: 3, k: 2, failure: perfect, zones: ['a', 'b', 'c'] })],
    });
    const res = analyzeAvailability(m);
    expect(res.service.availability).toBeCloseTo(0.8586, 14);
    // Losing region R (zones a and b) leaves one node: the service goes down.
    expect(res.regions[0]?.serviceSurvivesLoss).toBe(false);
    expect(res.regions[0]?.zones).toEqual(['a', 'b']);
    expect(res.regions[1]?.serviceSurvivesLoss).toBe(true);
    // Given zone c lost (S or c itself): need a and b: P(R up)·.81 = .729 — c never fails by
    // itself, so this comes from a forced enumeration.
    expect(res.zones[2]?.serviceAvailabilityGivenLoss).toBeCloseTo(0.729, 14);
  });

  it('the textbook question: three zones at p = 0.01 → P(any fails) 0.029701, P(all down) 1e-6', () => {
    // 1 − 0.99³ = 1 − 0.970299 = 0.029701 (at least one fails); 0.01³ = 1e-6 (all at once).
    const m = model({
      zones: ['a', 'b', 'c'].map((name) => ({ name, failure: p(0.01) })),
      tiers: [tier('web', { nodes: 3, k: 1, failure: component({ availability: 1 }, {}, 0), zones: ['a', 'b', 'c'] })],
    });
    const res = analyzeAvailability(m);
    const s = res.components.zoneSummary;
    expect(s.count).toBe(3);
    expect(rel(s.anyFailsWithinHorizonProbability, 0.029701)).toBeLessThan(1e-13);
    expect(rel(s.allDownAtOnceProbability, 1e-6)).toBeLessThan(1e-13);
    // The service (1 of 3 zones) is down only when all three are: the same 1e-6.
    expect(rel(res.service.unavailability, 1e-6)).toBeLessThan(1e-12);
    expect(res.zones.map((z) => z.failureProbability)).toEqual([0.01, 0.01, 0.01]);
  });

  it('precision: an unavailability of 1e-15 comes out as 1e-15', () => {
    // availability 0.999999999999999 as a double is 1 − 1.11e-15: the exact complement is
    // passed as the override (as src/units does), and must survive every step.
    const a = component({ availability: 1 - 1e-15 }, {}, 1e-15);
    const res = analyzeAvailability(model({ tiers: [tier('t', { failure: a })] }));
    expect(res.service.unavailability).toBe(1e-15);
    expect(res.service.nines).toBeCloseTo(15, 12);
    expect(res.tiers[0]?.unavailability).toBe(1e-15);
  });

  it('precision: 10,000 nodes in series with q = 1e-12 (tier and service of 100 tiers)', () => {
    // −expm1(1e4 · log1p(−1e-12)) = 9.99999995e-9 (series expansion Nq − C(N,2)q²).
    const expected = -Math.expm1(1e4 * Math.log1p(-1e-12));
    const q = component({ probability: 1e-12 });
    const one = analyzeAvailability(model({ tiers: [tier('t', { nodes: 10_000, failure: q })] }));
    expect(rel(one.service.unavailability, expected)).toBeLessThan(1e-8);
    const many = analyzeAvailability(
      model({ tiers: Array.from({ length: 100 }, (_, i) => tier(`t${i}`, { nodes: 100, failure: q })) }),
    );
    expect(rel(many.service.unavailability, expected)).toBeLessThan(1e-8);
    expect(rel(one.service.unavailability, 9.99999995e-9)).toBeLessThan(1e-8);
  });

  it('nested any / all / atLeast expressions evaluate exactly', () => {
    // a, b, c, d single nodes with q = .1, .2, .3, .4 (no zones, independent):
    // all(any(a, b), atLeast 2 of (a?, …)) — use any(a, b) = 1 − .02 = .98 and
    // atLeast(2, c, d, e) with e q = .5: P(≥2 of c,d,e up) = .7·.6 + .7·.4·.5 + .3·.6·.5 … worked:
    //   all three up .7·.6·.5 = .21; exactly two: .7·.6·.5 + .7·.4·.5 + .3·.6·.5 = .21 + .14 + .09
    //   = .44 → P = .65. Service = .98 · .65 = .637.
    const t = (n: string, q: number): ReturnType<typeof tier> => tier(n, { failure: p(q) });
    const m = model({
      tiers: [t('a', 0.1), t('b', 0.2), t('c', 0.3), t('d', 0.4), t('e', 0.5)],
      service: {
        kind: 'all',
        of: [
          { kind: 'any', of: [ref('a'), ref('b')] },
          { kind: 'atLeast', k: 2, of: [ref('c'), ref('d'), ref('e')] },
        ],
      },
    });
    expect(analyzeAvailability(m).service.availability).toBeCloseTo(0.637, 14);
  });

  it('a tier used twice in the expression is conditioned on, not counted twice', () => {
    // any(all(a, b), all(a, c)) with q = .1 each: = a ∧ (b ∨ c) = .9 · (1 − .01) = .891
    // (treating the two branches as independent would give 1 − (1 − .81)² = .9639).
    const t = (n: string): ReturnType<typeof tier> => tier(n, { failure: p(0.1) });
    const m = model({
      tiers: [t('a'), t('b'), t('c')],
      service: {
        kind: 'any',
        of: [
          { kind: 'all', of: [ref('a'), ref('b')] },
          { kind: 'all', of: [ref('a'), ref('c')] },
        ],
      },
    });
    expect(analyzeAvailability(m).service.availability).toBeCloseTo(0.891, 14);
  });

  it('horizon figures: any-node failure, expected failures, quorum loss (nodes only)', () => {
    // 3 nodes, MTBF 1 year, MTTR 1 h, horizon 1 year: F = 1 − e^(−1) per node.
    // any node: 1 − e^(−3); expected failures: 3·λ·a·H = 3 · 8760/8761; quorum (need 2): lose
    // ≥ 2 of 3 with F: 3F²(1 − F) + F³.
    const m = model({ tiers: [tier('t', { nodes: 3, k: 2, failure: r(SECONDS_PER_YEAR, H) })] });
    const t = analyzeAvailability(m).tiers[0];
    const F = 1 - Math.exp(-1);
    expect(t?.anyNodeFailureProbability).toBeCloseTo(1 - Math.exp(-3), 14);
    expect(t?.expectedNodeFailures).toBeCloseTo((3 * 8760) / 8761, 12);
    expect(t?.quorumLossProbability).toBeCloseTo(3 * F * F * (1 - F) + F ** 3, 14);
    expect(t?.failuresTolerated).toBe(1);
  });
});
