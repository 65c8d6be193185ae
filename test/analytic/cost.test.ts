import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeModel } from '../../src/analytic/analyze-model.js';
import { loadModelText } from '../../src/config/load.js';
import type { Model } from '../../src/model/types.js';
import { runCli } from '../support/run-cli.js';

function load(text: string): Model {
  const result = loadModelText(text);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.value;
}

const cents = (x: number): number => Math.round(x * 100) / 100;

describe('cost', () => {
  it('inference-3az adds up by hand, to the cent', () => {
    // Per month (720 h): gateway 6 × 0.17 × 720 = 734.40; inference 12 × 98.32 × 720 =
    // 849,484.80; model-cache 3 × 1.25 × 720 = 2,700.00; artifact-store 1 × 50 = 50.00.
    // Total 852,969.20; per year × 365/30 = 10,377,791.93.
    const cost = analyzeModel(load(readFileSync('models/inference-3az.yaml', 'utf8'))).cost;
    expect(cost?.parts.map((p) => [p.name, cents(p.perMonth)])).toEqual([
      ['gateway', 734.4],
      ['inference', 849_484.8],
      ['model-cache', 2_700],
      ['artifact-store', 50],
    ]);
    expect(cents(cost?.perMonth ?? 0)).toBe(852_969.2);
    expect(cents(cost?.perYear ?? 0)).toBe(10_377_791.93);
  });

  it('database-dr: tier, live data and DR copy by hand; backups = their stored bytes × price', () => {
    // db 3 × 0.96 × 720 = 2,073.60; live data S(1 y) = 2 TB × 1.2 = 2.4 TB × 3 replicas × 80 =
    // 576.00; DR replica 2.4 TB × 80 + 700 = 892.00.
    const analysis = analyzeModel(load(readFileSync('models/database-dr.yaml', 'utf8')));
    const cost = analysis.cost;
    const byPart = (kind: string, basis: string): number =>
      cents(cost?.parts.find((p) => p.kind === kind && p.basis === basis)?.perMonth ?? NaN);
    expect(byPart('tier', 'nodes')).toBe(2_073.6);
    expect(byPart('data', 'stored')).toBe(576);
    expect(byPart('copy', 'stored') + byPart('copy', 'fixed')).toBe(892);
    const stored = analysis.dataProtection?.backups[0]?.storageBytes ?? NaN;
    expect(byPart('backup', 'stored')).toBe(cents((stored / 1e12) * 6));
    expect(cost?.perMonth).toBeCloseTo(2_073.6 + 576 + 892 + (stored / 1e12) * 6, 9);
    // Cost per nine = monthly cost ÷ −log10(q) of the service.
    expect(cost?.perNinePerMonth).toBeCloseTo(
      (cost?.perMonth ?? 0) / -Math.log10(analysis.availability.service.unavailability),
      9,
    );
  });

  it('erasure-coded live data is billed (k + m) / k times; zones and regions at their fixed price', () => {
    const model = load(`
name: ec
regions: [{ name: r, cost: { fixed: 300/month } }]
zones: [{ name: z, region: r, cost: { fixed: 1/h } }]
tiers: [{ name: store, nodes: 10, failure: { afr: 2%, mttr: 1 d } }]
data:
  tier: store
  size: 10 TB
  cost: { stored: 10/TB-month }
  durability: { scheme: { erasure: { data: 8, parity: 2 } }, shardFailure: { afr: 1% }, rebuild: 1 d }
`);
    // 10 TB × 10/8 × 10 = 125.00; zone 1 × 720 = 720.00; region 300.00 → 1,145.00.
    const cost = analyzeModel(model).cost;
    expect(cost?.parts.map((p) => [p.kind, cents(p.perMonth)])).toEqual([
      ['region', 300],
      ['zone', 720],
      ['data', 125],
    ]);
    expect(cents(cost?.perMonth ?? 0)).toBe(1_145);
  });

  it('a model without prices has no cost (null in JSON)', async () => {
    expect(analyzeModel(load(readFileSync('models/minimal.yaml', 'utf8'))).cost).toBeUndefined();
    const run = await runCli(['analyze', 'models/minimal.yaml', '--json']);
    expect((JSON.parse(run.stdout) as { cost: unknown }).cost).toBeNull();
  });

  it('a price in the wrong unit is a located error, exit 2', async () => {
    const run = await runCli(['validate', '-'], {
      stdin:
        'name: x\ntiers:\n  - { name: a, nodes: 2, failure: { afr: 5%, mttr: 1 h }, cost: { perNode: 23/TB-month } }\n',
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/<stdin>:3:\d+: error: expected an amount per time .* a price per stored size/);
  });

  it('costPerMonth targets gate the total; compare shows the cost delta', async () => {
    const pass = await runCli(['check', 'models/inference-3az.yaml', '--target', 'costPerMonth<=900000', '--json']);
    const record = (
      JSON.parse(pass.stdout) as { records: { id: string; actual: number; status: string }[] }
    ).records.find((r) => r.id === 'costPerMonth');
    expect(record).toMatchObject({ status: 'pass' });
    expect(cents(record?.actual ?? 0)).toBe(852_969.2);
    // 1,200/h × 720 h = 864,000/month ≥ 852,969.20: met.
    expect((await runCli(['check', 'models/inference-3az.yaml', '--target', 'costPerMonth<=1200/h'])).code).toBe(0);
    expect((await runCli(['check', 'models/inference-3az.yaml', '--target', 'costPerMonth<=850000'])).code).toBe(1);
    const none = await runCli(['check', 'models/minimal.yaml', '--target', 'costPerMonth<=1', '--json']);
    expect(none.code).toBe(1);
    expect(none.stdout).toContain('prices nothing');
    // One more inference host: + 98.32 × 720 = 70,790.40 per month.
    const compare = await runCli([
      'compare',
      'models/inference-3az.yaml',
      'models/inference-3az.yaml',
      '--set',
      'tiers.inference.nodes={az-a: 5, az-b: 4, az-c: 4}',
      '--json',
    ]);
    const metric = (
      JSON.parse(compare.stdout) as { compare: { metrics: { id: string; delta: number; gated: boolean }[] } }
    ).compare.metrics.find((m) => m.id === 'costPerMonth');
    expect(cents(metric?.delta ?? 0)).toBe(70_790.4);
    expect(metric?.gated).toBe(false);
  });
});
