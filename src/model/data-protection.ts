/**
 * The data-protection part of the Model: where copies and backups live, how the data is
 * replicated, backed up and made durable, and how the service recovers from each disruption.
 * Base units as in the rest of the Model (seconds, bytes, bytes per second, fractions).
 */
import type { Component } from './component.js';
import type { Scenario } from './metrics.js';

/** A failure domain that holds something: a zone, a region, or outside every modelled domain. */
export type Location =
  | { readonly kind: 'zone'; readonly name: string }
  | { readonly kind: 'region'; readonly name: string }
  | { readonly kind: 'offsite' };

export type ReplicationMode = 'sync' | 'async';

export type Replication = {
  readonly mode: ReplicationMode;
  /** Replication lag; 0 for sync. */
  readonly lagSeconds: number;
};

/** A replica of the data outside the data tier (a DR database, a cross-region bucket). */
export type DataCopy = Replication & {
  readonly name: string;
  readonly location: Location;
};

export type BackupMethod =
  | 'full'
  | 'forward-incremental'
  | 'forever-incremental'
  | 'reverse-incremental'
  | 'differential';

export type Retention = {
  /** Restore points kept (the most recent N). */
  readonly points: number;
  /** GFS: weekly, monthly and yearly fulls kept beyond `points`. */
  readonly weekly: number;
  readonly monthly: number;
  readonly yearly: number;
};

export type Backup = {
  readonly name: string;
  readonly everySeconds: number;
  readonly method: BackupMethod;
  /** Interval between fulls (forward-incremental, differential); `undefined` otherwise. */
  readonly fullEverySeconds: number | undefined;
  readonly retention: Retention;
  readonly location: Location;
  /** Time one backup takes; given, or derived from `throughputBytesPerSecond` by the engine. */
  readonly durationSeconds: number | undefined;
  readonly throughputBytesPerSecond: number | undefined;
  readonly restoreThroughputBytesPerSecond: number;
};

export type DurabilityScheme =
  | { readonly kind: 'replicas'; readonly replicas: number }
  | { readonly kind: 'erasure'; readonly data: number; readonly parity: number };

export type Durability = {
  readonly scheme: DurabilityScheme;
  readonly shardFailure: Component;
  /** Rebuild (repair) time of one shard or replica; given, or derived from throughput. */
  readonly rebuildSeconds: number | undefined;
  readonly rebuildThroughputBytesPerSecond: number | undefined;
  /** Independent placement groups the data is spread over. */
  readonly groups: number;
};

export type Data = {
  /** The tier whose nodes hold the live copies. */
  readonly tier: string;
  readonly sizeBytes: number;
  /** Share of the data changed per day. */
  readonly dailyChange: number;
  readonly yearlyGrowth: number;
  /** Compression + dedupe in backups: stored = raw × (1 − reduction). */
  readonly reduction: number;
  /** Replication between the data tier's nodes. */
  readonly replication: Replication;
  readonly copies: readonly DataCopy[];
  readonly backups: readonly Backup[];
  /** `undefined`: the data tier's nodes are full replicas (derived by the engine). */
  readonly durability: Durability | undefined;
  /** Usable capacity of the data tier for the live data; absent: unlimited. */
  readonly capacityBytes?: number;
  /** Backup storage capacity per backup location; absent locations are unlimited. */
  readonly backupCapacity?: readonly BackupCapacity[];
  /** Rate of logical corruption (per second, 1 / MTBF); `undefined`: not given. */
  readonly corruptionRate?: number;
};

export type BackupCapacity = { readonly location: Location; readonly bytes: number };

export type RecoveryStrategy = 'active-active' | 'hot-standby' | 'warm-standby' | 'pilot-light' | 'backup-restore';

/** The durations that add up to an RTO (restore comes from the backups). */
export type RecoveryPhases = {
  readonly detectionSeconds: number;
  readonly failoverSeconds: number;
  readonly provisioningSeconds: number;
  readonly validationSeconds: number;
};

/** The recovery phases of a model file (`recovery.detection` …), in the order they add up. */
export const RECOVERY_PHASES = ['detection', 'failover', 'provisioning', 'validation'] as const;
export type RecoveryPhase = (typeof RECOVERY_PHASES)[number];

/** Each phase of `RECOVERY_PHASES` with its seconds in `p`. */
export function phaseSeconds(p: RecoveryPhases): readonly (readonly [RecoveryPhase, number])[] {
  return RECOVERY_PHASES.map((name) => [name, p[`${name}Seconds`]] as const);
}

export type Recovery = RecoveryPhases & {
  readonly strategy: RecoveryStrategy;
  /** Phases for one disruption (`recovery.node`, `.zone`, `.region`, `.corruption`) over the defaults. */
  readonly byScenario?: Readonly<Partial<Record<Scenario, RecoveryPhases>>>;
};
