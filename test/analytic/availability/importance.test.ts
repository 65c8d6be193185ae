import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeAvailability, type AvailabilityResult } from '../../../src/analytic/availability/index.js';
import { measures } from '../../../src/analytic/availability/importance.js';
import { alwaysUp, conditionModel } from '../../../src/model/condition.js';
import { loadModelText } from '../../../src/config/load.js';
import type { Model } from '../../../src/model/types.js';
import { seededRandom } from '../../support/seeded-random.js';

/** The measures with the cut sets (the relevance of each part comes from them). */
const analyze = (m: Model): AvailabilityResult => analyzeAvailability(m, { cutSets: true });

function load(text: string): Model {
  const r = loadModelText(text);
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.value;
}

function subject(a: AvailabilityResult, kind: string, name: string) {
  const s = a.importance.find((x) => x.subjectKind === kind && x.subject === name);
  if (s === undefined) throw new Error(`no ${kind} ${name}`);
  return s;
}

/** SCRAM prints 6 significant digits: ours rounded the same way must print the same. */
const six = (x: number | null): string => (x === null ? 'null' : String(Number(x.toPrecision(6))));

// SCRAM's two-train example (input/TwoTrain/two_train.xml in the SCRAM repository, rakhimov/scram):
// TopEvent = AND(TrainOne, TrainTwo), Train = OR(Valve, Pump), P(valve) = 0.5, P(pump) = 0.7.
// In nines: each valve is a zone, each pump a node in it, a 1-of-2 tier of pumps.
const TWO_TRAIN = `
name: two-train
zones:
  - { name: valve-one, failure: { probability: 0.5 } }
  - { name: valve-two, failure: { probability: 0.5 } }
tiers:
  - { name: train, nodes: { valve-one: 1, valve-two: 1 }, minHealthy: 1, failure: { probability: 0.7 } }
`;

// A second tree run through SCRAM 0.16.2 (scram --bdd --probability true --importance true),
// the nines model below written as an OpenPSA fault tree: node_i down = OR(node, zone, region);
// lb = AND(lb0, lb1); db = ATLEAST 2 of (db0, db1, db2); top = OR(lb, db).
const SHARED_ZONES = `
name: shared-zones
regions: [{ name: r1, failure: { probability: 0.001 } }]
zones:
  - { name: a, region: r1, failure: { probability: 0.01 } }
  - { name: b, region: r1, failure: { probability: 0.02 } }
  - { name: c, failure: { probability: 0.015 } }
tiers:
  - { name: lb, nodes: { a: 1, b: 1 }, minHealthy: 1, failure: { probability: 0.05 } }
  - { name: db, nodes: { a: 1, b: 1, c: 1 }, minHealthy: 2, failure: { probability: 0.03 } }
`;

describe('importance measures', () => {
  it('keep Q(1_i) and Q(0_i) probabilities when a sum of states rounds past 1 or 0 (found by the fuzzer)', () => {
    // mixed-topology without zone b2's failure: tier lb forced down summed to 1 + 2^-52.
    const m = measures(2.5e-6, 1e-3, 1 + 2 ** -52, -1e-18, false);
    expect(m.serviceUnavailabilityIfDown).toBe(1);
    expect(m.serviceUnavailabilityIfUp).toBe(0);
    expect(m.birnbaum).toBe(1);
    expect(m.raw).toBe(1 / 2.5e-6);
  });

  it('reproduce SCRAM on its two-train example, and the hand derivation to 1e-12', () => {
    const a = analyze(load(TWO_TRAIN));
    // Hand: P(train down) = 1 − 0.5·0.3 = 0.85, Q = 0.85² = 0.7225.
    // Valve: Q(1) = 0.85, Q(0) = 0.7·0.85 = 0.595; Pump: Q(1) = 0.85, Q(0) = 0.5·0.85 = 0.425.
    expect(a.service.unavailability).toBeCloseTo(0.7225, 12);
    const valve = subject(a, 'zone', 'valve-one');
    const pump = subject(a, 'node', 'train[0]');
    expect(valve.birnbaum).toBeCloseTo(0.85 - 0.595, 12);
    expect(valve.criticality).toBeCloseTo((0.5 * 0.255) / 0.7225, 12);
    expect(valve.raw).toBeCloseTo(0.85 / 0.7225, 12);
    expect(valve.rrw).toBeCloseTo(0.7225 / 0.595, 12);
    expect(pump.birnbaum).toBeCloseTo(0.85 - 0.425, 12);
    expect(pump.rrw).toBeCloseTo(0.7225 / 0.425, 12);
    // SCRAM's report: ValveOne MIF 0.255 CIF 0.176471 RAW 1.17647 RRW 1.21429;
    // PumpOne MIF 0.425 CIF 0.411765 RAW 1.17647 RRW 1.7.
    expect([valve.birnbaum, valve.criticality, valve.raw, valve.rrw].map(six)).toEqual([
      '0.255',
      '0.176471',
      '1.17647',
      '1.21429',
    ]);
    expect([pump.birnbaum, pump.criticality, pump.raw, pump.rrw].map(six)).toEqual([
      '0.425',
      '0.411765',
      '1.17647',
      '1.7',
    ]);
    // FV = (Q − Q(0))/Q = 1 − 1/RRW: for a basic event it equals the criticality.
    expect(pump.fussellVesely).toBeCloseTo(1 - 0.425 / 0.7225, 12);
  });

  it('reproduce SCRAM on a tree with zones shared by two tiers and a region', () => {
    const a = analyze(load(SHARED_ZONES));
    // SCRAM: P(top) = 0.010535; importance per basic event (MIF, CIF, RAW, RRW).
    expect(six(a.service.unavailability)).toBe('0.010535');
    const scram: [string, string, string[]][] = [
      ['node', 'lb[0]', ['0.0666242', '0.316205', '7.0079', '1.46243']],
      ['node', 'lb[1]', ['0.0573656', '0.272263', '6.173', '1.37412']],
      ['node', 'db[0]', ['0.0874452', '0.249014', '9.05146', '1.33158']],
      ['node', 'db[1]', ['0.0783775', '0.223192', '8.21655', '1.28732']],
      ['node', 'db[2]', ['0.0822645', '0.234261', '8.57445', '1.30593']],
      ['zone', 'a', ['0.128777', '0.122238', '13.1016', '1.13926']],
      ['zone', 'b', ['0.121116', '0.229932', '12.2667', '1.29859']],
      ['zone', 'c', ['0.0810118', '0.115347', '8.57445', '1.13039']],
      ['region', 'r1', ['0.990455', '0.094016', '94.9219', '1.10377']],
    ];
    for (const [kind, name, expected] of scram) {
      const s = subject(a, kind, name);
      expect([s.birnbaum, s.criticality, s.raw, s.rrw].map(six), `${kind} ${name}`).toEqual(expected);
    }
    // SCRAM's 16 minimal cut sets ("products") with their probabilities, Σ P = 0.01105.
    const scramCutSets = [
      ['node db[0] + node db[1]', 0.0009],
      ['node db[0] + node db[2]', 0.0009],
      ['node db[0] + zone b', 0.0006],
      ['node db[0] + zone c', 0.00045],
      ['node db[1] + node db[2]', 0.0009],
      ['node db[1] + zone a', 0.0003],
      ['node db[1] + zone c', 0.00045],
      ['node db[2] + zone a', 0.0003],
      ['node db[2] + zone b', 0.0006],
      ['node lb[0] + node lb[1]', 0.0025],
      ['node lb[0] + zone b', 0.001],
      ['node lb[1] + zone a', 0.0005],
      ['region r1', 0.001],
      ['zone a + zone b', 0.0002],
      ['zone a + zone c', 0.00015],
      ['zone b + zone c', 0.0003],
    ];
    const ours = a.cutSets.sets
      .map((c) => [[...c.components].sort().join(' + '), Number(c.probability.toPrecision(6))])
      .sort();
    expect(ours).toEqual(scramCutSets);
    expect(a.cutSets.sets[0]?.components).toEqual(['node lb[0]', 'node lb[1]']);
    expect(a.cutSets.rareEventSum).toBeCloseTo(0.01105, 14);
    expect(a.cutSets.sets[0]?.share).toBeCloseTo(0.0025 / a.service.unavailability, 14);
  });

  it('a tier (a gate) by hand: two independent tiers in series', () => {
    // Tiers x (q = 0.01) and y (q = 0.02), one node each, service = all: Q = 1 − 0.99·0.98 = 0.0298.
    // Tier x: Q(x down) = 1, Q(x up) = 0.02: I_B = 0.98, FV = (0.0298 − 0.02)/0.0298, RAW = 1/0.0298.
    const a = analyze(
      load(`
name: series
tiers:
  - { name: x, nodes: 1, failure: { probability: 0.01 } }
  - { name: y, nodes: 1, failure: { probability: 0.02 } }
`),
    );
    const x = subject(a, 'tier', 'x');
    expect(x.birnbaum).toBeCloseTo(0.98, 12);
    expect(x.fussellVesely).toBeCloseTo(0.0098 / 0.0298, 12);
    expect(x.criticality).toBeCloseTo(0.0098 / 0.0298, 12);
    expect(x.raw).toBeCloseTo(1 / 0.0298, 9);
    expect(x.rrw).toBeCloseTo(0.0298 / 0.02, 12);
    // Its node is the tier: the same measures.
    expect(subject(a, 'node', 'x[0]').birnbaum).toBeCloseTo(0.98, 12);
  });

  it('properties: FV in [0, 1], RAW ≥ 1 ≥ 1/RRW, Birnbaum 0 outside every cut set', () => {
    const rnd = seededRandom(13);
    let outside = 0;
    for (let trial = 0; trial < 40; trial++) {
      const p = (): string => (rnd() * 0.2).toPrecision(3);
      const k = 1 + Math.floor(rnd() * 3);
      const text = `
name: random
regions: [{ name: r, failure: { probability: ${p()} } }]
zones:
  - { name: a, region: r, failure: { probability: ${p()} } }
  - { name: b, failure: { probability: ${p()} } }
  - { name: idle, failure: { probability: ${p()} } }
  - { name: empty, failure: { probability: ${p()} } }
tiers:
  - { name: t, nodes: { a: 2, b: 1 }, minHealthy: ${k}, failure: { probability: ${p()} } }
  - { name: u, nodes: { b: 1, a: 1 }, minHealthy: 1, failure: { probability: ${p()} } }
  - { name: spare, nodes: { idle: 1 }, failure: { probability: ${p()} } }
service: { all: [t, { any: [u, spare] }] }
`;
      const a = analyze(load(text));
      const inCutSets = new Set(a.cutSets.sets.flatMap((c) => c.components));
      for (const s of a.importance) {
        expect(s.fussellVesely).toBeGreaterThanOrEqual(0);
        expect(s.fussellVesely).toBeLessThanOrEqual(1);
        expect(s.raw ?? Infinity).toBeGreaterThanOrEqual(1);
        expect(1 / (s.rrw ?? Infinity)).toBeLessThanOrEqual(1);
        const name = s.subjectKind === 'node' ? `node ${s.subject}` : `${s.subjectKind} ${s.subject}`;
        if (
          (s.subjectKind === 'zone' || s.subjectKind === 'region' || (s.subjectKind === 'node' && s.count === 1)) &&
          !inCutSets.has(name)
        ) {
          expect(s.birnbaum, name).toBe(0);
          outside++;
        }
      }
    }
    expect(outside).toBeGreaterThanOrEqual(40); // zone empty at least, in every trial
  });

  it('a zone holding nothing has Birnbaum 0 and is in no cut set', () => {
    const a = analyze(
      load(`
name: idle
zones:
  - { name: a, failure: { probability: 0.01 } }
  - { name: empty, failure: { probability: 0.3 } }
tiers: [{ name: t, nodes: { a: 2 }, minHealthy: 1, failure: { probability: 0.1 } }]
`),
    );
    expect(subject(a, 'zone', 'empty').birnbaum).toBe(0);
    expect(subject(a, 'zone', 'empty').raw).toBe(1);
    expect(a.cutSets.sets.flatMap((c) => c.components)).not.toContain('zone empty');
  });
});

describe('importance against the drill engine (an independent path: the model re-analysed with the part forced)', () => {
  const examples = readdirSync('models').filter((f) => f.endsWith('.yaml'));
  it.each(examples)('%s: Q(part down) and Q(part never down) of every zone, region and node', (file) => {
    const model = load(readFileSync(`models/${file}`, 'utf8'));
    const a = analyze(model);
    const q = (m: Model): number => analyzeAvailability(m).service.unavailability;
    const rel = (x: number, y: number): number => Math.abs(x - y) / Math.max(y, 1e-300);
    for (const s of a.importance) {
      if (s.subjectKind === 'tier') {
        expect(
          rel(s.serviceUnavailabilityIfDown, q(conditionModel(model, [{ kind: 'tier', name: s.subject }]))),
        ).toBeLessThan(1e-9);
        continue;
      }
      const ref =
        s.subjectKind === 'node'
          ? {
              kind: 'node' as const,
              name: s.subject,
              tier: s.tier ?? '',
              index: Number(/\[(\d+)/.exec(s.subject)?.[1]),
            }
          : { kind: s.subjectKind, name: s.subject };
      expect(
        rel(s.serviceUnavailabilityIfDown, q(conditionModel(model, [ref]))),
        `${file} ${s.subject} down`,
      ).toBeLessThan(1e-9);
      // Never down: the same part with q = 0.
      const up: Model =
        s.subjectKind === 'zone'
          ? {
              ...model,
              zones: model.zones.map((z) =>
                z.name === s.subject && z.failure ? { ...z, failure: alwaysUp(z.failure) } : z,
              ),
            }
          : s.subjectKind === 'region'
            ? {
                ...model,
                regions: model.regions.map((r) =>
                  r.name === s.subject && r.failure ? { ...r, failure: alwaysUp(r.failure) } : r,
                ),
              }
            : model;
      if (s.subjectKind !== 'node' && s.unavailability > 0) {
        expect(
          Math.abs(s.serviceUnavailabilityIfUp - q(up)) / a.service.unavailability,
          `${file} ${s.subject} up`,
        ).toBeLessThan(1e-9);
      }
    }
  });
});
