import { describe, expect, it } from 'vitest';
import { component } from '../../src/model/component.js';
import type { Distribution } from '../../src/model/component.js';
import type { Backup, Data } from '../../src/model/data-protection.js';
import type { Model } from '../../src/model/types.js';
import { simulateSync } from '../../src/simulate/run/run-sync.js';
import { model, repairable, tier } from '../support/reference-models.js';
import { SECONDS_PER_DAY, SECONDS_PER_YEAR } from '../../src/units/conventions.js';

const HOUR = 3600;
const DAY = SECONDS_PER_DAY;

function backup(method: Backup['method'], extra: Partial<Backup> = {}): Backup {
  return {
    name: 'b',
    everySeconds: DAY,
    method,
    fullEverySeconds: method === 'forward-incremental' || method === 'differential' ? 7 * DAY : undefined,
    retention: { points: 14, weekly: 0, monthly: 0, yearly: 0 },
    location: { kind: 'offsite' },
    durationSeconds: HOUR,
    throughputBytesPerSecond: undefined,
    restoreThroughputBytesPerSecond: 1e9,
    ...extra,
  };
}

/** A 2-node tier holding `data` (S = 1 TB, 10% changed per day, no growth, no reduction). */
function withData(data: Partial<Data>, node = repairable(SECONDS_PER_YEAR, 8 * HOUR)): Model {
  const m = model({ tiers: [tier('db', 1, [{ zone: undefined, count: 2, failure: node }])] });
  return {
    ...m,
    data: {
      tier: 'db',
      sizeBytes: 1e12,
      dailyChange: 0.1,
      yearlyGrowth: 0,
      reduction: 0,
      replication: { mode: 'sync', lagSeconds: 0 },
      copies: [],
      backups: [],
      durability: undefined,
      ...data,
    },
    recovery: {
      strategy: 'backup-restore',
      detectionSeconds: 300,
      failoverSeconds: 0,
      provisioningSeconds: 600,
      validationSeconds: 100,
    },
  };
}

/** A mirror (2 replicas) with AFR `afr`, rebuild 24 h of the given distribution, G groups. */
function mirror(afr: number, rebuild: Distribution, groups = 1): Model {
  const shardFailure = component({ afr, mttrSeconds: DAY }, { repair: rebuild });
  return withData({
    durability: {
      scheme: { kind: 'replicas', replicas: 2 },
      shardFailure,
      rebuildSeconds: DAY,
      rebuildThroughputBytesPerSecond: undefined,
      groups,
    },
  });
}

const quick = { trials: 1 << 16, mode: 'snapshot', estimator: 'naive' } as const;

describe('data loss: realised RPO and RTO', () => {
  it('a daily backup taking 1 h gives RPO uniform on [D, Δ + D]: mean Δ/2 + D, p90 D + 0.9Δ', () => {
    // Corruption leaves only the backup. Δ = 86 400 s, D = 3600 s:
    // mean = 43 200 + 3600 = 46 800 s; p50 = 46 800 s; p90 = 3600 + 77 760 = 81 360 s;
    // p99 = 3600 + 85 536 = 89 136 s. SD of U(D, Δ + D) = Δ/√12 = 24 941.5 s, so the mean's SE
    // with N = 100 000 is 78.9 s; a percentile's SE is Δ·√(q(1 − q)/N) (density 1/Δ): 81.9 s at p90.
    const r = simulateSync(withData({ backups: [backup('full')] }), { ...quick, seed: 3 });
    const c = r.dataLoss!.recovery.find((s) => s.scenario === 'corruption')!;
    expect(c.survives).toBe(true);
    expect(c.disruptions).toBe(100_000);
    const rpo = c.rpoSeconds!;
    const n = c.disruptions;
    expect(Math.abs(rpo.mean.estimate - 46_800)).toBeLessThanOrEqual(4 * (DAY / Math.sqrt(12) / Math.sqrt(n)));
    expect(rpo.mean.ci[0]).toBeLessThan(46_800 + 4 * 79);
    for (const [q, exact] of [
      [0.5, 46_800],
      [0.9, 81_360],
      [0.99, 89_136],
    ] as const) {
      const est = q === 0.5 ? rpo.p50 : q === 0.9 ? rpo.p90 : rpo.p99;
      expect(Math.abs(est.estimate - exact)).toBeLessThanOrEqual(4 * DAY * Math.sqrt((q * (1 - q)) / n));
      expect(est.ci[0]).toBeLessThanOrEqual(est.estimate);
      expect(est.ci[1]).toBeGreaterThanOrEqual(est.estimate);
    }
    expect(rpo.max).toBeLessThanOrEqual(DAY + HOUR);
    // Full backups restore 1e12 B at 1e9 B/s = 1000 s every time; RTO = 300 + 1000 + 100 = 1400 s
    // (the nodes survive corruption: no provisioning). That is the analytic RTO too.
    expect(c.rtoSeconds!.p50.estimate).toBe(1400);
    expect(c.rtoSeconds!.max).toBe(1400);
    expect(c.analytic.rtoSeconds).toBe(1400);
    expect(c.analytic.rpoExpectedSeconds).toBe(46_800);
    expect(c.recoveredBy).toEqual([{ kind: 'backup', name: 'b', share: 1 }]);
  });

  it('forward-incremental restores vary with the chain position; the worst is the analytic RTO', () => {
    // Weekly full, daily increments of S·c = 1e11 B: the latest point is j = 0…6 days after its
    // full, each with probability 1/7, and restores (1e12 + j·1e11)/1e9 = 1000 + 100j s.
    // RTO = 400 + 1000 + 100j: mean 1700 s; p50 j = 3 → 1700 s; p90: P(j ≤ 5) = 6/7 < 0.9 → j = 6,
    // 2000 s = the analytic worst chain (full + 6 increments).
    const r = simulateSync(withData({ backups: [backup('forward-incremental')] }), { ...quick, seed: 4 });
    const c = r.dataLoss!.recovery.find((s) => s.scenario === 'corruption')!;
    const rto = c.rtoSeconds!;
    // SD of 100j for j uniform on 0…6 is 100·√((49 − 1)/12) = 200 s.
    expect(Math.abs(rto.mean.estimate - 1700)).toBeLessThanOrEqual(4 * (200 / Math.sqrt(c.disruptions)));
    expect(rto.p50.estimate).toBe(1700);
    expect(rto.p90.estimate).toBe(2000);
    expect(rto.max).toBe(2000);
    expect(c.analytic.rtoSeconds).toBe(2000);
  });

  it('a node loss is taken over by the surviving replica (RPO 0); a region loss is not recoverable', () => {
    const r = simulateSync(withData({ backups: [backup('full', { location: { kind: 'zone', name: 'nowhere' } })] }), {
      ...quick,
      seed: 5,
    });
    const node = r.dataLoss!.recovery.find((s) => s.scenario === 'node')!;
    expect(node.rpoSeconds!.max).toBe(0);
    expect(node.recoveredBy[0]).toEqual({ kind: 'replica', name: 'db', share: 1 });
    const region = r.dataLoss!.recovery.find((s) => s.scenario === 'region')!;
    expect(region.survives).toBe(false);
    expect(region.disruptions).toBe(0);
    expect(region.rpoSeconds).toBeUndefined();
  });
});

describe('data loss: durability', () => {
  it('a mirror with exponential rebuilds matches MTTDL = (3λ + μ)/(2λ²) (importance sampling)', () => {
    // λ = 0.05 per year, μ = 365 per year (24 h rebuild):
    // MTTDL = (0.15 + 365) / (2·0.0025) = 365.15 / 0.005 = 73 030 years per group;
    // with G = 10 groups: 10/73 030 = 1.369301e-4 loss events per year.
    const r = simulateSync(mirror(0.05, { type: 'exponential' }, 10), { ...quick, seed: 6, estimator: 'auto' });
    const d = r.dataLoss!.durability!;
    expect(d.estimator).toBe('importance-sampling');
    const exact = 10 / 73_030;
    expect(Math.abs(d.eventsPerYear.estimate - exact)).toBeLessThanOrEqual(4 * d.eventsPerYear.stdErr);
    expect(d.eventsPerYear.stdErr / exact).toBeLessThan(0.02);
    expect(d.eventsPerYear.analytic).toBeCloseTo(exact, 9);
    expect(d.eventsPerYear.agrees).toBe(true);
    // P(loss within one year) = 1 − e^(−1.369301e-4) = 1.369207e-4.
    expect(Math.abs(d.lossWithinHorizon.estimate - -Math.expm1(-exact))).toBeLessThanOrEqual(
      4 * d.lossWithinHorizon.stdErr,
    );
    expect(d.busyPeriodLoss.effectiveSampleSize).toBeGreaterThan(1000);
    expect(d.mttdlSeconds!.ci[0]).toBeLessThan((73_030 / 10) * SECONDS_PER_YEAR);
    expect(d.mttdlSeconds!.ci[1]).toBeGreaterThan((73_030 / 10) * SECONDS_PER_YEAR);
  });

  it('a mirror with a fixed 24 h rebuild matches its renewal closed form', () => {
    // Fixed rebuild T: a busy period ends in loss iff the partner fails within T:
    // p = 1 − e^(−λT); its length is min(T, Exp(λ)), mean (1 − e^(−λT))/λ; idle mean 1/(2λ).
    // MTTDL = E[cycle]/p = 1/(2λ(1 − e^(−λT))) + 1/λ. λT = 0.05/365 = 1.369863e-4:
    // 1 − e^(−λT) = λT − (λT)²/2 = 1.369769e-4, MTTDL = 1/(0.1·1.369769e-4) + 20 = 73 005.0 + 20 = 73 025.0 years.
    const lt = 0.05 / 365;
    const mttdlYears = 1 / (2 * 0.05 * -Math.expm1(-lt)) + 1 / 0.05;
    expect(mttdlYears).toBeCloseTo(73_025.0, 0);
    const r = simulateSync(mirror(0.05, { type: 'fixed' }), { ...quick, seed: 7, estimator: 'auto' });
    const d = r.dataLoss!.durability!;
    expect(d.rebuildDistribution).toBe('fixed');
    expect(Math.abs(d.eventsPerYear.estimate - 1 / mttdlYears)).toBeLessThanOrEqual(4 * d.eventsPerYear.stdErr);
    expect(d.analytic.markovApplies).toBe(false);
    expect(d.eventsPerYear.agrees).toBeUndefined();
  });

  it('three replicas match the birth–death MTTDL with one rebuild at a time', () => {
    // States j = 0, 1, 2 down; failure rates b0 = 3λ, b1 = 2λ, b2 = λ; repairs μ (one at a time).
    // Mean time to absorption from 0 (first-step analysis, T_j = time to loss from j):
    //   T0 = 1/b0 + T1;  T1 = 1/(b1+μ) + (b1 T2 + μ T0)/(b1+μ);  T2 = 1/(b2+μ) + μ T1/(b2+μ).
    // Solved here numerically as a 3×3 linear system; with λ = 1/yr, μ = 365/30 per yr (30-day
    // rebuild, so losses are common enough to also check the naive estimator).
    const lam = 1;
    const mu = 365 / 30;
    const [b0, b1, b2] = [3 * lam, 2 * lam, lam];
    // Substitute T0 = 1/b0 + T1 and T2 = (1 + μT1)/(b2 + μ) into the T1 equation:
    // (b1 + μ)T1 = 1 + b1(1 + μT1)/(b2 + μ) + μ(1/b0 + T1)  →  T1·(b1 − b1μ/(b2 + μ)) = 1 + b1/(b2 + μ) + μ/b0.
    const t1 = (1 + b1 / (b2 + mu) + mu / b0) / (b1 - (b1 * mu) / (b2 + mu));
    const t0 = 1 / b0 + t1;
    const shardFailure = component({ afr: lam, mttrSeconds: 30 * DAY });
    const m = withData({
      durability: {
        scheme: { kind: 'replicas', replicas: 3 },
        shardFailure,
        rebuildSeconds: 30 * DAY,
        rebuildThroughputBytesPerSecond: undefined,
        groups: 1,
      },
    });
    for (const estimator of ['naive', 'importance-sampling'] as const) {
      const d = simulateSync(m, { ...quick, seed: 8, estimator }).dataLoss!.durability!;
      expect(d.estimator).toBe(estimator);
      expect(Math.abs(d.eventsPerYear.estimate - 1 / t0)).toBeLessThanOrEqual(4 * d.eventsPerYear.stdErr);
      expect(d.eventsPerYear.agrees).toBe(true);
    }
  });

  it('zero loss events report the rule-of-three bound, never a bare 0', () => {
    // Naive busy periods of a mirror with λ = 0.005/yr, λT = 1.37e-5 see no loss in 4096 trials
    // with probability (1 − 1.37e-5)^4096 = 0.95; seed 1 sees none. The bound on p is 3/N, so
    // loss events per year ≤ year·(3/N)/E[cycle] with E[cycle] ≈ 1/(2λ) = 100 years:
    // 3/4096/100 = 7.32e-6 per year (E[B] ≈ 1 d adds 0.003%).
    const r = simulateSync(mirror(0.005, { type: 'exponential' }), {
      ...quick,
      seed: 1,
      estimator: 'naive',
      dataLossTrials: 4096,
    });
    const d = r.dataLoss!.durability!;
    expect(d.busyPeriodLoss.events).toBe(0);
    expect(d.busyPeriodLoss.upperBound).toBeCloseTo(3 / 4096, 15);
    expect(d.eventsPerYear.estimate).toBe(0);
    expect(d.eventsPerYear.upperBound! / (3 / 4096 / 100)).toBeCloseTo(1, 3);
    expect(d.lossWithinHorizon.upperBound).toBeGreaterThan(0);
    expect(d.eventsPerYear.ci[1]).toBeGreaterThan(0);
    expect(d.mttdlSeconds).toBeUndefined();
    // The analytic (0.015 + 365)/(2·0.005²) = 7.3e6 years, 1.37e-7 per year, lies under the bound.
    expect(d.eventsPerYear.agrees).toBe(true);
  });
});
