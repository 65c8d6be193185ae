/**
 * Storage over time against capacity: the live data against the data tier's capacity
 * (compound growth, solved in closed form) and each backup location's stored bytes against
 * its capacity, read from the day-by-day backup simulation (the same one `analyze` uses).
 */
import type { Data, Location } from '../../model/data-protection.js';
import { SECONDS_PER_YEAR } from '../../units/conventions.js';
import { simulateBackupJob } from '../data-protection/backup-simulation.js';
import { locationKey } from '../data-protection/failure-domains.js';
import { crossingTime, grownAt } from './growth.js';

/** Stored bytes of one location at the backup slots of its jobs, in time order. */
export type LocationSeries = {
  readonly location: Location;
  /** The name used in the model: a zone, a region or `offsite`. */
  readonly name: string;
  readonly capacityBytes: number | undefined;
  /** Slot times; at each, the bytes while the slot's backup is written, and after retention. */
  readonly t: readonly number[];
  readonly peakBytes: readonly number[];
  readonly storedBytes: readonly number[];
  /** First slot whose write does not fit (peak > capacity); Infinity: none within the horizon. */
  readonly breaksAtSeconds: number;
};

export function locationName(location: Location): string {
  return location.kind === 'offsite' ? 'offsite' : location.name;
}

/**
 * Simulates every backup job over `horizonSeconds` and merges the jobs of each location: at a
 * slot of job j the location holds j's bytes while writing plus every other job's bytes after
 * its latest retention (jobs whose slots coincide are taken in model order).
 */
export function locationSeries(data: Data, horizonSeconds: number): LocationSeries[] {
  type Event = { t: number; job: number; peak: number; stored: number };
  const byKey = new Map<string, { location: Location; events: Event[]; jobs: number[] }>();
  data.backups.forEach((backup, job) => {
    const key = locationKey(backup.location);
    const entry = byKey.get(key) ?? { location: backup.location, events: [], jobs: [] };
    entry.jobs.push(job);
    simulateBackupJob(backup, data, horizonSeconds, (t, peak, stored) => entry.events.push({ t, job, peak, stored }));
    byKey.set(key, entry);
  });
  return [...byKey.values()].map(({ location, events, jobs }) => {
    events.sort((a, b) => a.t - b.t || a.job - b.job);
    const current = new Map<number, number>(jobs.map((j) => [j, 0]));
    const capacityBytes = data.backupCapacity?.find((c) => locationKey(c.location) === locationKey(location))?.bytes;
    const t: number[] = [];
    const peakBytes: number[] = [];
    const storedBytes: number[] = [];
    let breaksAtSeconds = Infinity;
    for (const e of events) {
      let others = 0;
      for (const [j, bytes] of current) if (j !== e.job) others += bytes;
      current.set(e.job, e.stored);
      const peak = others + e.peak;
      t.push(e.t);
      peakBytes.push(peak);
      storedBytes.push(others + e.stored);
      if (capacityBytes !== undefined && peak > capacityBytes && breaksAtSeconds === Infinity) breaksAtSeconds = e.t;
    }
    return { location, name: locationName(location), capacityBytes, t, peakBytes, storedBytes, breaksAtSeconds };
  });
}

/** Stored bytes of a series at time t: after retention of the latest slot ≤ t (0 before the first). */
export function storedAt(series: LocationSeries, t: number): number {
  let lo = 0;
  let hi = series.t.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if ((series.t[mid] ?? Infinity) <= t) {
      found = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return found < 0 ? 0 : (series.storedBytes[found] ?? 0);
}

/** Live data size at t: S0·(1 + g)^(t / year). */
export function dataSizeAt(data: Data, t: number): number {
  return grownAt(data.sizeBytes, { rate: data.yearlyGrowth, periodSeconds: SECONDS_PER_YEAR }, t);
}

/** When the live data outgrows the data tier's capacity: t* = year·ln(C/S0)/ln(1 + g). */
export function dataBreaksAt(data: Data): number {
  if (data.capacityBytes === undefined) return Infinity;
  return crossingTime(data.sizeBytes, { rate: data.yearlyGrowth, periodSeconds: SECONDS_PER_YEAR }, data.capacityBytes);
}
