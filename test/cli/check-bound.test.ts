import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';
import { reportSchemaErrors } from './gate-schema.js';

// 30 zones at p = 0.01 that all hold different numbers of nodes (zone i: i + 1), so they do not
// collapse: 2³⁰ states, past the exact budget. The analytic figure is then a bound.
const zones = Array.from({ length: 30 }, (_, i) => `  - { name: z${i}, failure: { probability: 0.01 } }`).join('\n');
const nodes = Array.from({ length: 30 }, (_, i) => `z${i}: ${i + 1}`).join(', ');
const MODEL = `name: thirty-zones
zones:
${zones}
tiers:
  - name: app
    nodes: { ${nodes} }
    failure: { availability: 99.9%, mttr: 1 h }
    minHealthy: 400
`;

describe('nines check on a model past the exact budget', () => {
  it('the bound is in the JSON; a target inside it is inconclusive (exit 3), with the reason', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nines-bound-'));
    const file = join(dir, 'thirty.yaml');
    writeFileSync(file, MODEL);
    const analysis = JSON.parse((await runCli(['analyze', file, '--json'])).stdout) as {
      service: {
        exact: boolean;
        unavailability: number;
        unavailabilityBounds: { lower: number; upper: number; width: number };
      };
    };
    const b = analysis.service.unavailabilityBounds;
    expect(analysis.service.exact).toBe(false);
    expect(b.width).toBeGreaterThan(0);
    expect(analysis.service.unavailability).toBe(b.lower);
    const text = await runCli(['analyze', file]);
    expect(text.stdout).toMatch(/Not exact:[\s\S]*the unavailability lies in/);
    const inside = `availability>=${(1 - (b.lower + b.upper) / 2) * 100}%`;
    const r = await runCli(['check', file, '--target', inside, '--json']);
    expect(r.code).toBe(3);
    const doc = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(reportSchemaErrors(doc)).toBe('');
    const rec = (doc['records'] as { status: string; message: string; analyticBound: unknown }[])[0];
    expect(rec?.status).toBe('inconclusive');
    expect(rec?.message).toMatch(/the analytic figure is a bound/);
    expect(rec?.analyticBound).toEqual({ lower: b.lower, upper: b.upper, straddles: true });
    const below = `availability>=${(1 - b.lower / 2) * 100}%`;
    const above = `availability>=${(1 - b.upper * 2) * 100}%`;
    expect((await runCli(['check', file, '--target', below])).code).toBe(1);
    expect((await runCli(['check', file, '--target', above])).code).toBe(0);
  }, 60_000);
});
