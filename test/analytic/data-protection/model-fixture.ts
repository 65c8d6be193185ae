/** A small hand-checkable model for the data-protection tests. */
import { component } from '../../../src/model/component.js';
import type { Backup, Data, Recovery } from '../../../src/model/data-protection.js';
import type { Model, Tier } from '../../../src/model/types.js';

export const HOUR = 3600;
export const DAY = 86_400;
export const YEAR = 365 * DAY;
export const GB = 1e9;
export const TB = 1e12;

/** MTBF 100 000 h, MTTR 10 h: λ = 1e-5 /h, μ = 0.1 /h. */
export const NODE_FAILURE = component({ mtbfSeconds: 100_000 * HOUR, mttrSeconds: 10 * HOUR });

export function tier(groups: readonly { zone: string | undefined; count: number }[]): Tier {
  const nodes = groups.reduce((s, g) => s + g.count, 0);
  return {
    name: 'db',
    nodes,
    groups: groups.map((g) => ({ ...g, failure: NODE_FAILURE })),
    minHealthy: 1,
    failure: NODE_FAILURE,
    capacity: undefined,
  };
}

export function backup(b: Partial<Backup> & Pick<Backup, 'name' | 'location'>): Backup {
  return {
    everySeconds: DAY,
    method: 'forever-incremental',
    fullEverySeconds: undefined,
    retention: { points: 14, weekly: 0, monthly: 0, yearly: 0 },
    durationSeconds: 2 * HOUR,
    throughputBytesPerSecond: undefined,
    restoreThroughputBytesPerSecond: 500e6,
    ...b,
  };
}

export const RECOVERY: Recovery = {
  strategy: 'warm-standby',
  detectionSeconds: 300,
  failoverSeconds: 600,
  provisioningSeconds: 3600,
  validationSeconds: 900,
};

/** 1 TB, 10 %/day, no growth, 50 % reduction: F = 500 GB, I = 50 GB, change 1e11 B/day. */
export function data(d: Partial<Data>): Data {
  return {
    tier: 'db',
    sizeBytes: 1 * TB,
    dailyChange: 0.1,
    yearlyGrowth: 0,
    reduction: 0.5,
    replication: { mode: 'sync', lagSeconds: 0 },
    copies: [],
    backups: [],
    durability: undefined,
    ...d,
  };
}

/** Regions east (zones east-a, east-b) and west (zone west-a). */
export function model(m: { tier: Tier; data: Data | undefined; recovery?: Recovery | undefined }): Model {
  return {
    name: 'test',
    description: undefined,
    horizonSeconds: YEAR,
    regions: [
      { name: 'east', failure: undefined },
      { name: 'west', failure: undefined },
    ],
    zones: [
      { name: 'east-a', region: 'east', failure: undefined },
      { name: 'east-b', region: 'east', failure: undefined },
      { name: 'west-a', region: 'west', failure: undefined },
    ],
    tiers: [m.tier],
    service: { kind: 'tier', tier: 'db' },
    data: m.data,
    recovery: 'recovery' in m ? m.recovery : RECOVERY,
    targets: [],
  };
}
