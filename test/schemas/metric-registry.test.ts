import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  METRIC_NAMES,
  METRICS,
  type MetricParse,
  metricSpec,
  SCENARIOS,
  shorthandOf,
  type TargetMetric,
} from '../../src/model/metrics.js';

// The metric registry (src/model/metrics.ts) and the schemas must name the same metrics, both
// ways, with the same shorthand side, scope and value type: adding a metric to one and not the
// other fails here. (That the schema's target part is exactly what the registry generates, both
// ways: test/schemas/target-schema.test.ts; this holds the generator to a table of its own.)

const root = (relative: string): string => fileURLToPath(new URL(`../../${relative}`, import.meta.url));
type Schema = { readonly [key: string]: unknown };
const model = JSON.parse(readFileSync(root('schemas/model.schema.json'), 'utf8')) as Schema;
const report = JSON.parse(readFileSync(root('schemas/report.schema.json'), 'utf8')) as Schema;
const definitions = model['definitions'] as Record<string, Schema>;
const targets = (definitions['targets'] as { properties: Record<string, Schema> }).properties;
const readme = readFileSync(root('README.md'), 'utf8');

/** Every property name of every object schema inside a definition (its target mappings). */
function mappingFields(schema: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(schema)) for (const s of schema) mappingFields(s, out);
  else if (schema !== null && typeof schema === 'object') {
    const props = (schema as Schema)['properties'];
    if (props !== null && typeof props === 'object') for (const k of Object.keys(props)) out.add(k);
    for (const [k, v] of Object.entries(schema)) if (k !== 'properties') mappingFields(v, out);
  }
  return out;
}

/** The shorthand's schema for each way a threshold is parsed (the first branch of the target's anyOf). */
const SHORTHAND: Record<MetricParse, unknown> = {
  fraction: { $ref: '#/definitions/availability' },
  duration: { $ref: '#/definitions/duration' },
  size: { $ref: '#/definitions/size' },
  count: { type: 'number', minimum: 0, description: 'a number' },
  share: { $ref: '#/definitions/fraction' },
  cost: {
    anyOf: [{ type: 'number', minimum: 0, description: 'an amount per month' }, { $ref: '#/definitions/costRate' }],
  },
};

describe('metric registry ↔ schemas', () => {
  it.each(METRIC_NAMES)('%s: shorthand side, value type and scope agree with the registry', (metric: TargetMetric) => {
    expect(JSON.stringify(targets[metric])).toContain(`"#/definitions/${metric}Target"`);
    const def = definitions[`${metric}Target`] as { description: string; anyOf: unknown[] };
    const spec = metricSpec(metric);
    expect(def.description).toContain(`meaning {${shorthandOf(metric)}: value`);
    expect(def.anyOf[0]).toEqual(SHORTHAND[spec.parse]);
    const fields = mappingFields(def.anyOf.slice(1));
    expect(fields.has('scenario')).toBe(spec.scope === 'scenario');
    expect(fields.has('tier')).toBe(spec.scope === 'tier');
  });

  it('the scenario enum is the registry list', () => {
    expect((definitions['scenario'] as { enum: unknown }).enum).toEqual([...SCENARIOS]);
  });

  it("the report schema's check record names the registry's metrics and scenarios", () => {
    const record = (report['definitions'] as Record<string, { properties: Record<string, { enum: unknown[] }> }>)[
      'checkRecord'
    ];
    expect([...(record?.properties['metric']?.enum ?? [])].sort()).toEqual([...METRIC_NAMES].sort());
    expect(record?.properties['scenario']?.enum).toEqual([...SCENARIOS]);
  });

  it('a metric compared through its complement is a probability-like figure (higher is better)', () => {
    // 1 − value is only meaningful for a fraction in [0, 1]: availability and durability.
    for (const m of METRIC_NAMES)
      if (METRICS[m].compared === 'complement') {
        expect(metricSpec(m).parse).toBe('fraction');
        expect(metricSpec(m).better).toBe('higher');
      }
  });
});

describe('metric registry ↔ README', () => {
  it("the Targets table lists every metric once with the registry's shorthand and scope", () => {
    const section = readme.slice(readme.indexOf('### Targets'));
    const rows = [...section.matchAll(/^\| `(\w+)` \| [^|]+ \| `\{ (min|max): … \}` \| ([^|]+) \| ([^|]+) \|$/gm)];
    expect(rows.map((r) => r[1]).sort()).toEqual([...METRIC_NAMES].sort());
    for (const [, name, side, scenario, tier] of rows) {
      const metric = name as TargetMetric;
      expect(side, name).toBe(shorthandOf(metric));
      expect(scenario?.trim().startsWith('yes'), `${name} scenario`).toBe(metricSpec(metric).scope === 'scenario');
      expect(tier?.trim().startsWith('yes'), `${name} tier`).toBe(metricSpec(metric).scope === 'tier');
    }
  });

  it('the target flags table lists the metrics in registry order, and the scenarios', () => {
    expect(readme).toContain(`| \`METRIC\` | ${METRIC_NAMES.map((m) => `\`${m}\``).join(', ')} |`);
    expect(readme).toContain(`a scenario (${SCENARIOS.map((s) => `\`${s}\``).join(', ')})`);
  });
});
