import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { simulateSync } from '../../src/simulate/run/run-sync.js';
import { component } from '../../src/model/component.js';
import type { Model } from '../../src/model/types.js';
import { model, referenceSnapshotModel, repairable, tier } from '../support/reference-models.js';

const schema = JSON.parse(
  readFileSync(fileURLToPath(new URL('../../schemas/report.schema.json', import.meta.url)), 'utf8'),
) as object;
const validate = new Ajv2020({ strict: true, allErrors: true }).compile(schema);
const doc = (simulation: unknown): unknown => ({
  schemaVersion: 1,
  command: 'simulate',
  tool: { name: 'nines', version: '0.1.0' },
  simulation: JSON.parse(JSON.stringify(simulation)),
});

describe('simulation JSON', () => {
  it('validates against schemas/report.schema.json (snapshot + IS, timeline with a target)', () => {
    const a = simulateSync(
      referenceSnapshotModel(),
      { seed: 1, trials: 200_000, mode: 'snapshot' },
      { serviceUnavailability: 3.676e-4, tiers: { front: 3.6e-4 } },
    );
    expect(validate(doc(a)), JSON.stringify(validate.errors)).toBe(true);
    const node = repairable(30 * 86_400, 86_400);
    const m = model({
      tiers: [tier('x', 1, [{ zone: undefined, count: 2, failure: node }])],
      targets: [
        {
          metric: 'availability',
          operator: '>=',
          threshold: 0.999,
          thresholdComplement: 0.001,
          level: 'error',
          scenario: undefined,
          tier: undefined,
          position: undefined,
        },
      ],
    });
    const b = simulateSync(m, { seed: 1, trials: 100_000, timelineTrials: 2000 });
    expect(b.missProbability).toBeDefined();
    expect(validate(doc(b)), JSON.stringify(validate.errors)).toBe(true);
    expect(validate(doc({ ...b, extra: 1 }))).toBe(false);
  });

  it('validates with data loss (durability with and without events, realised RPO / RTO)', () => {
    const base = model({
      tiers: [tier('db', 1, [{ zone: undefined, count: 2, failure: repairable(30 * 86_400, 3600) }])],
    });
    const withData = (afr: number): Model => ({
      ...base,
      data: {
        tier: 'db',
        sizeBytes: 1e12,
        dailyChange: 0.05,
        yearlyGrowth: 0.2,
        reduction: 0.5,
        replication: { mode: 'async', lagSeconds: 5 },
        copies: [{ name: 'dr', location: { kind: 'offsite' }, mode: 'async', lagSeconds: 30 }],
        backups: [
          {
            name: 'nightly',
            everySeconds: 86_400,
            method: 'differential',
            fullEverySeconds: 7 * 86_400,
            retention: { points: 7, weekly: 0, monthly: 0, yearly: 0 },
            location: { kind: 'offsite' },
            durationSeconds: 3600,
            throughputBytesPerSecond: undefined,
            restoreThroughputBytesPerSecond: 5e8,
          },
        ],
        durability: {
          scheme: { kind: 'erasure', data: 4, parity: 2 },
          shardFailure: component({ afr, mttrSeconds: 86_400 }),
          rebuildSeconds: undefined,
          rebuildThroughputBytesPerSecond: undefined,
          groups: 8,
        },
      },
    });
    for (const [afr, estimator] of [
      [0.02, 'auto'],
      [0.001, 'naive'],
    ] as const) {
      const r = simulateSync(withData(afr), {
        seed: 2,
        trials: 1 << 16,
        mode: 'snapshot',
        estimator,
        dataLossTrials: 1 << 13,
        recoveryTrials: 2000,
      });
      expect(r.dataLoss?.durability).toBeDefined();
      expect(r.dataLoss?.recovery).toHaveLength(4);
      expect(validate(doc(r)), JSON.stringify(validate.errors)).toBe(true);
    }
  });
});
