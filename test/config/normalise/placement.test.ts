import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeAvailability } from '../../../src/analytic/availability/index.js';
import { loadModelText } from '../../../src/config/load.js';
import type { Model } from '../../../src/model/types.js';

function load(text: string): Model {
  const loaded = loadModelText(text);
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
  return loaded.value;
}

const placement = (m: Model, tier: string): Record<string, number> =>
  Object.fromEntries((m.tiers.find((t) => t.name === tier)?.groups ?? []).map((g) => [g.zone ?? '-', g.count]));

// Zones a, b, c in region home and d in region dr, each down 1% of the time (static); the
// standby db-dr sits in d. nodes: N spreads over the tier's zones in model order, the
// remainder to the first ones.
const model = (db: string, extra = ''): Model =>
  load(`name: placement
regions: [{ name: home }, { name: dr }]
zones:
  - { name: a, region: home, failure: { availability: 99% } }
  - { name: b, region: home, failure: { availability: 99% } }
  - { name: c, region: home, failure: { availability: 99% } }
  - { name: d, region: dr, failure: { availability: 99% } }
tiers:
  - { name: db, ${db}, minHealthy: all, failure: { availability: 100% } }
  - { name: db-dr, nodes: { d: 1 }, failure: { availability: 100% } }
${extra}service:
  failover: { primary: db, standby: db-dr }
`);

describe('nodes: N spreads over the zones a tier belongs to (worked by hand)', () => {
  it('a primary tier leaves out the DR zone of its standby: 5 nodes → a 2, b 2, c 1', () => {
    // Before: over all four zones, a 2, b 1, c 1, d 1: the DR zone took a node of the primary.
    expect(placement(model('nodes: 5'), 'db')).toEqual({ a: 2, b: 2, c: 1 });
  });

  it('which the tier figures follow: 4 nodes, all needed, q = 1 − 0.99³ (a, b, c), not 1 − 0.99⁴', () => {
    const m = model('nodes: 4');
    expect(placement(m, 'db')).toEqual({ a: 2, b: 1, c: 1 });
    const q = analyzeAvailability(m).tiers[0]?.unavailability ?? 0;
    expect(q).toBeCloseTo(1 - 0.99 ** 3, 14); // 0.029701
  });

  it('declared zones: [b, c] → b 2, c 1 for 3 nodes', () => {
    expect(placement(model('nodes: 3, zones: [c, b]'), 'db')).toEqual({ b: 2, c: 1 });
  });

  it('a declared region: region dr → d 3', () => {
    expect(placement(model('nodes: 3, region: dr'), 'db')).toEqual({ d: 3 });
  });

  it('a tier in no failover still spreads over every zone but the DR zone: 4 → a 2, b 1, c 1', () => {
    const m = model('nodes: 4', '  - { name: web, nodes: 4, failure: { availability: 100% } }\n');
    expect(placement(m, 'web')).toEqual({ a: 2, b: 1, c: 1 });
  });

  it('a standby placed by its region makes that region’s zones DR zones: db 4 → a 2, b 1, c 1', () => {
    const m = load(`name: by-region
regions: [{ name: home }, { name: dr }]
zones: [{ name: a, region: home }, { name: b, region: home }, { name: c, region: home }, { name: d, region: dr }]
tiers:
  - { name: db, nodes: 4, failure: { afr: 5%, mttr: 4 h } }
  - { name: db-dr, nodes: 2, region: dr, failure: { afr: 5%, mttr: 4 h } }
service:
  failover: { primary: db, standby: db-dr }
`);
    expect(placement(m, 'db')).toEqual({ a: 2, b: 1, c: 1 });
    expect(placement(m, 'db-dr')).toEqual({ d: 2 });
  });

  it('without failovers nothing changes: every zone in order', () => {
    const m = load(`name: plain
zones: [{ name: a }, { name: b }, { name: c }, { name: d }]
tiers:
  - { name: web, nodes: 5, failure: { availability: 100% } }
`);
    expect(placement(m, 'web')).toEqual({ a: 2, b: 1, c: 1, d: 1 });
  });
});

describe('models/database-dr.yaml with nodes: 4 (the README note)', () => {
  it('keeps db in az-a 2, az-b 1, az-c 1: eu-a is db-dr’s DR zone', () => {
    const text = readFileSync('models/database-dr.yaml', 'utf8').replace(/nodes: 3 {2,}# one per zone/, 'nodes: 4');
    expect(text).toContain('nodes: 4');
    expect(placement(load(text), 'db')).toEqual({ 'az-a': 2, 'az-b': 1, 'az-c': 1 });
  });
});
