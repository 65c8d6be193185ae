/**
 * Result of the data-protection engine. Its shape is the `dataProtection` JSON of the report:
 * camelCase, base units (seconds, bytes, fractions), unrounded.
 */
import type { BackupMethod, Location } from '../../model/data-protection.js';
import type { Scenario } from '../../model/types.js';

export type MechanismKind = 'replica' | 'copy' | 'backup';

/** What brings the data back: the data tier's surviving nodes, a copy, or a backup job. */
export type RecoveredBy = { readonly kind: MechanismKind; readonly name: string };

export type RtoPhases = {
  readonly detectionSeconds: number;
  readonly failoverSeconds: number;
  readonly provisioningSeconds: number;
  readonly restoreSeconds: number;
  readonly validationSeconds: number;
};

/** One surviving mechanism considered for a scenario, with its own RPO and RTO. */
export type RecoveryOption = RecoveredBy & {
  readonly rpoSeconds: number;
  readonly rpoExpectedSeconds: number;
  readonly rtoSeconds: number;
  readonly rtoPhases: RtoPhases;
};

/**
 * One disruption. When nothing outside the failure domain holds the data, `survives` is
 * false and every figure is null (never an infinite number).
 */
export type ScenarioResult = {
  readonly scenario: Scenario;
  /** The failure domain lost, e.g. "zone eu-1a", "region eu", "one node of db". */
  readonly failureDomain: string;
  readonly survives: boolean;
  readonly recoveredBy: RecoveredBy | null;
  readonly rpoSeconds: number | null;
  readonly rpoExpectedSeconds: number | null;
  /** Change rate at the end of the horizon × worst RPO. */
  readonly dataAtRiskBytes: number | null;
  readonly rtoSeconds: number | null;
  readonly rtoPhases: RtoPhases | null;
  /** Every surviving mechanism, best first (smallest RPO, then RTO). */
  readonly options: readonly RecoveryOption[];
  readonly explanation: string;
  /** How often this disruption happens (per year); null when it has no rate. */
  readonly disruptionsPerYear?: number | null;
  /** disruptionsPerYear × data at risk (× the whole data set when not recoverable). */
  readonly expectedBytesLostPerYear?: number | null;
};

export type BackupJobResult = {
  readonly name: string;
  readonly method: BackupMethod;
  readonly location: Location;
  /** Backups taken over the horizon. */
  readonly backupsTaken: number;
  /** Restore points on disk in the steady state (the largest state of the last cycle). */
  readonly restorePoints: number;
  readonly fulls: number;
  /** Stored bytes after retention, largest over the last cycle of the horizon. */
  readonly storageBytes: number;
  /** High-water mark over the horizon: a new backup is written before retention deletes. */
  readonly peakStorageBytes: number;
  /** Stored bytes read for the worst restore point (full + the chain it needs). */
  readonly worstChainBytes: number;
  /** The same chain before reduction: what the restore throughput applies to. */
  readonly worstChainLogicalBytes: number;
  readonly worstRestoreSeconds: number;
  /** Duration of one backup (given, or the largest backup's source bytes / throughput). */
  readonly durationSeconds: number;
  /** Mean duration over the points of one full cycle (weekly full, daily increments): the expected RPO's. */
  readonly meanDurationSeconds: number;
};

export type LocationStorage = {
  readonly location: Location;
  readonly storageBytes: number;
  /** Sum of the jobs' peaks: an upper bound (as if they coincided). */
  readonly peakStorageBytes: number;
};

/** Figures common to both durability models. */
export type DurabilityFigures = {
  /** P(loss within one year, 365 d); may underflow to 0, see log10AnnualLossProbability. */
  readonly annualLossProbability: number;
  /** log10 of the above, finite far below 1e-308. */
  readonly log10AnnualLossProbability: number;
  /** floor(−log10 P(loss per year)). */
  readonly nines: number;
  /** Capped at Number.MAX_VALUE (≈1.8e308 s) when it overflows; see log10MttdlSeconds. */
  readonly mttdlSeconds: number;
  /** log10 of the MTTDL in seconds, exact beyond the double range. */
  readonly log10MttdlSeconds: number;
  readonly expectedBytesLostPerYear: number;
};

export type WindowDurability = DurabilityFigures & {
  /** p = 1 − e^(−λT): one shard fails within a rebuild window. */
  readonly shardFailureProbability: number;
  /** P(more than m of n shards fail within one window), one group. */
  readonly windowLossProbability: number;
  readonly log10WindowLossProbability: number;
  /** 365 d / T. */
  readonly windowsPerYear: number;
};

export type MarkovDurability = DurabilityFigures & {
  /** MTTDL of one group; the total divides it by the number of groups. */
  readonly groupMttdlSeconds: number;
  readonly failureRatePerSecond: number;
  readonly repairRatePerSecond: number;
};

export type DurabilityScheme =
  | { readonly kind: 'replicas'; readonly replicas: number }
  | { readonly kind: 'erasure'; readonly data: number; readonly parity: number };

export type DurabilityResult = DurabilityFigures & {
  /** The model whose figures are at the top level and that targets use. */
  readonly model: 'window' | 'markov';
  readonly scheme: DurabilityScheme;
  /** True when the scheme is the data tier's nodes as full replicas (no `data.durability`). */
  readonly derivedFromTier: boolean;
  readonly shards: number;
  readonly toleratedFailures: number;
  readonly groups: number;
  readonly shardAnnualFailureRate: number;
  readonly rebuildSeconds: number;
  readonly rebuildSource: 'given' | 'throughput' | 'mttr';
  readonly window: WindowDurability;
  readonly markov: MarkovDurability;
};

export type DataProtectionResult = {
  readonly horizonSeconds: number;
  /** S(H) = S0·(1 + g)^(H / year): the size every end-of-horizon figure uses. */
  readonly sizeAtHorizonBytes: number;
  /** S(H) × daily change / day. */
  readonly changeRateBytesPerSecond: number;
  readonly scenarios: readonly ScenarioResult[];
  readonly backups: readonly BackupJobResult[];
  readonly storageByLocation: readonly LocationStorage[];
  /** null when the shard failure spec has no rate or the rebuild time is unknown. */
  readonly durability: DurabilityResult | null;
  /** Σ over the disruptions with a rate of rate × data at risk; null when none has a rate. */
  readonly expectedBytesLostPerYear: number | null;
  readonly notes: readonly string[];
};
