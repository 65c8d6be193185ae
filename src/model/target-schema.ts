/**
 * The model schema's part for the target metrics, built from the registry (src/model/metrics.ts)
 * and the metrics' schema words (src/model/metric-docs.ts): each metric's `<metric>Target`
 * definition and its `targets` property. `npm run schema:targets` writes them into
 * schemas/model.schema.json; test/schemas/target-schema.test.ts holds the file equal to this.
 */
import { type MetricDoc, metricDoc } from './metric-docs.js';
import { METRIC_NAMES, type MetricParse, metricSpec, SCENARIOS, shorthandOf, type TargetMetric } from './metrics.js';

/** A JSON value, as the schema file holds it. */
type Json = string | number | boolean | null | readonly Json[] | { readonly [key: string]: Json };
type JsonObject = { readonly [key: string]: Json };

/** How a threshold of each parse kind is written in the schema. */
type ValueType = {
  /** The kind of value, in descriptions: "a duration". */
  readonly word: string;
  /** The schema of a bare threshold. */
  readonly shorthand: JsonObject;
  /** The schema of a bound with its description. */
  readonly bound: (description: string) => JsonObject;
  /** Instead of "(word) … e.g. X": the ways of writing a bound, with its example. */
  readonly hint?: (example: string) => string;
};

const ref = (name: string): JsonObject => ({ $ref: `#/definitions/${name}` });
const byRef = (word: string, name: string): ValueType => ({
  word,
  shorthand: ref(name),
  bound: (description) => ({ description, allOf: [ref(name)] }),
});
const amount: JsonObject = { type: 'number', minimum: 0, description: 'an amount per month' };

const VALUE_TYPES: Record<MetricParse, ValueType> = {
  fraction: byRef('an availability', 'availability'),
  duration: byRef('a duration', 'duration'),
  size: byRef('a size', 'size'),
  share: byRef('a fraction', 'fraction'),
  count: {
    word: 'a number',
    shorthand: { type: 'number', minimum: 0, description: 'a number' },
    bound: (description) => ({ type: 'number', minimum: 0, description }),
  },
  cost: {
    word: 'an amount per month or a price per time',
    shorthand: { anyOf: [amount, ref('costRate')] },
    bound: (description) => ({ description, anyOf: [amount, ref('costRate')] }),
    hint: (example) => `an amount per month (e.g. ${example}) or a price per time (e.g. "7/h")`,
  },
};

const LEVEL: JsonObject = {
  description: 'error (default): a miss fails `nines check`; warn: reported only, e.g. warn.',
  default: 'error',
  allOf: [ref('targetLevel')],
};

/** The `[SCOPE]` field of a target mapping, if the metric has one. */
function scopeField(metric: TargetMetric): Record<string, JsonObject> {
  switch (metricSpec(metric).scope) {
    case 'tier':
      return {
        tier: {
          description: `Check one tier's ${metric} instead of the service's, e.g. "gateway".`,
          allOf: [ref('name')],
        },
      };
    case 'scenario':
      return {
        scenario: {
          description: `The disruption this ${metric} target is for: ${SCENARIOS.join(' | ')}, e.g. region. Omitted: the worst over all scenarios.`,
          allOf: [ref('scenario')],
        },
      };
    case 'none':
      return {};
  }
}

/** A bound's schema: "Upper bound (a size): the dataAtRisk must be ≤ max, e.g. "10 GB"." */
function boundSchema(metric: TargetMetric, side: 'min' | 'max'): JsonObject {
  const doc: MetricDoc = metricDoc(metric);
  const type = VALUE_TYPES[metricSpec(metric).parse];
  const example = JSON.stringify(doc.examples[side]);
  const bound = `${side === 'min' ? 'Lower' : 'Upper'} bound`;
  const rule = `${doc.subject ?? `the ${metric}`} must be ${side === 'min' ? '≥' : '≤'} ${side}`;
  return type.bound(
    type.hint ? `${bound}: ${rule}, ${type.hint(example)}.` : `${bound} (${type.word}): ${rule}, e.g. ${example}.`,
  );
}

/** The target mapping `{min | max, level, SCOPE}` with exactly one bound (`{min, level}` for a lower-bound-only metric). */
function mappingSchema(metric: TargetMetric): JsonObject {
  if (metricDoc(metric).bounds === 'lower')
    return {
      type: 'object',
      description: 'a target mapping {min, level}',
      properties: { min: boundSchema(metric, 'min'), level: LEVEL },
      required: ['min'],
      additionalProperties: false,
    };
  const scope = scopeField(metric);
  return {
    type: 'object',
    description: `a target mapping {${['min | max', 'level', ...Object.keys(scope)].join(', ')}}`,
    allOf: [
      {
        properties: { min: boundSchema(metric, 'min'), max: boundSchema(metric, 'max'), level: LEVEL, ...scope },
        additionalProperties: false,
      },
      { oneOf: [{ required: ['min'] }, { required: ['max'] }] },
    ],
  };
}

/** The `<metric>Target` definition: a bare threshold, a mapping, or (unless lower-bound-only) a list of these. */
function targetDefinition(metric: TargetMetric): JsonObject {
  const doc = metricDoc(metric);
  const type = VALUE_TYPES[metricSpec(metric).parse];
  const meaning = `${doc.description}: ${type.word} meaning {${shorthandOf(metric)}: value, level: error}`;
  const choices = [type.shorthand, mappingSchema(metric)];
  if (doc.bounds === 'lower') return { description: `${meaning}, or a mapping {min, level}.`, anyOf: choices };
  return {
    description: `${meaning}, a target mapping with exactly one of min or max, or a list of these.`,
    anyOf: [...choices, { type: 'array', minItems: 1, description: 'a list of targets', items: { anyOf: choices } }],
  };
}

/** The metric's entry in `targets.properties`: "…, e.g. "4 h", which means {max: "4 h", level: error}." */
function targetProperty(metric: TargetMetric): JsonObject {
  const doc = metricDoc(metric);
  const side = shorthandOf(metric);
  const example = JSON.stringify(doc.examples[side]);
  const list = metricSpec(metric).scope === 'scenario' ? ' Give a list for one target per scenario.' : '';
  return {
    description: `${doc.property ?? doc.description}, e.g. ${example}, which means {${side}: ${example}, level: error}${doc.note ?? '.'}${list}`,
    allOf: [ref(`${metric}Target`)],
  };
}

/** Every metric's `<metric>Target` definition and `targets` property, in registry order. */
export function targetSchemas(): {
  readonly definitions: Record<string, JsonObject>;
  readonly properties: Record<string, JsonObject>;
} {
  const definitions: Record<string, JsonObject> = {};
  const properties: Record<string, JsonObject> = {};
  for (const metric of METRIC_NAMES) {
    definitions[`${metric}Target`] = targetDefinition(metric);
    properties[metric] = targetProperty(metric);
  }
  return { definitions, properties };
}
