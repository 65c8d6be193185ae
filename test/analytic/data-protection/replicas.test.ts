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
