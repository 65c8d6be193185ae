import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { analyzeAvailability } from '../../../src/analytic/availability/index.js';
import { SECONDS_PER_HOUR } from '../../../src/units/conventions.js';
import { model, p, r, tier } from './build-model.js';

const schema = JSON.parse(
  readFileSync(fileURLToPath(new URL('../../../schemas/report.schema.json', import.meta.url)), 'utf8'),
) as object;
const validate = new Ajv2020({ strict: true, allErrors: true }).compile(schema);
const doc = (result: unknown): unknown => ({
  schemaVersion: 1,
  command: 'analyze',
  tool: { name: 'nines', version: '0.1.0' },
  ...(JSON.parse(JSON.stringify(result)) as object),
});
const H = SECONDS_PER_HOUR;

describe('availability JSON', () => {
  it('validates against schemas/report.schema.json (zones, regions, capacity, risks, warnings, nulls)', () => {
    const full = analyzeAvailability(
      model({
        regions: [{ name: 'r', failure: r(50_000 * H, 6 * H) }, { name: 'empty' }],
        zones: [
          { name: 'a', region: 'r', failure: r(9_999 * H, H) },
          { name: 'b', region: 'r', failure: r(9_999 * H, H) },
          { name: 'c' },
        ],
        tiers: [
          tier('web', {
            nodes: 6,
            k: 3,
            failure: r(999 * H, H),
            zones: ['a', 'b', 'c'],
            capacity: { perNode: 10, demand: 45 },
          }),
          tier('db', { nodes: 1, failure: r(5_000 * H, 2 * H), zones: ['a'] }),
        ],
      }),
    );
    expect(full.risks.length).toBeGreaterThan(0);
    expect(full.warnings.length).toBeGreaterThan(0);
    expect(validate(doc(full)), JSON.stringify(validate.errors)).toBe(true);
    // Static specs: frequency figures are null; a perfect service has null nines.
    const stat = analyzeAvailability(model({ tiers: [tier('t', { failure: p(0.01) })] }));
    expect(stat.service.outagesPerYear).toBeNull();
    expect(validate(doc(stat)), JSON.stringify(validate.errors)).toBe(true);
    expect(validate(doc({ ...full, service: { ...full.service, extra: 1 } }))).toBe(false);
  });
});
