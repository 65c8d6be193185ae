/**
 * Gate types: targets with their source, the figures they are checked against, and the
 * records `nines check` prints (lighthouse-ci assertions style: one record per target).
 */
import type { AvailabilityResult } from '../analytic/availability/index.js';
import type { DataProtectionResult } from '../analytic/data-protection/index.js';
import type { CostResult } from '../analytic/cost.js';
import type { PlanResult } from '../analytic/capacity/index.js';
import type { Scenario, Target, TargetLevel, TargetMetric } from '../model/types.js';
import type { SimulationResult } from '../simulate/types.js';

/** Where a target came from: a line of the model file, or a `--target` flag. */
export type TargetSource =
  | { readonly file: string; readonly line: number; readonly col: number }
  | { readonly flag: string };

/** A target to check, with its source. */
export type GateTarget = { readonly target: Target; readonly source: TargetSource };

/** What the targets are checked against: the analytic figures, and optionally a simulation. */
export type GateFigures = {
  readonly availability: AvailabilityResult;
  /** `undefined`: the model has no `data` section. */
  readonly dataProtection: DataProtectionResult | undefined;
  /** Present with `--method simulate`: service and tier unavailability use its intervals. */
  readonly simulation?: SimulationResult | undefined;
  /** The model's cost; `undefined` when it prices nothing (a costPerMonth target then has no figure). */
  readonly cost?: CostResult | undefined;
  /** Present when a runway target is checked: the capacity plan (`nines plan`). */
  readonly plan?: PlanResult | undefined;
  /** The SLO figures for errorBudget and budgetExhaustionProbability targets (`nines slo`). */
  readonly slo?: SloGateFigures | undefined;
};

/**
 * What SLO targets are measured against: the share of the budget the design consumes and the
 * simulated probability that a window exhausts it (the worst window length of a calendar
 * window), or why they cannot be measured (no objective, static components).
 */
export type SloGateFigures = {
  readonly budgetShare: number | { readonly missing: string };
  readonly exhaustion:
    | { readonly estimate: number; readonly ci: readonly [number, number]; readonly trials: number }
    | { readonly missing: string };
};

/**
 * How a Monte Carlo interval decides a target: `pessimistic` (default) passes only when the
 * unfavourable 95% bound meets the target and is inconclusive when the interval straddles it;
 * `point` decides on the estimate alone; `optimistic` passes when the favourable bound meets it.
 */
export type McDecision = 'pessimistic' | 'point' | 'optimistic';

export type GateOptions = { readonly mcDecision?: McDecision };

export type GateStatus = 'pass' | 'fail' | 'warn' | 'inconclusive';

/** The Monte Carlo evidence behind a simulated record. */
export type McEvidence = {
  /** Estimate and 95% interval of the compared quantity (unavailability for availability). */
  readonly estimate: number;
  readonly ci: readonly [number, number];
  readonly trials: number;
  readonly decision: McDecision;
  /** The value the decision used: the unfavourable bound, the estimate, or the favourable bound. */
  readonly decidingValue: number;
  /** True when the interval contains the threshold. */
  readonly straddles: boolean;
  /** Trials that would shrink the interval clear of the threshold; null when it cannot. */
  readonly trialsNeeded: number | null;
  /**
   * Set when the simulation flags its own figure (disagreement with the analytic engine, a
   * degenerate interval, a too small effective sample size): the record is inconclusive.
   */
  readonly inconclusiveReason?: string;
};

/** One checked target. */
export type GateRecord = {
  /** `availability`, `rpo[region]`, `availability[db]` (with `#2` when repeated). */
  readonly id: string;
  readonly metric: TargetMetric;
  readonly scenario?: Scenario;
  readonly tier?: string;
  readonly operator: '>=' | '<=';
  /** In base units: a fraction, seconds, bytes or a count per year. */
  readonly threshold: number;
  /** availability, durability: the exact 1 − threshold the comparison uses. */
  readonly thresholdComplement?: number;
  /** null when the figure does not exist (no data section, not recoverable, unknown tier). */
  readonly actual: number | null;
  /** availability, durability: the unavailability / annual loss probability compared. */
  readonly actualComplement?: number | null;
  /** rpo, rto, dataAtRisk over every scenario: the scenario that gave the worst (actual) value. */
  readonly worstScenario?: Scenario;
  readonly level: TargetLevel;
  readonly status: GateStatus;
  /** Which engine gave the figure. */
  readonly method: 'analytic' | 'simulate';
  readonly source: TargetSource;
  readonly message: string;
  readonly monteCarlo?: McEvidence;
  /** An analytic figure that is not exact: the rigorous interval of the compared quantity. */
  readonly analyticBound?: { readonly lower: number; readonly upper: number; readonly straddles: boolean };
};

/** pass: every target met; warn: met but for warn-level targets; fail; inconclusive. */
export type GateStatusOverall = 'pass' | 'warn' | 'fail' | 'inconclusive';

export type GateSummary = {
  readonly total: number;
  readonly passed: number;
  readonly failed: number;
  readonly warnings: number;
  readonly inconclusive: number;
};

export type GateResult = {
  readonly status: GateStatusOverall;
  readonly records: readonly GateRecord[];
  readonly summary: GateSummary;
};
