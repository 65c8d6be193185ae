import { describe, expect, it } from 'vitest';
import { analyzeModel } from '../../../src/analytic/analyze-model.js';
import { nodeCopies, survivesNodeLoss } from '../../../src/analytic/data-protection/replicas.js';
import { loadModelText } from '../../../src/config/load.js';
import type { Model } from '../../../src/model/types.js';

const load = (text: string): Model => {
  const r = loadModelText(text);
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.value;
};

// Issue 10, class 7: the data tier's nodes are replicas only as far as the data says.
describe('which node losses the data survives', () => {
  it('a 14 + 4 code with 6 shards per zone: a node loss is survivable, a zone loss is not', () => {
    // 18 nodes, 6 per zone, one shard each: a zone holds ⌈18·6/18⌉ = 6 shards > m = 4.
    const m = load(`
name: ec
zones: [{ name: a, failure: { mtbf: 2 year, mttr: 4 h } }, { name: b, failure: { mtbf: 2 year, mttr: 4 h } }, { name: c, failure: { mtbf: 2 year, mttr: 4 h } }]
tiers:
  - { name: store, nodes: 18, failure: { afr: 2%, mttr: 1 d }, minHealthy: 14 }
data:
  tier: store
  size: 1 PB
  replication: { mode: sync }
  durability: { scheme: { erasure: { data: 14, parity: 4 } }, shardFailure: { afr: 1% }, rebuild: 1 d }
`);
    const scenarios = analyzeModel(m).dataProtection?.scenarios ?? [];
    const zone = scenarios.find((s) => s.scenario === 'zone');
    const node = scenarios.find((s) => s.scenario === 'node');
    expect(node).toMatchObject({ survives: true, recoveredBy: { kind: 'replica' }, rpoSeconds: 0 });
    expect(zone?.survives).toBe(false);
    expect(zone?.rpoSeconds).toBeNull();
    // One section, one answer: the availability section also calls the zone loss an outage.
    expect(analyzeModel(m).availability.zones.find((z) => z.name === 'a')?.serviceSurvivesLoss).toBe(false);
  });

  it('1000 accelerators with minHealthy: all hold one copy: no replica survives a node loss, durability is one drive', () => {
    const m = load(`
name: gpus
tiers:
  - { name: gpu, nodes: 1000, failure: { afr: 10%, mttr: 1 d }, minHealthy: all }
data: { tier: gpu, size: 1 TB, replication: { mode: sync } }
`);
    const dp = analyzeModel(m).dataProtection;
    expect(dp?.scenarios.find((s) => s.scenario === 'node')?.survives).toBe(false);
    // r = n − k + 1 = 1 replica: the window model's annual loss is P(the one drive fails in a
    // 1-day window) over 365 windows: 1 − (e^(−0.1/365))^365 = 1 − e^(−0.1) = 0.0952.
    expect(dp?.durability?.shards).toBe(1);
    expect(dp?.durability?.annualLossProbability).toBeCloseTo(-Math.expm1(-0.1), 10);
  });

  it('a 3-node majority tier implies 2 replicas: survives one node or one of three zones', () => {
    const copies = nodeCopies({ durability: undefined } as never, { nodes: 3, minHealthy: 2 } as never);
    expect(copies).toMatchObject({ shards: 2, tolerated: 1 });
    expect(survivesNodeLoss(copies, 3, 1)).toBe(true);
    expect(survivesNodeLoss(copies, 3, 2)).toBe(false);
  });

  it('the Markov and window models of a 1-of-100,000 tier are computed in one pass each (no O(n²) sum)', () => {
    const m = load(`
name: wide
tiers:
  - { name: db, nodes: 100000, failure: { afr: 5%, mttr: 4 h }, minHealthy: 1 }
data: { tier: db, size: 1 TB }
`);
    const d = analyzeModel(m).dataProtection?.durability;
    expect(d?.shards).toBe(100_000);
    expect(d?.annualLossProbability).toBe(0);
    expect(Number.isFinite(d?.log10AnnualLossProbability)).toBe(true);
  });
});

describe('expected RPO over backups of different sizes (issue 10, class 7)', () => {
  it('weekly fulls and daily increments: expected = Δ/2 + mean duration over the 7 points, worst = Δ + the full', () => {
    // S = 1 TB, 10%/day, 100 MB/s: full 1e12 / 1e8 = 10 000 s, increment 1e11 / 1e8 = 1000 s.
    // Mean over a cycle = (10 000 + 6 · 1000) / 7 = 2285.714 s; expected = 43 200 + 2285.714;
    // worst = 86 400 + 10 000 = 96 400 s.
    const m = load(`
name: b
tiers: [{ name: db, nodes: 1, failure: { afr: 5%, mttr: 4 h } }]
data:
  tier: db
  size: 1 TB
  dailyChange: 10%
  backups:
    - { name: nightly, every: 1 d, method: forward-incremental, fullEvery: 7 d, retention: { points: 14 }, location: offsite, throughput: 100 MB/s, restoreThroughput: 1 GB/s }
`);
    const corruption = analyzeModel(m).dataProtection?.scenarios.find((s) => s.scenario === 'corruption');
    expect(corruption?.rpoExpectedSeconds).toBeCloseTo(43_200 + 16_000 / 7, 6);
    expect(corruption?.rpoSeconds).toBeCloseTo(96_400, 6);
  });
});
