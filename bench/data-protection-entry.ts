// Bench entry, bundled by bench/data-protection.mjs: times the backup simulation of N jobs.
import { simulateBackupJob, type BackupJobSpec } from '../src/analytic/data-protection/index.js';
import type { BackupMethod } from '../src/model/data-protection.js';
import { SECONDS_PER_DAY, SECONDS_PER_HOUR, SECONDS_PER_WEEK, SECONDS_PER_YEAR } from '../src/units/conventions.js';

const METHODS: readonly BackupMethod[] = [
  'full',
  'forward-incremental',
  'forever-incremental',
  'reverse-incremental',
  'differential',
];

/** N jobs cycling through the methods: every `everySeconds`, 30 points, GFS 4/12/7, weekly fulls. */
export function jobs(count: number, everySeconds: number): BackupJobSpec[] {
  return Array.from({ length: count }, (_, i) => ({
    method: METHODS[i % METHODS.length] ?? 'full',
    everySeconds,
    fullEverySeconds: SECONDS_PER_WEEK,
    retention: { points: 30, weekly: 4, monthly: 12, yearly: 7 },
  }));
}

export function run(
  count: number,
  years: number,
  everySeconds: number = SECONDS_PER_DAY,
): { readonly ms: number; readonly backups: number; readonly storageBytes: number } {
  const data = { sizeBytes: 1e12, dailyChange: 0.05, yearlyGrowth: 0.2, reduction: 0.5 };
  const start = performance.now();
  let backups = 0;
  let storageBytes = 0;
  for (const job of jobs(count, everySeconds)) {
    const sim = simulateBackupJob(job, data, years * SECONDS_PER_YEAR);
    backups += sim.backupsTaken;
    storageBytes += sim.storageBytes;
  }
  return { ms: performance.now() - start, backups, storageBytes };
}

export const HOUR = SECONDS_PER_HOUR;
