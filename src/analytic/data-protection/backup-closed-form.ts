/**
 * Closed forms of a backup job's steady state without growth or GFS: the independent check of
 * the simulation (DESIGN §4; Veeam Restore Point Simulator conventions).
 */
import type { BackupMethod } from '../../model/data-protection.js';

export type SteadyState = {
  readonly restorePoints: number;
  readonly fulls: number;
  readonly storageBytes: number;
};

/**
 * Largest steady state after retention of R points, a full every P points, full F and
 * increment I = S·c·(Δ/day)·(1 − reduction):
 * - full: R fulls, R·F.
 * - forward-incremental: R + P − 1 points (a chain goes only when its last point expires),
 *   1 + ⌈(R − 1)/P⌉ fulls, the rest increments.
 * - forever-incremental, reverse-incremental: 1 full + (R − 1) increments.
 * - differential: the j-th differential after a full holds min(1, j·c·Δ/day) of the data;
 *   the largest over the P phases of R consecutive points, plus the full of the oldest
 *   point's chain when that point is a differential.
 * `differentialBytes(j)` gives the stored size of the j-th differential (j ≥ 1).
 *
 * @example steadyStateClosedForm('forward-incremental', 14, 7, 500, 50).storageBytes // 2350
 */
export function steadyStateClosedForm(
  method: BackupMethod,
  points: number,
  period: number,
  fullBytes: number,
  incrementBytes: number,
  differentialBytes: (j: number) => number = (j) => j * incrementBytes,
): SteadyState {
  const r = points;
  switch (method) {
    case 'full':
      return { restorePoints: r, fulls: r, storageBytes: r * fullBytes };
    case 'forward-incremental': {
      const onDisk = r + period - 1;
      const fulls = 1 + Math.ceil((r - 1) / period);
      return {
        restorePoints: onDisk,
        fulls,
        storageBytes: fulls * fullBytes + (onDisk - fulls) * incrementBytes,
      };
    }
    case 'forever-incremental':
    case 'reverse-incremental':
      return { restorePoints: r, fulls: 1, storageBytes: fullBytes + (r - 1) * incrementBytes };
    case 'differential': {
      let best: SteadyState = { restorePoints: 0, fulls: 0, storageBytes: -1 };
      for (let phase = 0; phase < period; phase++) {
        let bytes = phase === 0 ? 0 : fullBytes;
        let fulls = phase === 0 ? 0 : 1;
        for (let k = 0; k < r; k++) {
          const j = (phase + k) % period;
          bytes += j === 0 ? fullBytes : differentialBytes(j);
          if (j === 0) fulls++;
        }
        if (bytes > best.storageBytes) {
          best = { restorePoints: r + (phase === 0 ? 0 : 1), fulls, storageBytes: bytes };
        }
      }
      return best;
    }
    default: {
      const never: never = method;
      throw new Error(`unknown backup method ${String(never)}`);
    }
  }
}
