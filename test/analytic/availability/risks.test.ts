import { describe, expect, it } from 'vitest';
import { analyzeAvailability } from '../../../src/analytic/availability/index.js';
import { SECONDS_PER_HOUR } from '../../../src/units/conventions.js';
import { model, p, r, tier } from './build-model.js';

const H = SECONDS_PER_HOUR;

describe('risks: single points of failure and the weakest link', () => {
  it('flags a tier with n = k and a zone whose loss takes the service down', () => {
    // db: one node in zone a → losing a (or db's only node) takes the service down.
    const m = model({
      zones: ['a', 'b'].map((name) => ({ name, failure: p(0.001) })),
      tiers: [
        tier('web', { nodes: 4, k: 2, failure: p(0.01), zones: ['a', 'b'] }),
        tier('db', { nodes: 1, k: 1, failure: p(0.01), zones: ['a'] }),
      ],
    });
    const res = analyzeAvailability(m);
    const spofs = res.risks.filter((x) => x.kind === 'single-point-of-failure');
    expect(spofs.map((x) => `${x.subjectKind}:${x.subject}`).sort()).toEqual(['tier:db', 'zone:a']);
    expect(res.zones.map((z) => z.serviceSurvivesLoss)).toEqual([false, true]);
  });

  it('names the weakest link with its share and the availability without it', () => {
    // web 2-of-4 at q = .01 (≈ 4·.01³ = 4e-6) vs db one node at q = .01: db causes almost all.
    // Without zones, db perfect → service = web alone: 1 − P(≥ 3 of 4 down) =
    // 1 − (4·.01³·.99 + .01⁴) = 1 − 3.97e-6 = .99999603.
    const m = model({
      tiers: [tier('web', { nodes: 4, k: 2, failure: p(0.01) }), tier('db', { nodes: 1, k: 1, failure: p(0.01) })],
    });
    const res = analyzeAvailability(m);
    const weakest = res.risks.find((x) => x.kind === 'weakest-link');
    expect(weakest?.subject).toBe('db');
    if (weakest?.kind !== 'weakest-link') throw new Error('no weakest link');
    expect(weakest.serviceAvailabilityIfPerfect).toBeCloseTo(0.99999603, 14);
    // share = (q − q_if_perfect)/q with q = 1 − .99·.99999603
    const q = 1 - 0.99 * 0.99999603;
    expect(weakest.unavailabilityShare).toBeCloseTo((q - 3.97e-6) / q, 12);
  });

  it('reports capacity after a zone loss against demand (N+1)', () => {
    // 6 nodes × 100 rps over 3 zones, demand 300: losing a zone leaves 4 × 100 = 400 ≥ 300,
    // spare floor((400 − 300)/100) = 1 → N+1 holds. Demand 350: spare 0 → no N+1.
    const build = (demand: number) =>
      model({
        zones: ['a', 'b', 'c'].map((name) => ({ name, failure: r(9999 * H, H) })),
        tiers: [
          tier('web', {
            nodes: 6,
            k: 3,
            failure: r(999 * H, H),
            zones: ['a', 'b', 'c'],
            capacity: { perNode: 100, demand },
          }),
        ],
      });
    const ok = analyzeAvailability(build(300)).zones[0]?.capacityAfterLoss[0];
    expect(ok).toEqual({
      tier: 'web',
      nodesLeft: 4,
      capacity: 400,
      demand: 300,
      meetsDemand: true,
      spareNodes: 1,
      nPlusOne: true,
    });
    const tight = analyzeAvailability(build(350)).zones[0]?.capacityAfterLoss[0];
    expect(tight?.spareNodes).toBe(0);
    expect(tight?.nPlusOne).toBe(false);
    expect(tight?.meetsDemand).toBe(true);
  });
});

describe('warnings on suspicious inputs', () => {
  it('reports each suspicious input with a code and a path', () => {
    const m = model({
      regions: [{ name: 'r' }],
      zones: [
        { name: 'a', region: 'r' },
        { name: 'b', failure: r(H, 2 * H) },
      ],
      tiers: [
        tier('web', {
          nodes: 2,
          k: 1,
          failure: r(10 * H, 20 * H),
          zones: ['a'],
          capacity: { perNode: 10, demand: 50 },
        }),
        tier('spare', { nodes: 1, failure: p(0.1) }),
        tier('broken', { nodes: 2, k: 3, failure: p(0.1) }),
      ],
      service: {
        kind: 'all',
        of: [
          { kind: 'tier', tier: 'web' },
          { kind: 'tier', tier: 'broken' },
        ],
      },
    });
    const codes = analyzeAvailability(m).warnings.map((w) => `${w.code}@${w.path ?? ''}`);
    expect(codes).toEqual(
      expect.arrayContaining([
        'tier-cannot-meet-demand@tiers[0].capacity',
        'tier-in-one-zone@tiers[0]',
        'mttr-exceeds-mtbf@tiers[0].groups[0].failure',
        'tier-not-in-service@tiers[1]',
        'tier-min-healthy-exceeds-nodes@tiers[2].minHealthy',
        'zone-without-failure@zones[0]',
        'mttr-exceeds-mtbf@zones[1].failure',
        'region-without-failure@regions[0]',
      ]),
    );
  });

  it('a clean model has no warnings', () => {
    const m = model({
      zones: ['a', 'b'].map((name) => ({ name, failure: r(9999 * H, H) })),
      tiers: [tier('web', { nodes: 2, k: 1, failure: r(999 * H, H), zones: ['a', 'b'] })],
    });
    expect(analyzeAvailability(m).warnings).toEqual([]);
  });
});
