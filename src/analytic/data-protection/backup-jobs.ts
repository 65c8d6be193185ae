import type { Backup, Data } from '../../model/data-protection.js';
import { simulateBackupJob } from './backup-simulation.js';
import { locationKey } from './failure-domains.js';
import { changedBytesAt, sizeAt, type DataSet } from './growth.js';
import type { BackupJobResult, LocationStorage } from './types.js';

/**
 * Duration of one backup: given, else the source bytes of the largest backup of the schedule
 * at the end of the horizon / throughput (a full S(H) for full, forward-incremental and
 * differential jobs; the changes of one interval for forever- and reverse-incremental);
 * `undefined` when neither is known.
 * @example backupDurationSeconds(job, data, year) // e.g. 1e12 B / 5e8 B/s = 2000 s
 */
export function backupDurationSeconds(backup: Backup, data: DataSet, horizonSeconds: number): number | undefined {
  if (backup.durationSeconds !== undefined) return backup.durationSeconds;
  const throughput = backup.throughputBytesPerSecond;
  if (throughput === undefined || !(throughput > 0)) return undefined;
  const incremental = backup.method === 'forever-incremental' || backup.method === 'reverse-incremental';
  const bytes = incremental ? changedBytesAt(data, horizonSeconds, backup.everySeconds) : sizeAt(data, horizonSeconds);
  return bytes / throughput;
}

const MEMO = new Map<string, ReturnType<typeof simulateBackupJob>>();
const MEMO_LIMIT = 1_000;

/**
 * The day-by-day simulation of one job, remembered by its inputs (the job and the data's size,
 * change, growth and reduction): it is pure, and a sweep asks for the same job at many points.
 */
function simulated(backup: Backup, data: Data, horizonSeconds: number): ReturnType<typeof simulateBackupJob> {
  const key = JSON.stringify(
    [backup, data.sizeBytes, data.dailyChange, data.yearlyGrowth, data.reduction, horizonSeconds],
    (_, x: unknown) => (typeof x === 'number' && !Number.isFinite(x) ? String(x) : x),
  );
  const known = MEMO.get(key);
  if (known !== undefined) return known;
  const sim = simulateBackupJob(backup, data, horizonSeconds);
  if (MEMO.size >= MEMO_LIMIT) MEMO.clear();
  MEMO.set(key, sim);
  return sim;
}

/**
 * Mean duration over the P = fullEvery / every points of a cycle, from their source bytes at the
 * end of the horizon / throughput: a forward-incremental cycle is one full S and P − 1
 * increments of one interval's changes; a differential cycle's i-th point holds i intervals of
 * changes; every point of a full, forever- or reverse-incremental job is the same size. A given
 * duration is the duration of every point. Worst stays the largest ({@link backupDurationSeconds}).
 * @example meanBackupDurationSeconds(weeklyFullDailyIncrements, data, year) // (S + 6·I) / 7 / throughput
 */
export function meanBackupDurationSeconds(backup: Backup, data: DataSet, horizonSeconds: number): number | undefined {
  const worst = backupDurationSeconds(backup, data, horizonSeconds);
  const throughput = backup.throughputBytesPerSecond;
  if (worst === undefined || backup.durationSeconds !== undefined || throughput === undefined) return worst;
  if (backup.method !== 'forward-incremental' && backup.method !== 'differential') return worst;
  const points = Math.max(1, Math.round((backup.fullEverySeconds ?? backup.everySeconds) / backup.everySeconds));
  const full = sizeAt(data, horizonSeconds);
  const one = changedBytesAt(data, horizonSeconds, backup.everySeconds);
  let rest: number;
  if (backup.method === 'forward-incremental') rest = (points - 1) * one;
  else {
    // Differential i holds min(S, i·C) for C one interval's changes: Σ in closed form, no loop.
    const below = one > 0 ? Math.min(points - 1, Math.floor(full / one)) : points - 1;
    rest = (one * below * (below + 1)) / 2 + (points - 1 - below) * full;
  }
  return (full + rest) / points / throughput;
}

/**
 * Every backup job simulated over the horizon, and the storage per location (steady states
 * summed; peaks summed, an upper bound as if the jobs' peaks coincided).
 * Restore time = the worst chain's logical bytes (stored / (1 − reduction)) / restore
 * throughput: a restore rehydrates every block it reads, and vendors quote restore
 * throughput in source (logical) bytes, so the logical size is the conservative reading.
 * @example analyzeBackupJobs(model.data, 31_536_000).backups[0]?.worstRestoreSeconds
 */
export function analyzeBackupJobs(
  data: Data,
  horizonSeconds: number,
): {
  readonly backups: readonly BackupJobResult[];
  readonly storageByLocation: readonly LocationStorage[];
  readonly notes: readonly string[];
} {
  const notes: string[] = [];
  const backups = data.backups.map((backup): BackupJobResult => {
    const sim = simulated(backup, data, horizonSeconds);
    const logical = data.reduction < 1 ? sim.worstChainBytes / (1 - data.reduction) : sim.worstChainBytes;
    const duration = backupDurationSeconds(backup, data, horizonSeconds);
    if (duration === undefined) {
      notes.push(`backup '${backup.name}': no duration or throughput given; its duration is taken as 0`);
    }
    return {
      name: backup.name,
      method: backup.method,
      location: backup.location,
      backupsTaken: sim.backupsTaken,
      restorePoints: sim.restorePoints,
      fulls: sim.fulls,
      storageBytes: sim.storageBytes,
      peakStorageBytes: sim.peakStorageBytes,
      worstChainBytes: sim.worstChainBytes,
      worstChainLogicalBytes: logical,
      worstRestoreSeconds: logical / backup.restoreThroughputBytesPerSecond,
      durationSeconds: duration ?? 0,
      meanDurationSeconds: meanBackupDurationSeconds(backup, data, horizonSeconds) ?? 0,
    };
  });
  const byKey = new Map<string, LocationStorage>();
  for (const job of backups) {
    const key = locationKey(job.location);
    const prior = byKey.get(key);
    byKey.set(key, {
      location: job.location,
      storageBytes: (prior?.storageBytes ?? 0) + job.storageBytes,
      peakStorageBytes: (prior?.peakStorageBytes ?? 0) + job.peakStorageBytes,
    });
  }
  return { backups, storageByLocation: [...byKey.values()], notes };
}

/** Simulated jobs by data section (by identity: a Model is never mutated) and horizon. */
const simulatedJobs = new WeakMap<Data, Map<number, ReturnType<typeof analyzeBackupJobs>>>();

/**
 * {@link analyzeBackupJobs}, simulated once per data section and horizon: the re-analyses of a
 * model conditioned on a failure (importance, drills) share its `data` object, and its jobs.
 * @example backupJobsOf(model.data, 31_536_000) === backupJobsOf(model.data, 31_536_000) // true
 */
export function backupJobsOf(data: Data, horizonSeconds: number): ReturnType<typeof analyzeBackupJobs> {
  let byHorizon = simulatedJobs.get(data);
  if (byHorizon === undefined) {
    byHorizon = new Map();
    simulatedJobs.set(data, byHorizon);
  }
  let jobs = byHorizon.get(horizonSeconds);
  if (jobs === undefined) {
    jobs = analyzeBackupJobs(data, horizonSeconds);
    byHorizon.set(horizonSeconds, jobs);
  }
  return jobs;
}
