/**
 * Per-backup-point simulation of one backup job's files and retention over a horizon: the
 * reference the closed forms are tested against (DESIGN §4, "Backup storage").
 */
import type { BackupMethod, Retention } from '../../model/data-protection.js';
import { SECONDS_PER_MONTH, SECONDS_PER_WEEK, SECONDS_PER_YEAR } from '../../units/conventions.js';
import { LiveSet, type Point } from './backup-retention.js';
import { mergeForever, observeSteady, type Steady, writeRegular } from './backup-steps.js';
import { fullBytesAt, type DataSet } from './growth.js';
import type { BackupJobResult } from './types.js';

export type BackupJobSpec = {
  readonly method: BackupMethod;
  readonly everySeconds: number;
  /** forward-incremental and differential: a full every this long (default one week). */
  readonly fullEverySeconds: number | undefined;
  readonly retention: Retention;
};

/** What the simulation of one job gives: these fields of the job's result (documented there). */
export type BackupSimulation = Pick<
  BackupJobResult,
  'backupsTaken' | 'restorePoints' | 'fulls' | 'storageBytes' | 'peakStorageBytes' | 'worstChainBytes'
>;

/**
 * Called once per backup slot t with the bytes stored while the new file is written (before
 * retention deletes anything: the figure a capacity must hold) and after retention. A traced
 * run simulates every slot (no horizon cap).
 */
export type BackupTrace = (t: number, peakBytes: number, storedBytes: number) => void;

/** Points between fulls for the methods with periodic fulls. */
export function fullEveryPoints(job: BackupJobSpec): number {
  const every = job.fullEverySeconds ?? SECONDS_PER_WEEK;
  return Math.max(1, Math.round(every / job.everySeconds));
}

/**
 * Simulates backups at t = 0, Δ, 2Δ, … < horizon. Each backup writes its file (full F(t),
 * increment I(t), differential = changes since the chain's full, or for reverse-incremental
 * a new full while the previous full becomes a rollback of I(t)). GFS (weeks, months of 30 d
 * and years of 365 d counted from t = 0): a period's weekly/monthly/yearly flag goes to the
 * first full written from the period's start (full, forward-incremental, differential), or,
 * for forever- and reverse-incremental (which keep no independent full), to a synthetic full
 * F(t) written at the period's first backup.
 * Retention then keeps the latest `points` regular points and the latest weekly/monthly/yearly
 * flagged fulls (a point counts once whatever its flags), plus every point a kept point
 * depends on; forever-incremental merges its oldest increment into the full instead. Storage
 * and restore points are read after retention (largest state of the last cycle: max(full
 * period, one week)); the peak is read before retention, when the new file already exists.
 * Bookkeeping is incremental (backup-retention.ts), and a long horizon is capped: only its
 * first and last stretches are simulated (see {@link sections}), which is exact.
 *
 * @example simulateBackupJob({ method: 'forever-incremental', everySeconds: 86_400,
 *   fullEverySeconds: undefined, retention: { points: 14, weekly: 0, monthly: 0, yearly: 0 } },
 *   { sizeBytes: 1e12, dailyChange: 0.1, yearlyGrowth: 0, reduction: 0.5 }, 31_536_000)
 *   .storageBytes // 1.15e12 (Veeam RPS)
 */
export function simulateBackupJob(
  job: BackupJobSpec,
  data: DataSet,
  horizonSeconds: number,
  trace?: BackupTrace,
): BackupSimulation {
  const dt = job.everySeconds;
  const count = Math.max(1, Math.ceil(horizonSeconds / dt));
  const plan = trace === undefined ? sections(job, count) : undefined;
  if (plan === undefined) {
    const all = runSection(job, data, 0, count, count, 0, trace);
    return { backupsTaken: count, ...all.steady, peakStorageBytes: all.peak, worstChainBytes: all.worstChain };
  }
  const head = runSection(job, data, 0, plan.headEnd, count);
  const tail = runSection(job, data, plan.tailStart, count, count, plan.tailStart + plan.warmUp);
  return {
    backupsTaken: count,
    ...tail.steady,
    peakStorageBytes: Math.max(head.peak, tail.peak),
    worstChainBytes: tail.worstChain,
  };
}

/**
 * The horizon cap. The points on disk at step i depend only on the last `warmUp` steps (the
 * retention windows and the chains they need), and after that the pattern of fulls and GFS
 * flags repeats every L steps (L = lcm of the full period and of the week, month and year
 * each in use, in steps), every stored size scaling with S(t) = S0·(1 + g)^(t/year). So the
 * state at a given phase is S(t) times a constant: the final state comes from the last
 * warmUp + L steps simulated fresh (from a chain start, with the GFS flags then pending), and
 * the peak, monotone in t at each phase, from the first or that last stretch. Undefined when
 * the horizon is too short for this to save anything (or L is not a whole number of steps).
 */
function sections(
  job: BackupJobSpec,
  count: number,
): { headEnd: number; tailStart: number; warmUp: number } | undefined {
  const dt = job.everySeconds;
  const period = fullEveryPoints(job);
  const { points, weekly, monthly, yearly } = job.retention;
  const levels = [
    [SECONDS_PER_WEEK, weekly],
    [SECONDS_PER_MONTH, monthly],
    [SECONDS_PER_YEAR, yearly],
  ] as const;
  let warmUp = points + 2 * period;
  let L = period;
  for (const [len, keep] of levels) {
    if (keep <= 0) continue;
    warmUp = Math.max(warmUp, Math.ceil(((keep + 1) * len) / dt) + 2 * period);
    // The crossing pattern of a level repeats every lcm(len, dt)/dt steps (whole seconds only).
    if (!Number.isInteger(dt) || !Number.isInteger(len)) return undefined;
    L = lcm(L, lcm(len, dt) / dt);
  }
  const cycle = Math.max(period, Math.ceil(SECONDS_PER_WEEK / dt), 1);
  const stretch = warmUp + Math.max(L, cycle) + period;
  if (!Number.isSafeInteger(L) || 3 * stretch >= count) return undefined;
  const tailStart = Math.floor((count - stretch) / period) * period;
  return { headEnd: stretch, tailStart, warmUp };
}

function gcd(a: number, b: number): number {
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}

function lcm(a: number, b: number): number {
  return (a / gcd(a, b)) * b;
}

type SectionResult = {
  readonly peak: number;
  readonly worstChain: number;
  readonly steady: { readonly storageBytes: number; readonly restorePoints: number; readonly fulls: number };
};

/**
 * Steps from..to−1 of the schedule, starting from an empty disk at `from` (a chain start):
 * the peak over steps ≥ peakFrom, and the steady state (largest state after retention of the
 * last cycle of the horizon `count`) with its worst chain.
 */
const WEEK = SECONDS_PER_WEEK;
const MONTH = SECONDS_PER_MONTH;
const YEAR = SECONDS_PER_YEAR;

/** A period of length len starts between steps a and b > a of length dt (a boundary in (t_a, t_b]). */
function between(dt: number, a: number, b: number, len: number): boolean {
  return Math.floor((b * dt) / len) !== Math.floor((a * dt) / len);
}

function runSection(
  job: BackupJobSpec,
  data: DataSet,
  from: number,
  to: number,
  count: number,
  peakFrom = from,
  trace?: BackupTrace,
): SectionResult {
  const dt = job.everySeconds;
  const period = fullEveryPoints(job);
  const periodic = job.method === 'forward-incremental' || job.method === 'differential';
  const cycle = Math.max(periodic ? period : 1, Math.ceil(SECONDS_PER_WEEK / dt), 1);
  const { points: keepPoints, weekly, monthly, yearly } = job.retention;
  const forever = job.method === 'forever-incremental';
  const natural = job.method !== 'reverse-incremental' && !forever;
  // The regular window of forever-incremental never drops a point: its oldest is merged.
  const live = new LiveSet({ regular: forever ? Infinity : keepPoints, weekly, monthly, yearly });
  let lastFull: Point | undefined;
  let lastRegular: Point | undefined;
  let peak = 0;
  const steady: Steady = { best: { storageBytes: -1, restorePoints: 0, fulls: 0 }, worstChain: 0 };
  const crosses = (i: number, len: number, keep: number): boolean =>
    keep > 0 && (i === 0 || between(dt, i - 1, i, len));
  // A fresh start at a chain start: a period begun after the previous full (at from − period)
  // is still waiting for its full.
  const waiting = (len: number, keep: number): boolean =>
    from > 0 && natural && keep > 0 && between(dt, from - period, from - 1, len);
  let pending = { weekly: waiting(WEEK, weekly), monthly: waiting(MONTH, monthly), yearly: waiting(YEAR, yearly) };
  const steadyFrom = count - cycle;
  const wholeChain = forever || job.method === 'reverse-incremental';

  for (let i = from; i < to; i++) {
    const t = i * dt;
    const previous = lastRegular;
    const written = writeRegular(job, data, live, { t, dt, previous, lastFull, startsChain: i % period === 0 });
    const regular = written.regular;
    lastFull = written.lastFull;
    lastRegular = regular;
    const fresh: Point[] = [regular];

    // GFS: a period's flag goes to its first independent full (full, forward-incremental,
    // differential); forever- and reverse-incremental have none, so a synthetic full is written.
    pending.weekly ||= crosses(i, WEEK, weekly);
    pending.monthly ||= crosses(i, MONTH, monthly);
    pending.yearly ||= crosses(i, YEAR, yearly);
    const flagged = pending.weekly || pending.monthly || pending.yearly;
    let target: Point | undefined;
    if (flagged && !natural) {
      target = live.add(t, fullBytesAt(data, t), 'full', null, false);
      fresh.push(target);
    } else if (flagged && regular.kind === 'full') {
      target = regular;
    }
    const writing = live.stored.value;
    peak = i >= peakFrom ? Math.max(peak, writing) : peak;

    // Retention: windows take the new points (and drop their oldest); forever merges instead.
    live.hold('regular', regular);
    if (target !== undefined) {
      if (pending.weekly) live.hold('weekly', target);
      if (pending.monthly) live.hold('monthly', target);
      if (pending.yearly) live.hold('yearly', target);
      pending = { weekly: false, monthly: false, yearly: false };
    }
    if (forever) mergeForever(live, data, keepPoints);
    trace?.(t, writing, live.stored.value);

    // Steady state: the largest state after retention over the last cycle of the horizon.
    if (i >= steadyFrom)
      observeSteady(live, steady, fresh, {
        first: i === steadyFrom || i === from,
        rebase: i === steadyFrom,
        wholeChain,
      });
  }
  return { peak, worstChain: steady.worstChain, steady: steady.best };
}
