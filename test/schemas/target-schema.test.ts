import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { METRIC_DOCS } from '../../src/model/metric-docs.js';
import { METRIC_NAMES, type TargetMetric } from '../../src/model/metrics.js';
import { targetSchemas } from '../../src/model/target-schema.js';

// The committed model schema's target part is what the registry generates: a metric added to
// src/model/metrics.ts (and its words to src/model/metric-docs.ts) fails here until
// `npm run schema:targets` has rewritten schemas/model.schema.json.

const file = fileURLToPath(new URL('../../schemas/model.schema.json', import.meta.url));
const schema = JSON.parse(readFileSync(file, 'utf8')) as {
  definitions: Record<string, unknown> & { targets: { properties: Record<string, unknown> } };
};
const committed = schema.definitions;
const generated = targetSchemas();
const STALE = 'schemas/model.schema.json is not what the registry generates: run `npm run schema:targets`';

describe('the target schemas generated from the registry', () => {
  it('the docs name exactly the registry metrics', () => {
    expect(Object.keys(METRIC_DOCS)).toEqual([...METRIC_NAMES]);
  });

  it('the committed schema has exactly the generated targets properties and Target definitions', () => {
    expect(Object.keys(committed.targets.properties).sort(), STALE).toEqual(Object.keys(generated.properties).sort());
    const defs = Object.keys(committed).filter((k) => k.endsWith('Target'));
    expect(defs.sort(), STALE).toEqual(Object.keys(generated.definitions).sort());
  });

  it.each(METRIC_NAMES)(
    '%s: the committed definition and property equal the generated ones',
    (metric: TargetMetric) => {
      expect(committed[`${metric}Target`], STALE).toStrictEqual(generated.definitions[`${metric}Target`]);
      expect(committed.targets.properties[metric], STALE).toStrictEqual(generated.properties[metric]);
    },
  );

  it('hand-written spot checks: the words a validation message quotes', () => {
    // Independent of the generator: today's texts as the fixtures see them.
    const rpo = generated.properties['rpo'] as { description: string };
    expect(rpo.description).toBe(
      'Recovery point objective: worst data-loss window, e.g. "15 minute", which means {max: "15 minute", level: error}. Give a list for one target per scenario.',
    );
    const runway = generated.definitions['runwayTarget'] as { description: string; anyOf: unknown[] };
    expect(runway.description).toBe(
      'Shortest capacity runway (see `nines plan`): a duration meaning {min: value, level: error}, or a mapping {min, level}.',
    );
    expect(runway.anyOf).toHaveLength(2);
  });
});
