/**
 * Per-backup-point simulation of one backup job's files and retention over a horizon: the
 * reference the closed forms are tested against (DESIGN §4, "Backup storage").
 */
import type { BackupMethod, Retention } from '../../model/types.js';
import { SECONDS_PER_MONTH, SECONDS_PER_WEEK, SECONDS_PER_YEAR } from '../../units/conventions.js';
import { fullBytesAt, incrementBytesAt, type DataSet } from './growth.js';

export type BackupJobSpec = {
  readonly method: BackupMethod;
  readonly everySeconds: number;
  /** forward-incremental and differential: a full every this long (default one week). */
  readonly fullEverySeconds: number | undefined;
  readonly retention: Retention;
};

export type BackupSimulation = {
  readonly backupsTaken: number;
  readonly restorePoints: number;
  readonly fulls: number;
  readonly storageBytes: number;
  readonly peakStorageBytes: number;
  readonly worstChainBytes: number;
};

type Kind = 'full' | 'increment' | 'differential' | 'reverse';

type Point = {
  readonly id: number;
  readonly t: number;
  bytes: number;
  kind: Kind;
  /** The point this one needs to be restored (−1: none). */
  parent: number;
  /** A point of the regular schedule (false: a synthetic GFS full). */
  readonly regular: boolean;
  weekly: boolean;
  monthly: boolean;
  yearly: boolean;
};

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
): BackupSimulation {
  const dt = job.everySeconds;
  const count = Math.max(1, Math.ceil(horizonSeconds / dt));
  const period = fullEveryPoints(job);
  const periodic = job.method === 'forward-incremental' || job.method === 'differential';
  const cycle = Math.max(periodic ? period : 1, Math.ceil(SECONDS_PER_WEEK / dt), 1);
  const { points: keepPoints, weekly, monthly, yearly } = job.retention;

  let live: Point[] = [];
  const byId = new Map<number, Point>();
  let nextId = 0;
  let lastFullId = -1;
  let peak = 0;
  let best = { storageBytes: -1, restorePoints: 0, fulls: 0 };
  let worstChain = 0;

  const add = (p: Omit<Point, 'id'>): Point => {
    const point = { ...p, id: nextId++ };
    live.push(point);
    byId.set(point.id, point);
    return point;
  };
  const plain = { weekly: false, monthly: false, yearly: false };
  let pending = { ...plain };

  for (let i = 0; i < count; i++) {
    const t = i * dt;
    const prevT = (i - 1) * dt;
    const previous = live.filter((p) => p.regular).at(-1);

    // 1. The regular backup of this slot.
    let regular: Point;
    const startsChain = i % period === 0;
    switch (job.method) {
      case 'full':
        regular = add({ t, bytes: fullBytesAt(data, t), kind: 'full', parent: -1, regular: true, ...plain });
        break;
      case 'forward-incremental':
      case 'forever-incremental':
        if (previous === undefined || (job.method === 'forward-incremental' && startsChain)) {
          regular = add({ t, bytes: fullBytesAt(data, t), kind: 'full', parent: -1, regular: true, ...plain });
        } else {
          const bytes = incrementBytesAt(data, t, dt);
          regular = add({ t, bytes, kind: 'increment', parent: previous.id, regular: true, ...plain });
        }
        break;
      case 'differential':
        if (previous === undefined || startsChain) {
          regular = add({ t, bytes: fullBytesAt(data, t), kind: 'full', parent: -1, regular: true, ...plain });
          lastFullId = regular.id;
        } else {
          const full = byId.get(lastFullId);
          const since = full === undefined ? dt : t - full.t;
          const bytes = incrementBytesAt(data, t, since);
          regular = add({ t, bytes, kind: 'differential', parent: lastFullId, regular: true, ...plain });
        }
        break;
      case 'reverse-incremental':
        regular = add({ t, bytes: fullBytesAt(data, t), kind: 'full', parent: -1, regular: true, ...plain });
        if (previous !== undefined) {
          previous.kind = 'reverse';
          previous.bytes = incrementBytesAt(data, t, dt);
          previous.parent = regular.id;
        }
        break;
      default: {
        const never: never = job.method;
        throw new Error(`unknown backup method ${String(never)}`);
      }
    }

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
        ? add({ t, bytes: fullBytesAt(data, t), kind: 'full', parent: -1, regular: false, ...plain })
        : regular.kind === 'full' ? regular : undefined;
      if (target !== undefined) {
        Object.assign(target, pending);
        pending = { ...plain };
      }
    }

    peak = Math.max(peak, sum(live));

    // 3. Retention.
    if (job.method === 'forever-incremental') mergeOldest(live, byId, keepPoints, data);
    live = retain(live, byId, keepPoints, weekly, monthly, yearly);

    // 4. Steady state: the largest state of the last cycle.
    if (i >= count - cycle) {
      const stored = sum(live);
      if (stored > best.storageBytes) {
        const fulls = live.filter((p) => p.kind === 'full').length;
        best = { storageBytes: stored, restorePoints: live.length, fulls };
      }
      worstChain = Math.max(worstChain, worstChainBytes(live, byId));
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
function mergeOldest(live: Point[], byId: Map<number, Point>, keep: number, data: DataSet): void {
  let regular = live.filter((p) => p.regular);
  while (regular.length > Math.max(1, keep)) {
    const [base, next] = regular;
    if (base === undefined || next === undefined) break;
    next.kind = 'full';
    next.parent = -1;
    next.bytes = fullBytesAt(data, next.t);
    live.splice(live.indexOf(base), 1);
    byId.delete(base.id);
    regular = regular.slice(1);
  }
}

/** Keeps the required points (latest regular + latest GFS of each level) and their dependencies. */
function retain(
  live: readonly Point[],
  byId: Map<number, Point>,
  points: number,
  weekly: number,
  monthly: number,
  yearly: number,
): Point[] {
  const keep = new Set<number>();
  let r = 0;
  let w = 0;
  let m = 0;
  let y = 0;
  for (let j = live.length - 1; j >= 0; j--) {
    const p = live[j];
    if (p === undefined) continue;
    let needed = false;
    if (p.regular && r < points) (r++, (needed = true));
    if (p.weekly && w < weekly) (w++, (needed = true));
    if (p.monthly && m < monthly) (m++, (needed = true));
    if (p.yearly && y < yearly) (y++, (needed = true));
    if (!needed) continue;
    for (let q: Point | undefined = p; q !== undefined && !keep.has(q.id); q = byId.get(q.parent)) {
      keep.add(q.id);
    }
  }
  const kept: Point[] = [];
  for (const p of live) {
    if (keep.has(p.id)) kept.push(p);
    else byId.delete(p.id);
  }
  return kept;
}

/** The largest stored chain any live point needs: its bytes plus its parent's chain. */
function worstChainBytes(live: readonly Point[], byId: Map<number, Point>): number {
  const memo = new Map<number, number>();
  const chain = (p: Point): number => {
    const known = memo.get(p.id);
    if (known !== undefined) return known;
    const parent = byId.get(p.parent);
    const value = p.bytes + (parent === undefined ? 0 : chain(parent));
    memo.set(p.id, value);
    return value;
  };
  let worst = 0;
  for (const p of live) worst = Math.max(worst, chain(p));
  return worst;
}
