import { describe, expect, it } from 'vitest';
import type { BackupMethod, Retention } from '../../../src/model/data-protection.js';
import { simulateBackupJob } from '../../../src/analytic/data-protection/backup-simulation.js';
import { steadyStateClosedForm } from '../../../src/analytic/data-protection/backup-closed-form.js';
import { seededRandom } from '../../support/seeded-random.js';
import { referenceBackupSimulation } from './reference-backup-simulation.js';

const DAY = 86_400;
const YEAR = 365 * DAY;
const GB = 1e9;
const TB = 1e12;

const retention = (points: number, gfs: Partial<Retention> = {}): Retention => ({
  points,
  weekly: 0,
  monthly: 0,
  yearly: 0,
  ...gfs,
});
// Veeam Restore Point Simulator inputs: 1 TB source, 50% reduction, 10% daily change.
const veeamData = { sizeBytes: 1 * TB, dailyChange: 0.1, yearlyGrowth: 0, reduction: 0.5 };

describe('simulateBackupJob: Veeam Restore Point Simulator (rps.dewin.me) examples', () => {
  it('forward incremental, daily, weekly full, 14 points: 20 points, 3 fulls, 2350 GB', () => {
    // F = 1 TB × (1 − 0.5) = 500 GB; I = 1 TB × 10% × (1 − 0.5) = 50 GB.
    // A chain (full + 6 increments) is deleted only when its newest point leaves the 14 kept,
    // so the largest state keeps the whole chain of the oldest kept point: when that point is
    // the chain's 7th, 6 older points of its chain stay: 14 + 7 − 1 = 20 points, spanning
    // 3 chains (7 + 7 + 6 points) → 3 fulls and 17 increments:
    // 3 × 500 GB + 17 × 50 GB = 1500 + 850 = 2350 GB, as the RPS publishes.
    const sim = simulateBackupJob(
      { method: 'forward-incremental', everySeconds: DAY, fullEverySeconds: 7 * DAY, retention: retention(14) },
      veeamData,
      YEAR,
    );
    expect(sim.restorePoints).toBe(20);
    expect(sim.fulls).toBe(3);
    expect(sim.storageBytes).toBeCloseTo(2350 * GB, -3);
    // The transient peak (not shown by the RPS): the next increment is written before the
    // oldest chain goes: 2350 + 50 = 2400 GB.
    expect(sim.peakStorageBytes).toBeCloseTo(2400 * GB, -3);
    // Worst restore: a full + 6 increments = 500 + 300 = 800 GB.
    expect(sim.worstChainBytes).toBeCloseTo(800 * GB, -3);
  });

  it('forever forward incremental, 14 points: 1150 GB', () => {
    // One full (the oldest point, increments merged into it) + 13 increments:
    // 500 GB + 13 × 50 GB = 1150 GB, as the RPS publishes. Before the merge, 14 increments
    // exist for a moment: peak 500 + 14 × 50 = 1200 GB.
    const sim = simulateBackupJob(
      { method: 'forever-incremental', everySeconds: DAY, fullEverySeconds: undefined, retention: retention(14) },
      veeamData,
      YEAR,
    );
    expect(sim.restorePoints).toBe(14);
    expect(sim.fulls).toBe(1);
    expect(sim.storageBytes).toBeCloseTo(1150 * GB, -3);
    expect(sim.peakStorageBytes).toBeCloseTo(1200 * GB, -3);
    expect(sim.worstChainBytes).toBeCloseTo(1150 * GB, -3);
  });
});

describe('simulateBackupJob: worked by hand', () => {
  const data = { sizeBytes: 1000, dailyChange: 0.1, yearlyGrowth: 0, reduction: 0 };

  it('full every day, 7 points: 7 × 1000; peak 8 × 1000 before the oldest goes', () => {
    const sim = simulateBackupJob(
      { method: 'full', everySeconds: DAY, fullEverySeconds: undefined, retention: retention(7) },
      data,
      YEAR,
    );
    expect(sim).toMatchObject({ restorePoints: 7, fulls: 7, backupsTaken: 365 });
    expect(sim.storageBytes).toBeCloseTo(7000, 6);
    expect(sim.peakStorageBytes).toBeCloseTo(8000, 6);
    expect(sim.worstChainBytes).toBeCloseTo(1000, 6);
  });

  it('reverse incremental, 5 points: newest full + 4 rollbacks; worst restore reads them all', () => {
    // 1000 + 4 × 100 = 1400; the oldest point needs the full and all 4 rollbacks: 1400.
    const sim = simulateBackupJob(
      { method: 'reverse-incremental', everySeconds: DAY, fullEverySeconds: undefined, retention: retention(5) },
      data,
      YEAR,
    );
    expect(sim).toMatchObject({ restorePoints: 5, fulls: 1 });
    expect(sim.storageBytes).toBeCloseTo(1400, 6);
    expect(sim.peakStorageBytes).toBeCloseTo(1500, 6);
    expect(sim.worstChainBytes).toBeCloseTo(1400, 6);
  });

  it('differential, weekly full, 7 points: worst phase keeps an old full', () => {
    // Differential j holds j × 100 (j = 1..6). Phase starting at j = 1: diffs 1..6 + the next
    // full + the old full they need: 2 × 1000 + (1+…+6) × 100 = 2000 + 2100 = 4100, 8 files.
    const sim = simulateBackupJob(
      { method: 'differential', everySeconds: DAY, fullEverySeconds: 7 * DAY, retention: retention(7) },
      data,
      YEAR,
    );
    expect(sim).toMatchObject({ restorePoints: 8, fulls: 2 });
    expect(sim.storageBytes).toBeCloseTo(4100, 6);
    // Worst chain: full + the 6th differential = 1000 + 600.
    expect(sim.worstChainBytes).toBeCloseTo(1600, 6);
  });

  it('GFS: daily fulls, 7 points + 4 weekly: weeklies inside the 7 points count once', () => {
    // After many weeks: the 7 latest daily fulls contain exactly one weekly full (the first
    // backup of the current week), so the 4 weeklies add 3 older fulls: 10 files, 10 000 B.
    const sim = simulateBackupJob(
      { method: 'full', everySeconds: DAY, fullEverySeconds: undefined, retention: retention(7, { weekly: 4 }) },
      data,
      YEAR,
    );
    expect(sim.restorePoints).toBe(10);
    expect(sim.storageBytes).toBeCloseTo(10_000, 6);
  });

  it('GFS with forward incremental: a weekly full is kept, its increments are not', () => {
    // 14 points + 4 weekly fulls, weekly chains: the 20-point state covers 3 chains whose fulls
    // are 3 of the 4 weeklies, so one more weekly full (1000): 3 + 1 fulls, 17 increments:
    // 4 × 1000 + 17 × 100 = 5700.
    const sim = simulateBackupJob(
      {
        method: 'forward-incremental',
        everySeconds: DAY,
        fullEverySeconds: 7 * DAY,
        retention: retention(14, { weekly: 4 }),
      },
      data,
      YEAR,
    );
    expect(sim).toMatchObject({ restorePoints: 21, fulls: 4 });
    expect(sim.storageBytes).toBeCloseTo(5700, 6);
  });

  it('GFS on forever incremental: synthetic weekly fulls beside the chain', () => {
    // Chain: full + 6 increments = 1000 + 600; the 2 latest weekly synthetic fulls: 2000.
    // 3600 in 9 files, 3 of them fulls.
    const sim = simulateBackupJob(
      {
        method: 'forever-incremental',
        everySeconds: DAY,
        fullEverySeconds: undefined,
        retention: retention(7, { weekly: 2 }),
      },
      data,
      YEAR,
    );
    expect(sim).toMatchObject({ restorePoints: 9, fulls: 3 });
    expect(sim.storageBytes).toBeCloseTo(3600, 6);
  });

  it('a point that is weekly and monthly is kept once', () => {
    // Daily fulls, 1 point + 1 weekly + 1 monthly, 217 days (backups on days 0..216); the last
    // cycle is days 210..216. Day 210 = 30 × 7 starts a week and a month: the backup of day 210
    // is both the weekly and the monthly. On days 211..216 the state is {today, day 210}:
    // 2 files, 2000 (3000 if the weekly and the monthly were counted apart).
    const sim = simulateBackupJob(
      {
        method: 'full',
        everySeconds: DAY,
        fullEverySeconds: undefined,
        retention: retention(1, { weekly: 1, monthly: 1 }),
      },
      data,
      217 * DAY,
    );
    expect(sim.restorePoints).toBe(2);
    expect(sim.storageBytes).toBeCloseTo(2000, 6);
  });

  it("forward incremental: a month's GFS flag goes to its first full, no synthetic full", () => {
    // Weekly fulls on days 0, 7, …, 35; 14 points; 1 monthly; 41 days (backups 0..40, last
    // cycle 34..40). The month starting on day 30 has its first full on day 35, which becomes
    // the monthly (inside the kept chains). Day 40: points 27..40 kept, the chain of day 27
    // starts on day 21: days 21..40 = 20 files, fulls 21, 28, 35: 3 × 1000 + 17 × 100 = 4700.
    // (A synthetic full on day 30 would make it 21 files and 5700.)
    const sim = simulateBackupJob(
      {
        method: 'forward-incremental',
        everySeconds: DAY,
        fullEverySeconds: 7 * DAY,
        retention: retention(14, { monthly: 1 }),
      },
      data,
      41 * DAY,
    );
    expect(sim).toMatchObject({ restorePoints: 20, fulls: 3 });
    expect(sim.storageBytes).toBeCloseTo(4700, 6);
  });

  it('growth: a full-only job holds the fulls at their own sizes', () => {
    // 100 % growth per year, 1 point kept, one full per 365 days, horizon 2 years: the last
    // full is taken at t = 1 year: S = 1000 × 2 = 2000.
    const sim = simulateBackupJob(
      { method: 'full', everySeconds: YEAR, fullEverySeconds: undefined, retention: retention(1) },
      { ...data, yearlyGrowth: 1 },
      2 * YEAR,
    );
    expect(sim.storageBytes).toBeCloseTo(2000, 6);
    expect(sim.peakStorageBytes).toBeCloseTo(3000, 6);
  });
});

describe('simulateBackupJob agrees with the closed forms (no growth, no GFS)', () => {
  const data = { sizeBytes: 1000, dailyChange: 0.03, yearlyGrowth: 0, reduction: 0.4 };
  const F = 1000 * 0.6;
  const I = 1000 * 0.03 * 0.6;
  const methods: BackupMethod[] = [
    'full',
    'forward-incremental',
    'forever-incremental',
    'reverse-incremental',
    'differential',
  ];
  for (const method of methods) {
    for (const points of [1, 3, 7, 14, 30]) {
      for (const period of [1, 3, 7]) {
        it(`${method}, ${points} points, full every ${period}`, () => {
          const sim = simulateBackupJob(
            { method, everySeconds: DAY, fullEverySeconds: period * DAY, retention: retention(points) },
            data,
            2 * YEAR,
          );
          const closed = steadyStateClosedForm(method, points, period, F, I);
          expect(sim.restorePoints).toBe(closed.restorePoints);
          expect(sim.fulls).toBe(closed.fulls);
          expect(sim.storageBytes).toBeCloseTo(closed.storageBytes, 6);
        });
      }
    }
  }
});

describe('simulateBackupJob: incremental bookkeeping and the horizon cap against the per-step reference', () => {
  const methods: BackupMethod[] = [
    'full',
    'forward-incremental',
    'forever-incremental',
    'reverse-incremental',
    'differential',
  ];
  const random = seededRandom(11);
  const cases = Array.from({ length: 60 }, (_, n) => {
    const method = methods[n % methods.length] ?? 'full';
    const daily = random() < 0.7;
    const everySeconds = daily ? DAY : 3600 * (1 + Math.floor(random() * 12));
    const gfs = random() < 0.6;
    const long = gfs && random() < 0.3;
    return {
      job: {
        method,
        everySeconds,
        fullEverySeconds: random() < 0.5 ? undefined : (2 + Math.floor(random() * 12)) * DAY,
        retention: retention(
          1 + Math.floor(random() * 30),
          gfs
            ? {
                weekly: Math.floor(random() * 5),
                monthly: Math.floor(random() * 4),
                yearly: long ? 1 + Math.floor(random() * 2) : 0,
              }
            : {},
        ),
      },
      data: {
        sizeBytes: 1 * TB,
        dailyChange: 0.02 + 0.2 * random(),
        yearlyGrowth: [0, 0.3, -0.2][n % 3] ?? 0,
        reduction: 0.5 * random(),
      },
      // Long enough for the cap to apply in most cases (3 stretches of warm-up + period).
      horizon: (long ? 130 : daily ? 3 + Math.floor(random() * 8) : 1) * YEAR,
    };
  });

  it.each(cases.map((c, i) => [i, c] as const))('case %i agrees to 1e-12 relative', (_, c) => {
    const fast = simulateBackupJob(c.job, c.data, c.horizon);
    const slow = referenceBackupSimulation(c.job, c.data, c.horizon);
    expect(fast.backupsTaken).toBe(slow.backupsTaken);
    expect(fast.restorePoints).toBe(slow.restorePoints);
    expect(fast.fulls).toBe(slow.fulls);
    for (const key of ['storageBytes', 'peakStorageBytes', 'worstChainBytes'] as const) {
      expect(Math.abs(fast[key] - slow[key]) / slow[key], key).toBeLessThan(1e-12);
    }
  });

  it('a million-year horizon and one-minute jobs finish (the cap), with the closed form of their steady state', () => {
    // Forever-incremental, no growth: 1 full + (R − 1) increments, F = 500 GB, I = 50 GB/day.
    const forever = simulateBackupJob(
      { method: 'forever-incremental', everySeconds: DAY, fullEverySeconds: undefined, retention: retention(14) },
      veeamData,
      1e6 * YEAR,
    );
    expect(forever.backupsTaken).toBe(365e6);
    expect(forever.storageBytes).toBeCloseTo(1150 * GB, -3);
    // One-minute fulls kept for a day over a year: 1440 fulls of 500 GB.
    const minute = simulateBackupJob(
      { method: 'full', everySeconds: 60, fullEverySeconds: undefined, retention: retention(1440) },
      veeamData,
      YEAR,
    );
    expect(minute.restorePoints).toBe(1440);
    expect(minute.storageBytes).toBeCloseTo(1440 * 500 * GB, -6);
  });
});
