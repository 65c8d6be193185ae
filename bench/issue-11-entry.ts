// Bench entry for issue 11, bundled by bench/issue-11.mjs: the analytic and backup rows,
// timed in process CPU time (robust to the other work on a shared machine).
import { analyzeAvailability } from '../src/analytic/availability/index.js';
import { simulateBackupJob } from '../src/analytic/data-protection/index.js';
import { component } from '../src/model/component.js';
import type { BackupMethod } from '../src/model/data-protection.js';
import type { Model, Tier } from '../src/model/types.js';
import { simulateSync } from '../src/simulate/run/run-sync.js';
import { coverageOf } from '../test/support/rare-models.js';
import { SECONDS_PER_DAY, SECONDS_PER_HOUR, SECONDS_PER_YEAR } from '../src/units/conventions.js';

const H = SECONDS_PER_HOUR;

/** CPU seconds of f (best of `runs`) and its last result. */
export function cpu<T>(runs: number, f: () => T): { seconds: number; result: T } {
  let best = Infinity;
  let result: T | undefined;
  for (let i = 0; i < runs; i++) {
    const c0 = process.cpuUsage();
    result = f();
    const c = process.cpuUsage(c0);
    best = Math.min(best, (c.user + c.system) / 1e6);
  }
  return { seconds: best, result: result as T };
}

function model(zones: Model['zones'], tiers: Tier[]): Model {
  return {
    name: 'bench',
    description: undefined,
    horizonSeconds: SECONDS_PER_YEAR,
    regions: [],
    zones,
    tiers,
    service: { kind: 'all', of: tiers.map((t) => ({ kind: 'tier', tier: t.name })) },
    data: undefined,
    recovery: undefined,
    targets: [],
  };
}

/**
 * G groups of `per` nodes, each group its own MTBF (2000 + g h, MTTR 4 h): G distinct node
 * classes. `tight`: the tier tolerates the mean number of failures + 5σ (a real computation);
 * otherwise it needs 60% of its nodes (its unavailability underflows: the Chernoff shortcut).
 */
export function heterogeneous(G: number, per: number, tight: boolean, zones = 0): Model {
  const zs = Array.from({ length: zones }, (_, i) => ({
    name: `z${i}`,
    region: undefined,
    failure: component({ mtbfSeconds: 10_000 * H, mttrSeconds: 2 * H }),
  }));
  const groups = Array.from({ length: G }, (_, g) => ({
    zone: zones > 0 ? `z${g % zones}` : undefined,
    count: per,
    failure: component({ mtbfSeconds: (2000 + g) * H, mttrSeconds: 4 * H }),
  }));
  const n = G * per;
  let mean = 0;
  let variance = 0;
  for (const g of groups) {
    mean += g.count * g.failure.unavailability;
    variance += g.count * g.failure.unavailability * (1 - g.failure.unavailability);
  }
  const k = tight ? n - Math.ceil(mean + 5 * Math.sqrt(variance)) : Math.ceil(n * 0.6);
  const first = groups[0]?.failure ?? component({ availability: 1 });
  return model(zs, [{ name: 't', nodes: n, groups, minHealthy: k, failure: first, capacity: undefined }]);
}

/** Z zones at q (q·(1 + i/100) when distinct), one tier of one perfect node per zone needing k. */
export function zoned(Z: number, q: number, k: number, distinct: 'same' | 'q' | 'contents'): Model {
  const zones = Array.from({ length: Z }, (_, i) => ({
    name: `z${i}`,
    region: undefined,
    failure: component({ probability: distinct === 'q' ? q * (1 + i / 100) : q }),
  }));
  const perfect = component({ availability: 1 }, {}, 0);
  const node = component({ probability: 1e-3 });
  const groups = zones.map((z, i) => ({
    zone: z.name,
    count: distinct === 'contents' ? i + 1 : 1,
    failure: distinct === 'contents' ? node : perfect,
  }));
  const n = groups.reduce((s, g) => s + g.count, 0);
  return model(zones, [{ name: 't', nodes: n, groups, minHealthy: k, failure: perfect, capacity: undefined }]);
}

export function availability(
  m: Model,
  runs = 3,
): { seconds: number; q: number; exact: boolean; width: number; states: number } {
  const { seconds, result } = cpu(runs, () => analyzeAvailability(m));
  return {
    seconds,
    q: result.service.unavailability,
    exact: result.service.exact,
    width: result.service.unavailabilityBounds.width,
    states: result.service.statesEvaluated,
  };
}

const data = { sizeBytes: 1e12, dailyChange: 0.05, yearlyGrowth: 0.2, reduction: 0.5 };
const METHODS: readonly BackupMethod[] = [
  'full',
  'forward-incremental',
  'forever-incremental',
  'reverse-incremental',
  'differential',
];

/** 5 jobs (one per method), hourly, 8760 points + GFS 4/12/7, weekly fulls, 10 years. */
export function fiveJobs(): number {
  return cpu(1, () => {
    for (const method of METHODS) {
      simulateBackupJob(
        {
          method,
          everySeconds: H,
          fullEverySeconds: 7 * SECONDS_PER_DAY,
          retention: { points: 8760, weekly: 4, monthly: 12, yearly: 7 },
        },
        data,
        10 * SECONDS_PER_YEAR,
      );
    }
  }).seconds;
}

/** A 1-minute WAL job (forever-incremental) keeping 10,080 points (a week), one year. */
export function walJob(): number {
  return cpu(1, () =>
    simulateBackupJob(
      {
        method: 'forever-incremental',
        everySeconds: 60,
        fullEverySeconds: undefined,
        retention: { points: 10_080, weekly: 0, monthly: 0, yearly: 0 },
      },
      data,
      SECONDS_PER_YEAR,
    ),
  ).seconds;
}

/** Daily forward-incremental with GFS over a million years; one-minute fulls (GFS) over a year. */
export function extremes(): { millionYears: number; minuteFulls: number } {
  const millionYears = cpu(1, () =>
    simulateBackupJob(
      {
        method: 'forward-incremental',
        everySeconds: SECONDS_PER_DAY,
        fullEverySeconds: 7 * SECONDS_PER_DAY,
        retention: { points: 30, weekly: 4, monthly: 12, yearly: 7 },
      },
      data,
      1e6 * SECONDS_PER_YEAR,
    ),
  ).seconds;
  const minuteFulls = cpu(1, () =>
    simulateBackupJob(
      {
        method: 'full',
        everySeconds: 60,
        fullEverySeconds: undefined,
        retention: { points: 30, weekly: 4, monthly: 12, yearly: 1 },
      },
      data,
      SECONDS_PER_YEAR,
    ),
  ).seconds;
  return { millionYears, minuteFulls };
}

/** Coverage of the rare-event intervals: the closed-form models of test/support/rare-models.ts × `seeds` seeds. */
export function coverage(seeds: number, relError: number) {
  return coverageOf((m, seed) => simulateSync(m, { seed, mode: 'snapshot', relError }).service.unavailability, seeds);
}
