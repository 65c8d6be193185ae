import { describe, expect, it } from 'vitest';
import { sensitivity } from '../../src/app/sensitivity/index.js';
import type { SensitivityResult } from '../../src/report/sensitivity-view.js';

const run = (text: string, targets: Parameters<typeof sensitivity>[0]['targets'] = []): SensitivityResult => {
  const r = sensitivity({ text, file: 'm.yaml', set: [], targets, fail: [] });
  if (r === undefined) throw new Error('invalid model');
  return r;
};
const row = (r: SensitivityResult, path: string) => r.rows.find((x) => x.path === path);

describe('sensitivity (elasticities by re-running with --set)', () => {
  it('one node: Q = MTTR/(MTBF + MTTR), so e(MTTR) = 1 − q and e(MTBF) = −(1 − q)', () => {
    // MTBF 999 h, MTTR 1 h: q = 0.001; ∂ln q/∂ln MTTR = MTBF/(MTBF + MTTR) = 0.999. Central
    // differences at ±1% are off by O(h²) ≈ 1e-4 (ln q is not linear in ln MTBF): 3 decimals.
    const r = run('name: one\ntiers: [{ name: t, nodes: 1, failure: { mtbf: 999 h, mttr: 1 h } }]\n');
    expect(row(r, 'tiers.t.failure.mttr')?.serviceUnavailability).toBeCloseTo(0.999, 3);
    expect(row(r, 'tiers.t.failure.mtbf')?.serviceUnavailability).toBeCloseTo(-0.999, 3);
  });

  it('two tiers in series: e(MTTR_a) = (1 − q_b)·q_a·(1 − q_a)/Q', () => {
    // q_a = 1/1000, q_b = 3/1000: Q = 1 − (0.999·0.997); ∂Q/∂q_a = 1 − q_b; ∂ln q_a/∂ln MTTR_a = 1 − q_a.
    const r = run(
      'name: two\ntiers:\n  - { name: a, nodes: 1, failure: { mtbf: 999 h, mttr: 1 h } }\n  - { name: b, nodes: 1, failure: { mtbf: 997 h, mttr: 3 h } }\n',
    );
    const qa = 0.001;
    const qb = 0.003;
    const Q = 1 - (1 - qa) * (1 - qb);
    expect(row(r, 'tiers.a.failure.mttr')?.serviceUnavailability).toBeCloseTo(((1 - qb) * qa * (1 - qa)) / Q, 4);
    expect(r.rows[0]?.path).toMatch(/^tiers\.b\.failure\./); // b carries 3/4 of Q: it leads the tornado
  });

  it("a missed RPO target's elasticity to the copy's lag is 1 (RPO = lag)", () => {
    const text = `
name: rpo
regions: [{ name: r1, failure: { mtbf: 20 year, mttr: 24 h } }, { name: r2, failure: { mtbf: 20 year, mttr: 24 h } }]
zones: [{ name: a, region: r1, failure: { mtbf: 2 year, mttr: 4 h } }]
tiers: [{ name: db, nodes: 1, failure: { afr: 5%, mttr: 4 h } }]
data:
  tier: db
  size: 1 TB
  copies: [{ name: dr, region: r2, mode: async, lag: 5 minute }]
targets:
  rpo: { max: 1 minute, scenario: region }
`;
    const r = run(text);
    expect(r.missed).toEqual(['rpo[region]']);
    expect(row(r, 'data.copies.dr.lag')?.targets[0]?.elasticity).toBeCloseTo(1, 10);
    expect(row(r, 'data.copies.dr.lag')?.serviceUnavailability).toBe(0);
  });

  it("a missed dataLossPerYear target's elasticity to the copy's lag is 1 (loss = Σ rate × change rate × lag)", () => {
    // Node (5%/y), zone (1/2 y) and region (1/20 y) losses each recover from the copy in r2 with
    // RPO = lag: loss per year = 0.6/y × (100 GB/day × 5 min) = 208 MB/y, proportional to the lag.
    const text = `
name: loss
regions: [{ name: r1, failure: { mtbf: 20 year, mttr: 24 h } }, { name: r2, failure: { mtbf: 20 year, mttr: 24 h } }]
zones: [{ name: a, region: r1, failure: { mtbf: 2 year, mttr: 4 h } }]
tiers: [{ name: db, nodes: 1, failure: { afr: 5%, mttr: 4 h } }]
data:
  tier: db
  size: 1 TB
  dailyChange: 10%
  copies: [{ name: dr, region: r2, mode: async, lag: 5 minute }]
targets:
  dataLossPerYear: { max: 1 kB }
`;
    const r = run(text);
    expect(r.missed).toEqual(['dataLossPerYear']);
    expect(row(r, 'data.copies.dr.lag')?.targets[0]?.elasticity).toBeCloseTo(1, 10);
  });
});
