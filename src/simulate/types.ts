/** Options and result of a simulation run: the result's shape is its JSON. */
import type { Distribution } from '../model/component.js';
import type { Scenario } from '../model/types.js';
import type { MechanismKind } from '../analytic/data-protection/types.js';
import type { TimelineStart } from './kernels/timeline-kernel.js';

export type SimulationMode = 'snapshot' | 'timeline' | 'both';
export type EstimatorChoice = 'auto' | 'naive' | 'importance-sampling';
export type Estimator = 'naive' | 'importance-sampling';

/** Progress after each batch of chunks: fraction of the planned work done and an ETA. */
export type Progress = { readonly fraction: number; readonly etaSeconds: number; readonly elapsedSeconds: number };

/** Analytic figures to print beside the simulated ones (from the analytic engine). */
export type AnalyticFigures = {
  readonly serviceUnavailability: number;
  /** Tier name → unavailability. */
  readonly tiers?: Readonly<Record<string, number>>;
};

export type SimulateOptions = {
  /** Default 1; echoed in the result. An integer in [0, 2^53). */
  readonly seed?: number;
  /** Snapshot trials (default 10 million); in `timeline` mode, the timeline trials. */
  readonly trials?: number;
  /** Timeline trials (simulated horizons) in `both` mode; default 100 000. */
  readonly timelineTrials?: number;
  /** Run until the 95% half-width / estimate ≤ relError (the service figure of each phase). */
  readonly relError?: number;
  /** Wall-clock budget with relError (default 10 s); stopping on time is not reproducible. */
  readonly maxTimeSeconds?: number;
  readonly workers?: 'auto' | number;
  /** Timeline horizon in years (365 d); default the model's horizon. */
  readonly years?: number;
  readonly mode?: SimulationMode;
  readonly estimator?: EstimatorChoice;
  /** Busy periods of a storage group for the durability estimate (with `model.data`); default 65 536. */
  readonly dataLossTrials?: number;
  /** Disruptions drawn per scenario for the realised RPO / RTO (with `model.data`); default 100 000. */
  readonly recoveryTrials?: number;
  /**
   * Most component draws (snapshot, importance sampling) or timeline events one phase may make;
   * default 1e9 (about 20 s of one core). A default trial count is lowered to fit, an explicit
   * one over it is refused with the count that fits.
   */
  readonly maxWork?: number;
  /** Timeline start: steady state (default) or all components new. */
  readonly start?: TimelineStart;
  readonly onProgress?: (progress: Progress) => void;
  /** The worker module (dist/simulate-worker.js by default, next to the bundle). */
  readonly workerUrl?: URL;
  /** The clock, seconds; default performance.now() / 1000. */
  readonly now?: () => number;
};

/** A proportion estimated from trials. */
export type ProportionEstimate = {
  readonly estimate: number;
  readonly stdErr: number;
  readonly ci: readonly [number, number];
  readonly trials: number;
  readonly events: number;
  /** With zero events: the rule-of-three 95% upper bound 3/N (Hanley & Lippman-Hand 1983). */
  readonly upperBound?: number;
};

/** A quantile with a distribution-free 95% interval. */
export type QuantileEstimate = { readonly estimate: number; readonly ci: readonly [number, number] };

/** An unavailability estimate with the estimator that produced it and the analytic cross-check. */
export type UnavailabilityEstimate = ProportionEstimate & {
  readonly estimator: Estimator;
  /** Importance sampling: Kish effective sample size of the event's weights, (ΣW)²/ΣW². */
  readonly effectiveSampleSize?: number;
  /** Importance sampling: naive variance p(1−p)/N over the achieved variance. */
  readonly varianceReduction?: number;
  readonly analytic?: number;
  /** |estimate − analytic| ≤ 4 standard errors. */
  readonly agrees?: boolean;
};

export type Quantiles = {
  readonly mean: number;
  readonly p50: number;
  readonly p90: number;
  readonly p99: number;
  readonly p999: number;
  readonly max: number;
};

export type SimulationResult = {
  readonly version: 1;
  readonly generator: string;
  readonly seed: number;
  readonly chunkSize: {
    readonly snapshot: number;
    readonly importance: number;
    readonly timeline: number;
    readonly durability: number;
  };
  /** Snapshot trials (or timeline trials when only the timeline ran). */
  readonly trials: number;
  readonly method: 'snapshot' | 'timeline' | 'snapshot+timeline';
  /** The service figure's estimator. */
  readonly estimator: Estimator;
  readonly effectiveSampleSize: number;
  readonly varianceReduction: number;
  readonly stoppedBy: 'trials' | 'relError' | 'maxTime';
  readonly service: { readonly unavailability: UnavailabilityEstimate };
  readonly tiers: readonly { readonly name: string; readonly unavailability: UnavailabilityEstimate }[];
  readonly timeline?: TimelineSummary;
  /** Per simulated year (downtime / years), seconds. */
  readonly annualDowntimeSeconds?: Quantiles;
  readonly outagesPerYear?: Quantiles & {
    readonly histogram: readonly { readonly outages: number; readonly trials: number }[];
  };
  readonly longestOutageSeconds?: Quantiles;
  /** Annual downtime histogram: a bin for zero, then log-spaced bins up to the maximum. */
  readonly annualDowntimeHistogram?: readonly {
    readonly fromSeconds: number;
    readonly toSeconds: number;
    readonly trials: number;
  }[];
  /** P(a simulated year's availability misses the model's availability target). */
  readonly missProbability?: ProportionEstimate & { readonly target: number };
  /** With `model.data`: simulated durability and realised RPO / RTO per disruption scenario. */
  readonly dataLoss?: DataLossResult;
  /** Per failover node of the structure (timeline): realised switchovers. */
  readonly failovers?: readonly FailoverSummary[];
  readonly notes: readonly string[];
};

/** A failover node on the timeline: primary failures, realised RTO, its downtime. */
export type FailoverSummary = {
  /** Switchovers started (primary failures) over all trials. */
  readonly switchovers: number;
  /** The node's down time per primary failure (switchover included); null without one. */
  readonly meanRealisedRtoSeconds: number | null;
  /** The node's down time per simulated year. */
  readonly downtimeSecondsPerYear: number;
};

/** An estimate with a standard error, a 95% interval and the analytic figure beside it. */
export type CheckedEstimate = {
  readonly estimate: number;
  readonly stdErr: number;
  readonly ci: readonly [number, number];
  /** With zero loss events: the 95% upper bound from the rule of three (3/N busy periods). */
  readonly upperBound?: number;
  readonly analytic?: number;
  /** Within 4 standard errors of the analytic figure (zero events: analytic ≤ upperBound). */
  readonly agrees?: boolean;
};

export type DurabilitySimulation = {
  readonly estimator: Estimator;
  /** Regenerative: busy periods simulated, idle periods Exp(nλ) exact. */
  readonly method: 'busy-periods';
  readonly shards: number;
  readonly toleratedFailures: number;
  readonly groups: number;
  readonly failureRatePerSecond: number;
  readonly rebuildSeconds: number;
  readonly rebuildDistribution: Distribution['type'];
  /** Rebuilds run one at a time (the analytic Markov model's convention). */
  readonly rebuilds: 'one-at-a-time';
  /** P(a busy period ends in data loss), one group. */
  readonly busyPeriodLoss: ProportionEstimate & {
    readonly effectiveSampleSize?: number;
    readonly varianceReduction?: number;
  };
  /** Mean busy period (until rebuilt or lost), from unbiased busy periods. */
  readonly meanBusyPeriodSeconds: {
    readonly estimate: number;
    readonly stdErr: number;
    readonly ci: readonly [number, number];
    readonly trials: number;
  };
  /** Loss events per year over all groups: G·year·p / (1/(nλ) + E[B]); analytic: year / Markov MTTDL. */
  readonly eventsPerYear: CheckedEstimate;
  /** P(loss within the horizon) = 1 − e^(−G·H·p/E[cycle]); analytic: 1 − e^(−H / Markov MTTDL). */
  readonly lossWithinHorizon: CheckedEstimate & { readonly horizonSeconds: number };
  /** MTTDL over all groups (only with loss events), seconds. */
  readonly mttdlSeconds?: { readonly estimate: number; readonly ci: readonly [number, number] };
  /** The analytic engine's figures (src/analytic/data-protection) for the same group. */
  readonly analytic: {
    readonly markovMttdlSeconds: number;
    readonly markovAnnualLossProbability: number;
    readonly windowAnnualLossProbability: number;
    /** The Markov model applies: exponential rebuilds (lifetimes are exponential here). */
    readonly markovApplies: boolean;
  };
};

/** A distribution over simulated disruptions: mean with its SE, percentiles with order-statistic intervals. */
export type DistributionSummary = {
  readonly mean: { readonly estimate: number; readonly stdErr: number; readonly ci: readonly [number, number] };
  readonly p50: QuantileEstimate;
  readonly p90: QuantileEstimate;
  readonly p99: QuantileEstimate;
  readonly max: number;
};

export type RecoverySimulation = {
  readonly scenario: Scenario;
  readonly failureDomain: string;
  readonly survives: boolean;
  /** Disruptions drawn (0 when nothing survives the scenario). */
  readonly disruptions: number;
  readonly rpoSeconds?: DistributionSummary;
  readonly rtoSeconds?: DistributionSummary;
  /** Share of the disruptions each surviving mechanism recovered. */
  readonly recoveredBy: readonly { readonly kind: MechanismKind; readonly name: string; readonly share: number }[];
  /** The analytic engine's worst and expected RPO and its RTO for the scenario. */
  readonly analytic: {
    readonly rpoSeconds: number | null;
    readonly rpoExpectedSeconds: number | null;
    readonly rtoSeconds: number | null;
  };
};

export type DataLossResult = {
  readonly durability?: DurabilitySimulation;
  readonly recovery: readonly RecoverySimulation[];
};

export type TimelineSummary = {
  readonly trials: number;
  readonly years: number;
  readonly start: TimelineStart;
  /** Time-average service unavailability over the horizon (i.i.d. horizons as batches). */
  readonly unavailability: {
    readonly estimate: number;
    readonly stdErr: number;
    readonly ci: readonly [number, number];
    readonly trials: number;
    readonly upperBound?: number;
    readonly analytic?: number;
    readonly agrees?: boolean;
  };
  /** P(at least one service outage within the horizon). */
  readonly outageWithinHorizon: ProportionEstimate;
};
