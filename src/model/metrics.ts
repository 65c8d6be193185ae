/**
 * The registry of target metrics and disruption scenarios: data only, read by the config
 * (`targets` and `--target`), the help text, the gate (figures, comparison, wording) and
 * `nines compare`. Adding a metric is one entry here, its schema words (src/model/metric-docs.ts),
 * its figure (src/gate/figures.ts), then `npm run schema:targets`, which writes its part of
 * schemas/model.schema.json from both (src/model/target-schema.ts) and its name in the report
 * schema's check record (tests hold both files to the registry), and its README rows.
 */

/** The disruptions the data-protection analysis plays, in report order. */
export const SCENARIOS = ['node', 'zone', 'region', 'corruption'] as const;
export type Scenario = (typeof SCENARIOS)[number];

/** How a threshold is read: a fraction with its exact complement, a duration, a size, … */
export type MetricParse = 'fraction' | 'duration' | 'size' | 'count' | 'share' | 'cost';
/** How a figure of the metric is written in text. */
export type MetricFormat =
  | 'percent'
  | 'nines'
  | 'duration'
  | 'bytes'
  | 'bytesPerYear'
  | 'countPerYear'
  | 'share'
  | 'costPerMonth';
/** What the `[SCOPE]` of a target names: a scenario, a tier, or nothing. */
export type MetricScope = 'none' | 'scenario' | 'tier';
/** What the figure is measured from: a target on `data` needs the model's data section. */
export type MetricSource = 'availability' | 'slo' | 'data' | 'cost' | 'plan';
/** The unit of a `nines compare` row. */
export type CompareUnit = 'fraction' | 'seconds' | 'perYear' | 'bytes' | 'nines' | 'probability' | 'share' | 'perMonth';

export type MetricSpec = {
  /**
   * Which side is favourable: a bare threshold is a minimum when higher is better
   * (`availability: 99.95%` means `{min: 99.95%}`), a maximum otherwise.
   */
  readonly better: 'higher' | 'lower';
  /** `complement`: compared through 1 − value (unavailability, annual loss probability), exactly. */
  readonly compared: 'value' | 'complement';
  readonly parse: MetricParse;
  readonly format: MetricFormat;
  readonly scope: MetricScope;
  readonly source: MetricSource;
  /**
   * A row of `nines compare` (absent: not compared): its unit, whether a worsening beyond the
   * tolerance is a regression, and whether the row shows the value or its complement.
   */
  readonly compare?: { readonly unit: CompareUnit; readonly gated: boolean; readonly shown: 'value' | 'complement' };
  /** A note after the name in the `--target` grammar of `nines check --help`. */
  readonly help?: string;
};

/**
 * Every target metric, in the order help and messages list them (`nines compare` keeps this
 * order within each source: availability, slo, data, cost).
 */
export const METRICS = {
  availability: {
    better: 'higher',
    compared: 'complement',
    parse: 'fraction',
    format: 'percent',
    scope: 'tier',
    source: 'availability',
    compare: { unit: 'fraction', gated: true, shown: 'value' },
  },
  downtimePerYear: {
    better: 'lower',
    compared: 'value',
    parse: 'duration',
    format: 'duration',
    scope: 'none',
    source: 'availability',
    compare: { unit: 'seconds', gated: true, shown: 'value' },
  },
  outagesPerYear: {
    better: 'lower',
    compared: 'value',
    parse: 'count',
    format: 'countPerYear',
    scope: 'none',
    source: 'availability',
    compare: { unit: 'perYear', gated: true, shown: 'value' },
  },
  rpo: {
    better: 'lower',
    compared: 'value',
    parse: 'duration',
    format: 'duration',
    scope: 'scenario',
    source: 'data',
    compare: { unit: 'seconds', gated: true, shown: 'value' },
  },
  rto: {
    better: 'lower',
    compared: 'value',
    parse: 'duration',
    format: 'duration',
    scope: 'scenario',
    source: 'data',
    compare: { unit: 'seconds', gated: true, shown: 'value' },
  },
  durability: {
    better: 'higher',
    compared: 'complement',
    parse: 'fraction',
    format: 'nines',
    scope: 'none',
    source: 'data',
    compare: { unit: 'probability', gated: true, shown: 'complement' },
  },
  dataAtRisk: { better: 'lower', compared: 'value', parse: 'size', format: 'bytes', scope: 'scenario', source: 'data' },
  dataLossPerYear: {
    better: 'lower',
    compared: 'value',
    parse: 'size',
    format: 'bytesPerYear',
    scope: 'none',
    source: 'data',
  },
  backupStorage: {
    better: 'lower',
    compared: 'value',
    parse: 'size',
    format: 'bytes',
    scope: 'none',
    source: 'data',
    compare: { unit: 'bytes', gated: true, shown: 'value' },
  },
  errorBudget: {
    better: 'lower',
    compared: 'value',
    parse: 'share',
    format: 'share',
    scope: 'none',
    source: 'slo',
    compare: { unit: 'share', gated: true, shown: 'value' },
    help: "the SLO budget's share the design uses",
  },
  budgetExhaustionProbability: {
    better: 'lower',
    compared: 'value',
    parse: 'share',
    format: 'share',
    scope: 'none',
    source: 'slo',
    compare: { unit: 'share', gated: true, shown: 'value' },
  },
  costPerMonth: {
    better: 'lower',
    compared: 'value',
    parse: 'cost',
    format: 'costPerMonth',
    scope: 'none',
    source: 'cost',
    // Shown with its delta, not gated: a dearer design is a choice, not a reliability regression.
    compare: { unit: 'perMonth', gated: false, shown: 'value' },
  },
  runway: { better: 'higher', compared: 'value', parse: 'duration', format: 'duration', scope: 'none', source: 'plan' },
} as const satisfies Record<string, MetricSpec>;

export type TargetMetric = keyof typeof METRICS;

/** The metric names in registry order. */
export const METRIC_NAMES = Object.keys(METRICS) as readonly TargetMetric[];

/** The registry entry of a metric. */
export function metricSpec(metric: TargetMetric): MetricSpec {
  return METRICS[metric];
}

/** What a bare threshold means: `min` when higher is better, `max` otherwise. */
export function shorthandOf(metric: TargetMetric): 'min' | 'max' {
  return METRICS[metric].better === 'higher' ? 'min' : 'max';
}

/** The metrics whose `[SCOPE]` is of the given kind, in registry order. */
export function metricsScopedBy(scope: MetricScope): readonly TargetMetric[] {
  return METRIC_NAMES.filter((m) => METRICS[m].scope === scope);
}

/** The metrics measured from the given source (`data`: those that need the data section). */
export function metricsFrom(source: MetricSource): readonly TargetMetric[] {
  return METRIC_NAMES.filter((m) => METRICS[m].source === source);
}
