import { describe, expect, it } from 'vitest';
import { simulateBackupJob } from '../../../src/analytic/data-protection/backup-simulation.js';
import { markovDurability } from '../../../src/analytic/data-protection/durability-markov.js';
import { windowDurability } from '../../../src/analytic/data-protection/durability-window.js';
import type { BackupMethod } from '../../../src/model/data-protection.js';
import { seededRandom as rng } from '../../support/seeded-random.js';

const DAY = 86_400;
const YEAR = 365 * DAY;

describe('durability properties (seeded)', () => {
  const next = rng(42);
  for (let c = 0; c < 60; c++) {
    const n = 1 + Math.floor(next() * 24);
    const m = Math.floor(next() * n);
    const afr = 10 ** (-4 + 4 * next());
    const rebuild = 3600 * 10 ** (3 * next());
    const groups = 1 + Math.floor(next() * 1000);
    it(`n=${n} m=${m} afr=${afr.toExponential(2)} T=${(rebuild / 3600).toFixed(1)} h G=${groups}`, () => {
      const group = {
        shards: n,
        tolerated: m,
        failureRatePerSecond: afr / YEAR,
        rebuildSeconds: rebuild,
        groups,
        bytesPerGroup: 1,
      };
      const more = { ...group, shards: n + 1, tolerated: m + 1 };
      for (const model of [windowDurability, markovDurability]) {
        const a = model(group);
        const b = model(more);
        // Probabilities in [0, 1], nines finite integers ≥ 0, MTTDL positive.
        expect(a.annualLossProbability).toBeGreaterThanOrEqual(0);
        expect(a.annualLossProbability).toBeLessThanOrEqual(1);
        expect(Number.isInteger(a.nines) && a.nines >= 0).toBe(true);
        expect(a.mttdlSeconds).toBeGreaterThan(0);
        // One more parity shard never makes loss more likely.
        expect(b.log10AnnualLossProbability).toBeLessThanOrEqual(a.log10AnnualLossProbability + 1e-12);
      }
    });
  }
});

describe('backup simulation properties (seeded)', () => {
  const methods: BackupMethod[] = [
    'full',
    'forward-incremental',
    'forever-incremental',
    'reverse-incremental',
    'differential',
  ];
  const next = rng(7);
  for (let c = 0; c < 40; c++) {
    const method = methods[c % methods.length] ?? 'full';
    const points = 1 + Math.floor(next() * 40);
    const retention = {
      points,
      weekly: Math.floor(next() * 5),
      monthly: Math.floor(next() * 13),
      yearly: Math.floor(next() * 3),
    };
    const job = {
      method,
      everySeconds: DAY * (1 + Math.floor(next() * 2)),
      fullEverySeconds: DAY * (1 + Math.floor(next() * 14)),
      retention,
    };
    const data = { sizeBytes: 1e12, dailyChange: next() * 0.2, yearlyGrowth: 0, reduction: next() * 0.9 };
    it(`${method} ${JSON.stringify(retention)}`, () => {
      const a = simulateBackupJob(job, data, YEAR);
      const b = simulateBackupJob({ ...job, retention: { ...retention, points: points + 1 } }, data, YEAR);
      expect(a.storageBytes).toBeGreaterThan(0);
      expect(a.peakStorageBytes).toBeGreaterThanOrEqual(a.storageBytes);
      expect(a.fulls).toBeGreaterThanOrEqual(1);
      expect(a.restorePoints).toBeGreaterThanOrEqual(Math.min(points, a.backupsTaken));
      expect(a.worstChainBytes).toBeLessThanOrEqual(a.storageBytes * (1 + 1e-12));
      // Keeping one more point never needs less storage.
      expect(b.storageBytes).toBeGreaterThanOrEqual(a.storageBytes * (1 - 1e-12));
      expect(b.peakStorageBytes).toBeGreaterThanOrEqual(a.peakStorageBytes * (1 - 1e-12));
    });
  }
});
