import { describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';
import { reportSchemaErrors } from './gate-schema.js';

const DB = 'models/database-dr.yaml';

describe('nines compare', () => {
  it('side by side in text; exit 0 without --fail-on-regression even when worse', async () => {
    const r = await runCli(['compare', DB, DB, '--set', 'tiers.db.nodes=1']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/│ availability +│ 99\.999\d+% +│ 99\.99\d+% +│ .*REGRESSION/);
    expect(r.stdout).toMatch(/Regressions beyond the tolerance 0%: availability/);
  });

  it('--fail-on-regression exits 1 on a regression, 0 within --tolerance or on an improvement', async () => {
    expect((await runCli(['compare', DB, DB, '--set', 'tiers.db.nodes=1', '--fail-on-regression'])).code).toBe(1);
    // Five db nodes (3 of 5 by majority): availability improves, data figures are unchanged.
    const better = await runCli(['compare', DB, DB, '--set', 'tiers.db.nodes=5', '--fail-on-regression', '--json']);
    expect(better.code).toBe(0);
    const same = await runCli(['compare', DB, DB, '--fail-on-regression', '--json']);
    expect(same.code).toBe(0);
    const doc = JSON.parse(same.stdout) as { compare: { regressed: boolean; metrics: { change: string }[] } };
    expect(doc.compare.regressed).toBe(false);
    expect(doc.compare.metrics.every((m) => m.change === 'same')).toBe(true);
  });

  it('--json: one document with both sides, the rows, the overrides; valid against the report schema', async () => {
    const r = await runCli([
      'compare',
      DB,
      DB,
      '--set',
      'data.copies=[]',
      '--fail-on-regression',
      '--tolerance',
      '1%',
      '--json',
    ]);
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout) as Record<string, unknown> & {
      compare: { tolerance: number; metrics: { id: string; base: number; candidate: number; regression: boolean }[] };
    };
    expect(reportSchemaErrors(doc)).toBe('');
    expect(doc).toMatchObject({ command: 'compare', exitCode: 1, overrides: { set: ['data.copies=[]'], fail: [] } });
    expect(doc.compare.tolerance).toBe(0.01);
    // Without the DR copy a region loss falls back to the nightly backup: RPO 30 s → 24 h + 2 h.
    expect(doc.compare.metrics.find((m) => m.id === 'rpo[region]')).toMatchObject({
      base: 30,
      candidate: 26 * 3600,
      regression: true,
    });
  });

  it('--format markdown (snapshot)', async () => {
    const node = (mttr: string): string =>
      `name: n\ntiers:\n  - { name: web, nodes: 1, failure: { mtbf: 999 h, mttr: ${mttr} } }\n`;
    const r = await runCli(['compare', '-', 'models/minimal.yaml', '--format', 'markdown'], { stdin: node('1 h') });
    expect(r.stdout).toMatchInlineSnapshot(`
      "### nines compare: n → minimal

      &lt;stdin&gt; → models/minimal.yaml

      | Figure | Base | Candidate | Δ | Change |
      | --- | --- | --- | --- | --- |
      | \`availability\` | 99.90% | 99.9997% | +0.0997 pp (−99.7% downtime) | 🟢 better |
      | \`nines\` | 3.00 | 5.52 | +2.52 | 🟢 better |
      | \`downtimePerYear\` | 8.76 h | 1.58 min | −8.73 h (−99.7%) | 🟢 better |
      | \`outagesPerYear\` | 8.76/y | 0.0525/y | −8.71/y (−99.4%) | 🟢 better |

      Nothing got worse.
      "
    `);
  });

  it('bad input exits 2: an invalid side, both from stdin, a bad tolerance', async () => {
    const bad = await runCli(['compare', DB, '-', '--json'], { stdin: 'name: x\ntiers: []\n' });
    expect(bad.code).toBe(2);
    expect(reportSchemaErrors(JSON.parse(bad.stdout))).toBe('');
    expect((await runCli(['compare', '-', '-'], { stdin: 'name: x\n' })).code).toBe(2);
    expect((await runCli(['compare', DB, DB, '--tolerance', '-1'])).code).toBe(2);
  });
});
