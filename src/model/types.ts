/**
 * The validated, normalised Model: what every engine computes from. Its parts: a failing
 * component in component.ts, the data-protection types (data, copies, backups, durability,
 * recovery) in data-protection.ts, the topology, service, targets and SLO here.
 *
 * Everything here is in base units: seconds, bytes, bytes per second, and fractions in [0, 1].
 * Units are parsed once at the edge (src/units) and never again.
 */
import type { CostItem } from './cost.js';
import type { SloWindow } from '../units/slo-window.js';
import type { Component } from './component.js';
import type { Data, Recovery } from './data-protection.js';
import type { Scenario, TargetMetric } from './metrics.js';

/** Where a model element came from in the model file (1-based), for messages and gate sources. */
export type SourcePosition = { readonly line: number; readonly col: number };

export type Region = {
  readonly name: string;
  /** `undefined`: the region never fails. */
  readonly failure: Component | undefined;
};

export type Zone = {
  readonly name: string;
  readonly region: string | undefined;
  /** `undefined`: the zone never fails (only its region can take it down). */
  readonly failure: Component | undefined;
};

/** A run of identical nodes of one tier in one zone (or in no zone). */
export type NodeGroup = {
  readonly zone: string | undefined;
  readonly count: number;
  readonly failure: Component;
};

export type Tier = {
  readonly name: string;
  /** n: total nodes, the sum of the groups' counts. */
  readonly nodes: number;
  /** Nodes by placement and spec; a tier with one spec and no zones has one group. */
  readonly groups: readonly NodeGroup[];
  /** k: nodes that must be up for the tier to be up. */
  readonly minHealthy: number;
  /** The tier's per-node failure spec (groups may override it). */
  readonly failure: Component;
  readonly capacity: Capacity | undefined;
  /**
   * Hot spares s, already counted in `nodes` and `groups` (so every engine sees n + s nodes);
   * `minHealthy: all` means all of the n nodes without spares. Absent: 0.
   */
  readonly spares?: number;
  /** A training job needing minHealthy nodes at once, restarting from its last checkpoint. */
  readonly job?: Job;
  /**
   * Service interruption caused by each node failure the tier rides out (a leader election,
   * connection draining), seconds; 0: none.
   */
  readonly interruptionSeconds?: number;
};

/** Compound growth x(t) = x0 · (1 + rate)^(t / periodSeconds) (year = 365 d, month = 30 d). */
export type Growth = { readonly rate: number; readonly periodSeconds: number };

export type Capacity = {
  readonly perNode: number;
  readonly demand: number;
  /** Demand growth for `nines plan`; absent: none. */
  readonly growth?: Growth;
};

/** Checkpoint plan of a job: compute τ between checkpoints, cost δ of one, restart R. */
export type Job = {
  readonly checkpointEverySeconds: number;
  readonly checkpointCostSeconds: number;
  readonly restartSeconds: number;
};

/**
 * A primary that fails over to a standby (DESIGN §4, "Failover and recovery"): while the
 * primary is up it serves; when it fails the service is down for the switchover τ, then runs
 * on the standby if the switchover succeeded (probability `success`), and on the primary's
 * repair switches back, interrupted for `failbackSeconds`.
 */
export type Failover = {
  readonly kind: 'failover';
  readonly primary: ServiceExpr;
  readonly standby: ServiceExpr;
  /** Given switchover τ; `undefined`: from the recovery strategy and phases. */
  readonly switchoverSeconds: number | undefined;
  /** c: probability that a switchover succeeds. */
  readonly success: number;
  readonly failbackSeconds: number;
};

/** The service structure: which tiers must be up. */
export type ServiceExpr =
  | { readonly kind: 'tier'; readonly tier: string }
  | { readonly kind: 'all'; readonly of: readonly ServiceExpr[] }
  | { readonly kind: 'any'; readonly of: readonly ServiceExpr[] }
  | { readonly kind: 'atLeast'; readonly k: number; readonly of: readonly ServiceExpr[] }
  | Failover;

export type { Scenario, TargetMetric } from './metrics.js';

export type TargetLevel = 'error' | 'warn';

/** One target: `actual operator threshold` must hold. Thresholds are in base units. */
export type Target = {
  readonly metric: TargetMetric;
  readonly operator: '>=' | '<=';
  readonly threshold: number;
  /**
   * For availability and durability: 1 − threshold, parsed exactly from the text ("11 nines"
   * → 1e-11), so the gate compares unavailability with it without losing digits.
   */
  readonly thresholdComplement: number | undefined;
  readonly level: TargetLevel;
  /** For rpo, rto, dataAtRisk: one scenario; `undefined` means the worst over scenarios. */
  readonly scenario: Scenario | undefined;
  /** For availability: one tier instead of the service. */
  readonly tier: string | undefined;
  readonly position: SourcePosition | undefined;
};

export type { SloWindow } from '../units/slo-window.js';

/** The `slo` section: what `nines slo` budgets, allocates, alerts on and exports. */
export type Slo = {
  /** The objective and its exact complement; `undefined`: the service availability target. */
  readonly objective:
    | { readonly value: number; readonly complement: number; readonly position: SourcePosition }
    | undefined;
  readonly window: SloWindow;
  /** Where `slo.window` was written; `undefined` when it defaulted to 30 d. */
  readonly windowPosition: SourcePosition | undefined;
  readonly requestsPerSecond: number | undefined;
  /** PromQL with `{{.window}}` for the rate window (Sloth's convention). */
  readonly sli: { readonly errorQuery: string; readonly totalQuery: string } | undefined;
  readonly labels: Readonly<Record<string, string>>;
};

export type Model = {
  readonly name: string;
  readonly description: string | undefined;
  readonly horizonSeconds: number;
  readonly regions: readonly Region[];
  readonly zones: readonly Zone[];
  readonly tiers: readonly Tier[];
  /** Default: `all` of every tier. */
  readonly service: ServiceExpr;
  readonly data: Data | undefined;
  readonly recovery: Recovery | undefined;
  readonly targets: readonly Target[];
  /** The `slo` section, if the model has one. */
  readonly slo?: Slo | undefined;
  /** Prices (issue 14); absent when the model prices nothing. */
  readonly costs?: readonly CostItem[];
};
