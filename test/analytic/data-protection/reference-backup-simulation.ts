/**
 * The reference for the incremental backup simulation: the original per-step simulation,
 * which re-filters every retained point at every step (O(points) per step) and simulates the
 * whole horizon. Kept verbatim (test-only) so the fast version is checked against an
 * implementation that shares none of its bookkeeping.
 */
import type { BackupMethod, Retention } from '../../../src/model/data-protection.js';
import { SECONDS_PER_MONTH, SECONDS_PER_WEEK, SECONDS_PER_YEAR } from '../../../src/units/conventions.js';
import { fullBytesAt, incrementBytesAt, type DataSet } from '../../../src/analytic/data-protection/growth.js';
import type { BackupJobResult } from '../../../src/analytic/data-protection/types.js';

type BackupJobSpec = {
  readonly method: BackupMethod;
  readonly everySeconds: number;
  /** forward-incremental and differential: a full every this long (default one week). */
  readonly fullEverySeconds: number | undefined;
  readonly retention: Retention;
};

/** What the simulation of one job gives: these fields of the job's result (documented there). */
type BackupSimulation = Pick<
  BackupJobResult,
  'backupsTaken' | 'restorePoints' | 'fulls' | 'storageBytes' | 'peakStorageBytes' | 'worstChainBytes'
>;

type Kind = 'full' | 'increment' | 'differential' | 'reverse';

type Point = {
  readonly t: number;
  bytes: number;
  kind: Kind;
  /** The point this one needs to be restored (null: none). */
  parent: Point | null;
  /** A point of the regular schedule (false: a synthetic GFS full). */
  readonly regular: boolean;
  weekly: boolean;
  monthly: boolean;
  yearly: boolean;
  /** Last retention pass that kept this point (a mark instead of a Set: faster). */
  mark: number;
  /** Chain bytes, valid when chainPass is the current pass. */
  chain: number;
  chainPass: number;
};

function point(t: number, bytes: number, kind: Kind, parent: Point | null, regular: boolean): Point {
  return {
    t,
    bytes,
    kind,
    parent,
    regular,
    weekly: false,
    monthly: false,
    yearly: false,
    mark: -1,
    chain: 0,
    chainPass: -1,
  };
}

/** Points between fulls for the methods with periodic fulls. */
function fullEveryPoints(job: BackupJobSpec): number {
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
 *
 * @example simulateBackupJob({ method: 'forever-incremental', everySeconds: 86_400,
 *   fullEverySeconds: undefined, retention: { points: 14, weekly: 0, monthly: 0, yearly: 0 } },
 *   { sizeBytes: 1e12, dailyChange: 0.1, yearlyGrowth: 0, reduction: 0.5 }, 31_536_000)
 *   .storageBytes // 1.15e12 (Veeam RPS)
 */
export function referenceBackupSimulation(job: BackupJobSpec, data: DataSet, horizonSeconds: number): BackupSimulation {
  const dt = job.everySeconds;
  const count = Math.max(1, Math.ceil(horizonSeconds / dt));
  const period = fullEveryPoints(job);
  const periodic = job.method === 'forward-incremental' || job.method === 'differential';
  const cycle = Math.max(periodic ? period : 1, Math.ceil(SECONDS_PER_WEEK / dt), 1);
  const { points: keepPoints, weekly, monthly, yearly } = job.retention;

  let live: Point[] = [];
  let lastFull: Point | undefined;
  let lastRegular: Point | undefined;
  let peak = 0;
  let best = { storageBytes: -1, restorePoints: 0, fulls: 0 };
  let worstChain = 0;
  let pending = { weekly: false, monthly: false, yearly: false };
  const add = (p: Point): Point => {
    live.push(p);
    return p;
  };

  for (let i = 0; i < count; i++) {
    const t = i * dt;
    const prevT = (i - 1) * dt;
    // The latest regular point always survives retention (points ≥ 1).
    const previous = lastRegular;

    // 1. The regular backup of this slot.
    let regular: Point;
    const startsChain = i % period === 0;
    switch (job.method) {
      case 'full':
        regular = add(point(t, fullBytesAt(data, t), 'full', null, true));
        break;
      case 'forward-incremental':
      case 'forever-incremental':
        if (previous === undefined || (job.method === 'forward-incremental' && startsChain)) {
          regular = add(point(t, fullBytesAt(data, t), 'full', null, true));
        } else {
          regular = add(point(t, incrementBytesAt(data, t, dt), 'increment', previous, true));
        }
        break;
      case 'differential':
        if (previous === undefined || lastFull === undefined || startsChain) {
          regular = add(point(t, fullBytesAt(data, t), 'full', null, true));
          lastFull = regular;
        } else {
          regular = add(point(t, incrementBytesAt(data, t, t - lastFull.t), 'differential', lastFull, true));
        }
        break;
      case 'reverse-incremental':
        regular = add(point(t, fullBytesAt(data, t), 'full', null, true));
        if (previous !== undefined) {
          previous.kind = 'reverse';
          previous.bytes = incrementBytesAt(data, t, dt);
          previous.parent = regular;
        }
        break;
      default: {
        const never: never = job.method;
        throw new Error(`unknown backup method ${String(never)}`);
      }
    }
    lastRegular = regular;

    // 2. GFS: a period's flag goes to its first independent full (full, forward-incremental,
    // differential); forever- and reverse-incremental have none, so a synthetic full is written.
    const crosses = (len: number, keep: number): boolean =>
      keep > 0 && (i === 0 || Math.floor(t / len) !== Math.floor(prevT / len));
    pending.weekly ||= crosses(SECONDS_PER_WEEK, weekly);
    pending.monthly ||= crosses(SECONDS_PER_MONTH, monthly);
    pending.yearly ||= crosses(SECONDS_PER_YEAR, yearly);
    if (pending.weekly || pending.monthly || pending.yearly) {
      const natural = job.method !== 'reverse-incremental' && job.method !== 'forever-incremental';
      const target = !natural
        ? add(point(t, fullBytesAt(data, t), 'full', null, false))
        : regular.kind === 'full'
          ? regular
          : undefined;
      if (target !== undefined) {
        target.weekly = pending.weekly;
        target.monthly = pending.monthly;
        target.yearly = pending.yearly;
        pending = { weekly: false, monthly: false, yearly: false };
      }
    }

    peak = Math.max(peak, sum(live));

    // 3. Retention.
    if (job.method === 'forever-incremental') mergeOldest(live, keepPoints, data);
    live = retain(live, i, keepPoints, weekly, monthly, yearly);

    // 4. Steady state: the largest state of the last cycle.
    if (i >= count - cycle) {
      const stored = sum(live);
      if (stored > best.storageBytes) {
        const fulls = live.filter((p) => p.kind === 'full').length;
        best = { storageBytes: stored, restorePoints: live.length, fulls };
      }
      worstChain = Math.max(worstChain, worstChainBytes(live, i));
    }
  }
  return {
    backupsTaken: count,
    restorePoints: best.restorePoints,
    fulls: best.fulls,
    storageBytes: best.storageBytes,
    peakStorageBytes: peak,
    worstChainBytes: worstChain,
  };
}

function sum(points: readonly Point[]): number {
  let s = 0;
  for (const p of points) s += p.bytes;
  return s;
}

/** Forever-forward: while more than `keep` regular points, fold the oldest increment into the full. */
function mergeOldest(live: Point[], keep: number, data: DataSet): void {
  let regular = live.filter((p) => p.regular);
  while (regular.length > Math.max(1, keep)) {
    const [base, next] = regular;
    if (base === undefined || next === undefined) break;
    next.kind = 'full';
    next.parent = null;
    next.bytes = fullBytesAt(data, next.t);
    live.splice(live.indexOf(base), 1);
    regular = regular.slice(1);
  }
}

/** Keeps the required points (latest regular + latest GFS of each level) and their dependencies. */
function retain(
  live: readonly Point[],
  pass: number,
  points: number,
  weekly: number,
  monthly: number,
  yearly: number,
): Point[] {
  let r = 0;
  let w = 0;
  let m = 0;
  let y = 0;
  for (let j = live.length - 1; j >= 0; j--) {
    const p = live[j];
    if (p === undefined) continue;
    let needed = false;
    if (p.regular && r < points) {
      r++;
      needed = true;
    }
    if (p.weekly && w < weekly) {
      w++;
      needed = true;
    }
    if (p.monthly && m < monthly) {
      m++;
      needed = true;
    }
    if (p.yearly && y < yearly) {
      y++;
      needed = true;
    }
    if (!needed) continue;
    for (let q: Point | null = p; q !== null && q.mark !== pass; q = q.parent) q.mark = pass;
  }
  return live.filter((p) => p.mark === pass);
}

/** The largest stored chain any live point needs: its bytes plus its parent's chain. */
function worstChainBytes(live: readonly Point[], pass: number): number {
  const chain = (p: Point): number => {
    if (p.chainPass !== pass) {
      p.chain = p.bytes + (p.parent === null ? 0 : chain(p.parent));
      p.chainPass = pass;
    }
    return p.chain;
  };
  let worst = 0;
  for (const p of live) worst = Math.max(worst, chain(p));
  return worst;
}
