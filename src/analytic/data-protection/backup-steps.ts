/**
 * One step of the day-by-day backup simulation (backup-simulation.ts): writing the regular
 * point by the job's method, forever-incremental merging, and the steady-state observation.
 */
import type { BackupMethod } from '../../model/data-protection.js';
import type { LiveSet, Point } from './backup-retention.js';
import { fullBytesAt, incrementBytesAt, type DataSet } from './growth.js';

/**
 * Writes the regular point of step time t by the job's method (a full, an increment on the
 * previous point, a differential on the last full, or a reverse-incremental full that turns the
 * previous one into a reverse delta); returns it and the differential's last full.
 */
export function writeRegular(
  job: { readonly method: BackupMethod },
  data: DataSet,
  live: LiveSet,
  at: {
    readonly t: number;
    readonly dt: number;
    readonly previous: Point | undefined;
    readonly lastFull: Point | undefined;
    readonly startsChain: boolean;
  },
): { regular: Point; lastFull: Point | undefined } {
  const { t, dt, previous, startsChain } = at;
  let full = at.lastFull;
  let regular: Point;
  switch (job.method) {
    case 'full':
      regular = live.add(t, fullBytesAt(data, t), 'full', null, true);
      break;
    case 'forward-incremental':
    case 'forever-incremental':
      if (previous === undefined || (job.method === 'forward-incremental' && startsChain)) {
        regular = live.add(t, fullBytesAt(data, t), 'full', null, true);
      } else {
        regular = live.add(t, incrementBytesAt(data, t, dt), 'increment', previous, true);
      }
      break;
    case 'differential':
      if (previous === undefined || full === undefined || startsChain) {
        regular = live.add(t, fullBytesAt(data, t), 'full', null, true);
        full = regular;
      } else {
        regular = live.add(t, incrementBytesAt(data, t, t - full.t), 'differential', full, true);
      }
      break;
    case 'reverse-incremental':
      regular = live.add(t, fullBytesAt(data, t), 'full', null, true);
      if (previous !== undefined) live.rewrite(previous, incrementBytesAt(data, t, dt), 'reverse', regular);
      break;
    default: {
      const never: never = job.method;
      throw new Error(`unknown backup method ${String(never)}`);
    }
  }
  return { regular, lastFull: full };
}

/** Forever-incremental retention: past the window, the oldest point is merged into the next (a new full). */
export function mergeForever(live: LiveSet, data: DataSet, keepPoints: number): void {
  while (live.windowSize('regular') > Math.max(1, keepPoints)) {
    const [base, next] = live.oldest('regular');
    if (base === undefined || next === undefined) break;
    live.shift('regular');
    live.remove(base);
    live.rewrite(next, fullBytesAt(data, next.t), 'full', null);
  }
}

export type Steady = {
  best: { readonly storageBytes: number; readonly restorePoints: number; readonly fulls: number };
  worstChain: number;
};

/**
 * One step of the last cycle: the largest stored state so far, and the worst chain. For full,
 * forward-incremental and differential a point's chain never changes, so every point live in
 * the cycle is seen once (all of them at the cycle's first step, then the new ones); forever-
 * and reverse-incremental chain all their regular points (their sum), a synthetic full only itself.
 */
export function observeSteady(
  live: LiveSet,
  steady: Steady,
  fresh: readonly Point[],
  step: { readonly first: boolean; readonly rebase: boolean; readonly wholeChain: boolean },
): void {
  if (step.rebase) live.rebase();
  const stored = live.stored.value;
  if (stored > steady.best.storageBytes)
    steady.best = { storageBytes: stored, restorePoints: live.count, fulls: live.fulls };
  const chainOf = (p: Point): number => (!p.regular ? p.bytes : step.wholeChain ? 0 : p.chain);
  if (step.first) {
    live.forEach((p) => {
      steady.worstChain = Math.max(steady.worstChain, chainOf(p));
    });
  }
  for (const p of fresh) if (p.alive) steady.worstChain = Math.max(steady.worstChain, chainOf(p));
  if (step.wholeChain) steady.worstChain = Math.max(steady.worstChain, live.regularBytes.value);
}
