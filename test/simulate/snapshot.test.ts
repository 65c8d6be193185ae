import { describe, expect, it } from 'vitest';
import { compileModel } from '../../src/simulate/compile/compile.js';
import { runSnapshotChunk, snapshotPlan } from '../../src/simulate/kernels/snapshot-kernel.js';
import { simulateSync } from '../../src/simulate/run/run-sync.js';
import { model, referenceSnapshotModel, staticComponent, tier } from '../support/reference-models.js';
import { binomialAtLeast, exactSnapshot } from './exact.js';

/** Within 4 standard errors. */
function within4(est: { estimate: number; stdErr: number; trials: number }, exact: number): void {
  const se = Math.max(est.stdErr, Math.sqrt((exact * (1 - exact)) / est.trials));
  expect(Math.abs(est.estimate - exact)).toBeLessThanOrEqual(4 * se);
}

describe('snapshot trials', () => {
  it('reference model (3 zones × 4 nodes, 2-of-3 and 7-of-12 tiers) matches the conditioned closed form', () => {
    // Zones down with pz = 0.001, nodes with pn = 0.01. Condition on how many zones are down:
    //  none, P = (1 − pz)³: front (2-of-3) up iff ≤ 1 of its 3 nodes down: 1 − P(Bin(3, pn) ≥ 2);
    //        quorum (7-of-12) up iff ≤ 5 of 12 down: 1 − P(Bin(12, pn) ≥ 6).
    //  one,  P = 3·pz·(1 − pz)²: front loses a node, up iff both others up: (1 − pn)²;
    //        quorum loses 4, up iff ≤ 1 of the other 8 down: 1 − P(Bin(8, pn) ≥ 2).
    //  two or three: both tiers down. Tiers are independent given the zone states, so
    //  P(service up) = Σ_s P(s)·A_front(s)·A_quorum(s).
    const pz = 0.001;
    const pn = 0.01;
    const s0 = (1 - pz) ** 3;
    const s1 = 3 * pz * (1 - pz) ** 2;
    const f0 = 1 - binomialAtLeast(3, pn, 2);
    const q0 = 1 - binomialAtLeast(12, pn, 6);
    const f1 = (1 - pn) ** 2;
    const q1 = 1 - binomialAtLeast(8, pn, 2);
    const service = 1 - (s0 * f0 * q0 + s1 * f1 * q1);
    const front = 1 - (s0 * f0 + s1 * f1);
    const quorum = 1 - (s0 * q0 + s1 * q1);
    // Rough check of the algebra: front alone ≈ 3e²(1 − e) + e³ with e = 1 − 0.999·0.99 = 0.01099,
    // ≈ 3.60e-4, and quorum adds ≈ 1.1e-5 minus the overlap: ≈ 3.7e-4.
    expect(service).toBeCloseTo(3.7e-4, 5);
    const r = simulateSync(referenceSnapshotModel(), {
      seed: 7,
      trials: 4_000_000,
      mode: 'snapshot',
      estimator: 'naive',
    });
    within4(r.service.unavailability, service);
    within4(r.tiers[0]!.unavailability, front);
    within4(r.tiers[1]!.unavailability, quorum);
    expect(r.trials).toBe(4_000_000);
    expect(r.seed).toBe(7);
  });

  it('regions, zones and shared zones across tiers match the state enumeration', () => {
    // Two regions (q = 0.02) with two zones each (q = 0.03); db: 4 nodes, one per zone, needs 2;
    // app: 2 nodes in zones a and c, needs 1. app and db share zones a and c, so the exact answer
    // conditions on all 2^6 region/zone states (test/simulate/exact.ts).
    const regions = ['r1', 'r2'].map((name) => ({ name, failure: staticComponent(0.02) }));
    const zones = [
      { name: 'a', region: 'r1' },
      { name: 'b', region: 'r1' },
      { name: 'c', region: 'r2' },
      { name: 'd', region: 'r2' },
    ].map((z) => ({ ...z, failure: staticComponent(0.03) }));
    const node = staticComponent(0.05);
    const db = tier(
      'db',
      2,
      zones.map((z) => ({ zone: z.name, count: 1, failure: node })),
    );
    const app = tier('app', 1, [
      { zone: 'a', count: 1, failure: node },
      { zone: 'c', count: 1, failure: node },
    ]);
    for (const service of [
      undefined,
      {
        kind: 'any',
        of: [
          { kind: 'tier', tier: 'db' },
          { kind: 'tier', tier: 'app' },
        ],
      },
    ] as const) {
      const m = model({ regions, zones, tiers: [db, app], ...(service === undefined ? {} : { service }) });
      const exact = exactSnapshot(m);
      const r = simulateSync(m, { seed: 3, trials: 1_000_000, mode: 'snapshot', estimator: 'naive' });
      within4(r.service.unavailability, exact.service);
      within4(r.tiers[0]!.unavailability, exact.tiers['db']!);
      within4(r.tiers[1]!.unavailability, exact.tiers['app']!);
    }
  });

  it('atLeast over tiers: 2 of 3 independent single-node tiers', () => {
    // Three tiers of one node each (q = 0.1); service up iff ≥ 2 tiers up:
    // P(down) = P(≥ 2 of 3 down) = 3q²(1 − q) + q³ = 0.027 + 0.001 − 0.003 = 0.028.
    const tiers = ['x', 'y', 'z'].map((name) =>
      tier(name, 1, [{ zone: undefined, count: 1, failure: staticComponent(0.1) }]),
    );
    const m = model({
      tiers,
      service: { kind: 'atLeast', k: 2, of: tiers.map((t) => ({ kind: 'tier', tier: t.name })) },
    });
    const r = simulateSync(m, { seed: 5, trials: 500_000, mode: 'snapshot' });
    within4(r.service.unavailability, 0.028);
  });

  it('zero events report the rule-of-three bound 3/N, not a bare 0', () => {
    const m = model({ tiers: [tier('t', 1, [{ zone: undefined, count: 3, failure: staticComponent(1e-9) }])] });
    const r = simulateSync(m, { seed: 1, trials: 100_000, mode: 'snapshot', estimator: 'naive' });
    expect(r.service.unavailability.events).toBe(0);
    expect(r.service.unavailability.upperBound).toBeCloseTo(3 / 100_000, 15);
    expect(r.service.unavailability.ci[1]).toBeCloseTo(3 / 100_000, 15);
  });

  it('the kernel is reproducible per (seed, chunk) and differs across chunks', () => {
    const plan = snapshotPlan(compileModel(referenceSnapshotModel()));
    const a = runSnapshotChunk(plan, 1, 1, 0, 1 << 16);
    expect(runSnapshotChunk(plan, 1, 1, 0, 1 << 16)).toEqual(a);
    expect(runSnapshotChunk(plan, 1, 1, 1, 1 << 16)).not.toEqual(a);
  });

  it('relError stops near the predicted trial count', () => {
    // One node, q = 0.01: the 95% half-width z·√(q(1−q)/N) reaches 5% of q at
    // N* = z²(1 − q)/(0.05²·q) = 3.8415·0.99/(0.0025·0.01) ≈ 152 000 trials.
    const m = model({ tiers: [tier('t', 1, [{ zone: undefined, count: 1, failure: staticComponent(0.01) }])] });
    const r = simulateSync(m, { seed: 11, relError: 0.05, mode: 'snapshot' });
    const predicted = (1.959964 ** 2 * 0.99) / (0.05 ** 2 * 0.01);
    expect(r.stoppedBy).toBe('relError');
    expect(r.trials).toBeGreaterThan(0.6 * predicted);
    expect(r.trials).toBeLessThan(1.6 * predicted);
    within4(r.service.unavailability, 0.01);
  });
});
