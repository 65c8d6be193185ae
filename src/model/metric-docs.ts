/**
 * The words of each target metric in the model schema: data only, read by `targetSchemas()`
 * (src/model/target-schema.ts), which builds the metric's `<metric>Target` definition and its
 * `targets` property from this entry and its registry entry (src/model/metrics.ts). The texts are
 * quoted in validation messages: change one, then `npm run schema:targets`.
 */
import type { TargetMetric } from './metrics.js';

/** A threshold as the schema's examples write it: a string ("4 h") or a bare number (2). */
export type DocValue = string | number;

type Words = {
  /** What the metric is, opening the `<metric>Target` description ("Service availability"). */
  readonly description: string;
  /** What the metric is, opening its `targets` property description; default: `description`. */
  readonly property?: string;
  /** What follows `{side: example, level: error}` in the property description; default: '.'. */
  readonly note?: string;
  /** Who must meet a bound, in its description; default: `the <metric>`. */
  readonly subject?: string;
};

/**
 * A metric's schema words. `examples`: the example of each bound; the favourable side's is the
 * shorthand's example too. `bounds: 'lower'`: the target takes a lower bound only, as one value
 * or one mapping `{min, level}`, no list (a runway is a minimum by nature).
 */
export type MetricDoc = Words &
  (
    | { readonly examples: { readonly min: DocValue; readonly max: DocValue }; readonly bounds?: undefined }
    | { readonly examples: { readonly min: DocValue; readonly max?: undefined }; readonly bounds: 'lower' }
  );

/** Every metric's schema words, in registry order (the test checks both name the same metrics). */
export const METRIC_DOCS = {
  availability: { description: 'Service availability', examples: { min: '99.95%', max: '99.999%' } },
  downtimePerYear: { description: 'Expected downtime per year (365 d)', examples: { min: '0 s', max: '4 h' } },
  outagesPerYear: { description: 'Expected number of outages per year (365 d)', examples: { min: 0, max: 2 } },
  rpo: { description: 'Recovery point objective: worst data-loss window', examples: { min: '0 s', max: '15 minute' } },
  rto: { description: 'Recovery time objective: time to restore service', examples: { min: '0 s', max: '1 h' } },
  durability: { description: 'Annual durability: 1 − P(data loss in a year)', examples: { min: '11 nines', max: '1' } },
  dataAtRisk: {
    description: 'Data lost in a disruption (write rate × loss window)',
    examples: { min: '0 B', max: '10 GB' },
  },
  dataLossPerYear: {
    description: 'Expected data lost per year: Σ over disruptions with a rate of rate × data at risk',
    property: 'Expected data lost per year (Σ rate × data at risk over the disruptions with a rate)',
    examples: { min: '0 B', max: '1 GB' },
  },
  backupStorage: { description: 'Peak backup storage over the horizon', examples: { min: '0 B', max: '200 TB' } },
  errorBudget: {
    description: 'Share of the SLO error budget the design itself consumes (modelled unavailability / (1 − objective))',
    property: 'Share of the SLO error budget the design consumes',
    note: '; needs an objective (slo.objective or the availability target).',
    examples: { min: '0%', max: '50%' },
  },
  budgetExhaustionProbability: {
    description: 'Probability that one SLO window exhausts its error budget, by timeline simulation',
    property: 'Probability that an SLO window exhausts its error budget (timeline simulation, 95% bound)',
    examples: { min: '0%', max: '5%' },
  },
  costPerMonth: {
    description: 'Total cost per month (30 d)',
    property: 'Total cost per month (30 d) of the priced parts',
    note: '; a price per time such as "7/h" is converted to a month.',
    subject: 'the cost per month',
    examples: { min: 5000, max: 5000 },
  },
  runway: {
    description: 'Shortest capacity runway (see `nines plan`)',
    property: 'Capacity runway: time until the first tier or storage location runs out under its growth',
    subject: 'every runway',
    examples: { min: '6 month' },
    bounds: 'lower',
  },
} as const satisfies Record<TargetMetric, MetricDoc>;

/** The schema words of a metric. */
export function metricDoc(metric: TargetMetric): MetricDoc {
  return METRIC_DOCS[metric];
}
