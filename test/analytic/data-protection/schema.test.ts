import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { analyzeDataProtection } from '../../../src/analytic/data-protection/index.js';
import { backup, data, DAY, model, tier } from './model-fixture.js';

const schema = JSON.parse(readFileSync(new URL('../../../schemas/report.schema.json', import.meta.url), 'utf8'));
const ajv = new Ajv2020({ strict: true, allErrors: true });
ajv.addSchema(schema);
const validate = ajv.compile({ $ref: `${schema.$id}#/definitions/dataProtection` });

describe('dataProtection JSON matches schemas/report.schema.json', () => {
  const cases = {
    'copies, backups, durability': analyzeDataProtection(
      model({
        tier: tier([
          { zone: 'east-a', count: 1 },
          { zone: 'east-b', count: 1 },
        ]),
        data: data({
          copies: [{ name: 'dr', location: { kind: 'region', name: 'west' }, mode: 'async', lagSeconds: 60 }],
          backups: [
            backup({ name: 'nightly', location: { kind: 'zone', name: 'east-b' } }),
            backup({
              name: 'weekly',
              location: { kind: 'offsite' },
              method: 'differential',
              fullEverySeconds: 7 * DAY,
            }),
          ],
        }),
      }),
    ),
    'not recoverable, no durability': analyzeDataProtection(
      model({
        tier: { ...tier([{ zone: 'east-a', count: 1 }]), failure: { ...tier([]).failure, failureRate: undefined } },
        data: data({}),
        recovery: undefined,
      }),
    ),
  };
  for (const [name, result] of Object.entries(cases)) {
    it(name, () => {
      // Through JSON, as the CLI prints it: an Infinity or NaN would become null and fail.
      const json = JSON.parse(JSON.stringify(result));
      const ok = validate(json);
      expect(validate.errors ?? []).toEqual([]);
      expect(ok).toBe(true);
    });
  }

  it('the second case really is not recoverable and has no durability', () => {
    const r = cases['not recoverable, no durability'];
    expect(r?.durability).toBeNull();
    expect(r?.scenarios.every((s) => !s.survives)).toBe(true);
    expect(r?.notes.some((n) => n.includes('no recovery plan'))).toBe(true);
  });

  it('rejects an infinite figure (it turns into null in JSON)', () => {
    const r = cases['copies, backups, durability'];
    const broken = JSON.parse(
      JSON.stringify({ ...r, scenarios: r?.scenarios.map((s) => ({ ...s, rtoSeconds: Infinity })) }),
    );
    expect(validate(broken)).toBe(true); // null is allowed for rtoSeconds (not recoverable)…
    const bad = JSON.parse(JSON.stringify({ ...r, sizeAtHorizonBytes: Infinity }));
    expect(validate(bad)).toBe(false); // …but never for a figure that always exists.
  });
});
