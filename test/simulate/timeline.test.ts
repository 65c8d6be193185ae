import { describe, expect, it } from 'vitest';
import { component } from '../../src/model/component.js';
import type { Distribution } from '../../src/model/component.js';
import { compileModel } from '../../src/simulate/compile/compile.js';
import { simulateSync } from '../../src/simulate/run/run-sync.js';
import { model, repairable, tier } from '../support/reference-models.js';
import { binomialCdf, expGroups } from '../../src/simulate/kernels/timeline-groups.js';
import { runTimelineChunk } from '../../src/simulate/kernels/timeline-kernel.js';
import { SECONDS_PER_YEAR } from '../../src/units/conventions.js';

function single(lifetime: Distribution, repair: Distribution) {
  const c = component({ mtbfSeconds: 1000, mttrSeconds: 10 }, { lifetime, repair });
  return model({ tiers: [tier('x', 1, [{ zone: undefined, count: 1, failure: c }])], horizonSeconds: 100_000 });
}

describe('timeline trials', () => {
  // A stationary alternating renewal process is down a fraction MTTR/(MTBF + MTTR) of the time
  // in expectation, whatever the distributions (Ross, Stochastic Processes, §3.4):
  // 10 / (1000 + 10) = 0.00990099.
  const q = 10 / 1010;
  const cases: [string, Distribution, Distribution][] = [
    ['exponential', { type: 'exponential' }, { type: 'exponential' }],
    ['Weibull(0.7) life, lognormal(1) repair', { type: 'weibull', shape: 0.7 }, { type: 'lognormal', sigma: 1 }],
    ['Weibull(2.5) life, fixed repair', { type: 'weibull', shape: 2.5 }, { type: 'fixed' }],
  ];
  for (const [name, life, rep] of cases) {
    it(`mean availability agrees with MTBF/(MTBF+MTTR): ${name}`, () => {
      const r = simulateSync(single(life, rep), { seed: 1, trials: 8000, mode: 'timeline' });
      const u = r.timeline!.unavailability;
      expect(Math.abs(u.estimate - q)).toBeLessThanOrEqual(4 * u.stdErr);
      expect(u.stdErr / q).toBeLessThan(0.03);
    });
  }

  it('zones take their nodes down: time-average matches 1 − (1 − q_zone)(1 − q_node)', () => {
    // Zone MTBF 5000 s / MTTR 50 s (q = 50/5050), node 1000 / 10 (q = 10/1010), 1-of-1 tier.
    const zone = { name: 'a', region: undefined, failure: repairable(5000, 50) };
    const m = model({
      zones: [zone],
      tiers: [tier('x', 1, [{ zone: 'a', count: 1, failure: repairable(1000, 10) }])],
      horizonSeconds: 100_000,
    });
    const exact = 1 - (1 - 50 / 5050) * (1 - 10 / 1010);
    const r = simulateSync(m, { seed: 2, trials: 8000, mode: 'timeline' }, { serviceUnavailability: exact });
    const u = r.timeline!.unavailability;
    expect(Math.abs(u.estimate - exact)).toBeLessThanOrEqual(4 * u.stdErr);
    expect(u.agrees).toBe(true);
  });

  it('regions take their zones down (fast exponential kernel): 1 − (1 − q_r)(1 − q_z)(1 − q_n)', () => {
    // Region 20 000 / 100 s (q = 100/20 100), zone 5000 / 50 s (q = 50/5050), node 1000 / 10 s
    // (q = 10/1010), a 1-of-1 tier: up iff all three are up, independent processes.
    const regions = [{ name: 'r', failure: repairable(20_000, 100) }];
    const zones = [{ name: 'a', region: 'r', failure: repairable(5000, 50) }];
    const m = model({
      regions,
      zones,
      tiers: [tier('x', 1, [{ zone: 'a', count: 1, failure: repairable(1000, 10) }])],
      horizonSeconds: 100_000,
    });
    const exact = 1 - (1 - 100 / 20_100) * (1 - 50 / 5050) * (1 - 10 / 1010);
    const r = simulateSync(m, { seed: 12, trials: 8000, mode: 'timeline' });
    const u = r.timeline!.unavailability;
    expect(Math.abs(u.estimate - exact)).toBeLessThanOrEqual(4 * u.stdErr);
    expect(u.stdErr / exact).toBeLessThan(0.05);
  });

  it('exponential time to first failure follows 1 − e^(−x) at x = 0.5, 1, 2 (in MTBFs)', () => {
    // A new component with exponential lifetime of mean 1000 s fails first before x·1000 s
    // with probability 1 − e^(−x): 0.393469, 0.632121, 0.864665.
    const m = compileModel(single({ type: 'exponential' }, { type: 'exponential' }));
    const first: number[] = [];
    for (let chunk = 0; chunk < 10; chunk++) {
      const c = runTimelineChunk(m, 2500, 'new', 3, 2, chunk, 2000);
      first.push(...c.firstOutage);
    }
    const n = first.length;
    for (const x of [0.5, 1, 2]) {
      const expected = -Math.expm1(-x);
      const seen = first.filter((t) => t <= x * 1000).length / n;
      expect(Math.abs(seen - expected)).toBeLessThanOrEqual(4 * Math.sqrt((expected * (1 - expected)) / n));
    }
  });

  it('reports annual downtime percentiles, outages and P(miss target), consistent with each trial', () => {
    // 2 nodes, 1 needed, MTBF 30 d, MTTR 2 d: outages happen; 99.99% target is missed often.
    const node = repairable(30 * 86_400, 2 * 86_400);
    const m = model({
      tiers: [tier('x', 1, [{ zone: undefined, count: 2, failure: node }])],
      targets: [
        {
          metric: 'availability',
          operator: '>=',
          threshold: 0.9999,
          thresholdComplement: 1e-4,
          level: 'error',
          scenario: undefined,
          tier: undefined,
          position: undefined,
        },
      ],
    });
    const r = simulateSync(m, { seed: 5, trials: 4000, mode: 'timeline' });
    const d = r.annualDowntimeSeconds!;
    expect(d.p50).toBeLessThanOrEqual(d.p90);
    expect(d.p90).toBeLessThanOrEqual(d.p99);
    expect(d.p99).toBeLessThanOrEqual(d.p999);
    // Steady-state q = (2/32)² = 1/256: mean downtime per year = year/256 = 123 188 s.
    const qExact = (2 / 32) ** 2;
    const u = r.timeline!.unavailability;
    expect(Math.abs(u.estimate - qExact)).toBeLessThanOrEqual(4 * u.stdErr);
    expect(d.mean / SECONDS_PER_YEAR).toBeCloseTo(u.estimate, 12);
    // Outage frequency (DESIGN §4): ν = Σ_i I_B(i)·A_i·λ_i = 2 · (1/16) · (15/16) · (365/30) per year
    // = 1.42578; in a stationary process the expected number of outages starting within a year
    // is exactly ν·1 year. SD per year ≈ √ν, so 4 SE ≈ 4·√(1.43/4000) = 0.076.
    const nu = 2 * (1 / 16) * (15 / 16) * (365 / 30);
    expect(Math.abs(r.outagesPerYear!.mean - nu)).toBeLessThan(4 * Math.sqrt(nu / 4000));
    // A year misses 99.99% iff its downtime exceeds 3153.6 s, which nearly any outage does
    // (mean 1 d), so P(miss) is close to, and at most, P(at least one outage) ≈ 1 − e^(−ν) = 0.76.
    const miss = r.missProbability!;
    expect(miss.target).toBe(0.9999);
    expect(miss.estimate).toBeLessThanOrEqual(r.timeline!.outageWithinHorizon.estimate);
    expect(Math.abs(miss.estimate - -Math.expm1(-nu))).toBeLessThan(0.05);
    const hist = r.outagesPerYear!.histogram;
    expect(hist.reduce((s, h) => s + h.trials, 0)).toBe(4000);
  });
});

describe('the grouped exponential kernel (one birth–death clock pair per group of like nodes)', () => {
  it('binomialCdf gives the stationary start by hand: n = 1, q = 1/4 → [3/4, 1]; n = 3, q = 1/2 → [1, 4, 7, 8]/8', () => {
    const out = new Float64Array(6);
    binomialCdf(1, 0.25, out, 0);
    binomialCdf(3, 0.5, out, 2);
    const want = [0.75, 1, 1 / 8, 4 / 8, 7 / 8, 1];
    for (let i = 0; i < 6; i++) expect(out[i]).toBeCloseTo(want[i] ?? 0, 14);
  });

  it('a 2-of-3 tier of like nodes: downtime 3q²(1 − q) + q³, P(down at 0) the same, outages 6q(1 − q)²λ per second', () => {
    // MTBF 1000 s, MTTR 100 s: q = 1/11. U = 3q²(1 − q) + q³ = 31/1331 = 0.0232907. Entering the
    // down state from exactly one node down: ν = P(1 down)·2λ = 3q(1 − q)²·2/1000 per second.
    const q = 1 / 11;
    const U = 3 * q * q * (1 - q) + q ** 3;
    const nu = 3 * q * (1 - q) ** 2 * (2 / 1000);
    const m = compileModel(
      model({
        tiers: [tier('x', 2, [{ zone: undefined, count: 3, failure: repairable(1000, 100) }])],
        horizonSeconds: 20_000,
      }),
    );
    expect(expGroups(m).count).toBe(1);
    const n = 40 * 1024;
    let down = 0;
    let down2 = 0;
    let outages = 0;
    let atZero = 0;
    for (let chunk = 0; chunk < 40; chunk++) {
      const c = runTimelineChunk(m, 20_000, 'steady', 8, 2, chunk, 1024);
      for (let i = 0; i < c.trials; i++) {
        const u = (c.downtime[i] ?? 0) / 20_000;
        down += u;
        down2 += u * u;
        outages += c.outages[i] ?? 0;
        if (c.firstOutage[i] === 0) atZero++;
      }
    }
    const mean = down / n;
    const se = Math.sqrt((down2 / n - mean * mean) / n);
    expect(Math.abs(mean - U)).toBeLessThanOrEqual(4 * se);
    expect(Math.abs(atZero / n - U)).toBeLessThanOrEqual(4 * Math.sqrt((U * (1 - U)) / n));
    // Outages in 20 000 s: mean ν·20 000 = 2.98, SD ≤ √(mean·(1 + burstiness)); 4 SE with SD 2√mean.
    const expected = nu * 20_000;
    expect(Math.abs(outages / n - expected)).toBeLessThanOrEqual(4 * 2 * Math.sqrt(expected / n));
  });

  it('like nodes in two zones form two groups, and a zone failure takes its group down with it', () => {
    // 1-of-2 tier, one node in each of zones a and b (zone 5000/50 s, node 1000/10 s): down iff
    // both sides are down, each side down with p = 1 − (1 − 50/5050)(1 − 10/1010), independent.
    const zones = ['a', 'b'].map((name) => ({ name, region: undefined, failure: repairable(5000, 50) }));
    const m = model({
      zones,
      tiers: [
        tier('x', 1, [
          { zone: 'a', count: 1, failure: repairable(1000, 10) },
          { zone: 'b', count: 1, failure: repairable(1000, 10) },
        ]),
      ],
      horizonSeconds: 100_000,
    });
    expect(expGroups(compileModel(m)).count).toBe(4);
    const side = 1 - (1 - 50 / 5050) * (1 - 10 / 1010);
    const r = simulateSync(m, { seed: 3, trials: 8000, mode: 'timeline' });
    const u = r.timeline!.unavailability;
    expect(Math.abs(u.estimate - side * side)).toBeLessThanOrEqual(4 * u.stdErr);
  });
});
