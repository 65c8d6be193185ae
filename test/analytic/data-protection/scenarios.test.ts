import { describe, expect, it } from 'vitest';
import { analyzeDataProtection, type ScenarioResult } from '../../../src/analytic/data-protection/index.js';
import { backup, data, DAY, GB, HOUR, model, TB, tier, YEAR } from './model-fixture.js';

// Shared by hand: change rate = 1 TB × 10 % / day = 1e11 / 86 400 = 1 157 407.4 B/s.
// The 'nightly' job (forever-incremental, 14 points, 2 h, restore 500 MB/s): worst chain =
// full + 13 increments = 500 + 13 × 50 = 1150 GB stored = 2300 GB logical → 4600 s restore.
// RPO worst = 1 d + 2 h = 93 600 s; expected = 12 h + 2 h = 50 400 s.
const RATE = 1e11 / DAY;
const byScenario = (result: ReturnType<typeof analyzeDataProtection>): Record<string, ScenarioResult> =>
  Object.fromEntries((result?.scenarios ?? []).map((s) => [s.scenario, s]));

describe('scenarios: sync pair, async DR copy, backups in-zone and offsite', () => {
  const result = analyzeDataProtection(
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
            everySeconds: 7 * DAY,
            method: 'full',
            retention: { points: 4, weekly: 0, monthly: 0, yearly: 0 },
          }),
        ],
      }),
    }),
  );
  const s = byScenario(result);

  it('node: the tier (1 of 2 needed) rides the loss out: RPO 0, no interruption, RTO 0', () => {
    expect(s.node).toMatchObject({
      survives: true,
      recoveredBy: { kind: 'replica', name: 'db' },
      rpoSeconds: 0,
      rpoExpectedSeconds: 0,
      dataAtRiskBytes: 0,
      rtoSeconds: 0,
    });
    expect(s.node?.explanation).toContain('no interruption');
  });

  it('zone east-a (the primary): the sync node in east-b survives and carries on: RPO 0, RTO 0', () => {
    expect(s.zone).toMatchObject({
      failureDomain: 'zone east-a',
      survives: true,
      recoveredBy: { kind: 'replica' },
      rpoSeconds: 0,
      rtoSeconds: 0,
    });
  });

  it('region east: the async DR copy in west: RPO = lag 60 s, at risk 60 × rate', () => {
    // Warm standby scales up before it takes the load: 300 + 600 + 3600 + 900 = 5400 s.
    // At risk 60 × 1 157 407 = 69.4 MB.
    expect(s.region).toMatchObject({
      failureDomain: 'region east',
      survives: true,
      recoveredBy: { kind: 'copy', name: 'dr' },
      rpoSeconds: 60,
      rtoSeconds: 5400,
    });
    expect(s.region?.rtoPhases).toEqual({
      detectionSeconds: 300,
      failoverSeconds: 600,
      provisioningSeconds: 3600,
      restoreSeconds: 0,
      validationSeconds: 900,
    });
    expect(s.region?.dataAtRiskBytes).toBeCloseTo(60 * RATE, 3);
    // The offsite weekly backup is the other option; the in-zone nightly is gone with east.
    expect(s.region?.options.map((o) => o.name)).toEqual(['dr', 'weekly']);
  });

  it('corruption: only backups; the nightly wins (RPO 93 600 s), nodes stay up (no provisioning)', () => {
    expect(s.corruption).toMatchObject({
      survives: true,
      recoveredBy: { kind: 'backup', name: 'nightly' },
      rpoSeconds: 93_600,
      rpoExpectedSeconds: 50_400,
    });
    expect(s.corruption?.rtoPhases).toEqual({
      detectionSeconds: 300,
      failoverSeconds: 0,
      provisioningSeconds: 0,
      restoreSeconds: 4600,
      validationSeconds: 900,
    });
    expect(s.corruption?.rtoSeconds).toBeCloseTo(5800, 6);
    // 93 600 s × 1 157 407.4 B/s = 1.0833e11 B (108 GB).
    expect(s.corruption?.dataAtRiskBytes).toBeCloseTo(93_600 * RATE, 0);
    expect(s.corruption?.options.every((o) => o.kind === 'backup')).toBe(true);
  });

  it('backups and storage by location', () => {
    const nightly = result?.backups[0];
    expect(nightly).toMatchObject({ name: 'nightly', restorePoints: 14, fulls: 1 });
    expect(nightly?.storageBytes).toBeCloseTo(1150 * GB, -3);
    expect(nightly?.worstRestoreSeconds).toBeCloseTo(4600, 6);
    // Weekly fulls, 4 kept: 4 × 500 GB; peak 5 × 500 GB.
    const weekly = result?.backups[1];
    expect(weekly).toMatchObject({ restorePoints: 4, fulls: 4 });
    expect(weekly?.storageBytes).toBeCloseTo(2000 * GB, -3);
    expect(result?.storageByLocation).toHaveLength(2);
    expect(result?.storageByLocation[1]).toMatchObject({ location: { kind: 'offsite' } });
    expect(result?.storageByLocation[1]?.peakStorageBytes).toBeCloseTo(2500 * GB, -3);
  });
});

describe('scenarios: async pair with in-zone backups only', () => {
  const s = byScenario(
    analyzeDataProtection(
      model({
        tier: tier([
          { zone: 'east-a', count: 1 },
          { zone: 'east-b', count: 1 },
        ]),
        data: data({
          replication: { mode: 'async', lagSeconds: 5 },
          backups: [backup({ name: 'nightly', location: { kind: 'zone', name: 'east-a' } })],
        }),
      }),
    ),
  );

  it('node and zone: the async replica: RPO = lag 5 s, at risk 5 × rate', () => {
    expect(s.node).toMatchObject({ recoveredBy: { kind: 'replica' }, rpoSeconds: 5 });
    expect(s.node?.dataAtRiskBytes).toBeCloseTo(5 * RATE, 3);
    expect(s.zone).toMatchObject({ recoveredBy: { kind: 'replica' }, rpoSeconds: 5 });
    // The in-zone backup went with zone east-a: the replica is the only option.
    expect(s.zone?.options).toHaveLength(1);
  });

  it('region: nothing outside the region holds the data: not recoverable, no numbers', () => {
    expect(s.region).toMatchObject({
      survives: false,
      recoveredBy: null,
      rpoSeconds: null,
      rpoExpectedSeconds: null,
      dataAtRiskBytes: null,
      rtoSeconds: null,
      rtoPhases: null,
    });
    expect(s.region?.explanation).toMatch(/^Not recoverable/);
    expect(s.region?.explanation).toContain("backup 'nightly' (zone east-a)");
  });

  it('corruption: the in-zone backup still recovers it', () => {
    expect(s.corruption).toMatchObject({ survives: true, recoveredBy: { kind: 'backup', name: 'nightly' } });
  });
});

describe('scenarios: a single node with a regional backup (backup-restore)', () => {
  const s = byScenario(
    analyzeDataProtection(
      model({
        tier: tier([{ zone: 'east-a', count: 1 }]),
        data: data({ backups: [backup({ name: 'nightly', location: { kind: 'region', name: 'east' } })] }),
        recovery: {
          strategy: 'backup-restore',
          detectionSeconds: 300,
          failoverSeconds: 600,
          provisioningSeconds: 3600,
          validationSeconds: 900,
        },
      }),
    ),
  );

  it('node: no replica left: provision + restore: 300 + 3600 + 4600 + 900 = 9400 s', () => {
    expect(s.node).toMatchObject({ recoveredBy: { kind: 'backup' }, rpoSeconds: 93_600 });
    expect(s.node?.rtoSeconds).toBeCloseTo(9400, 6);
  });

  it('zone: regional storage survives a zone loss', () => {
    expect(s.zone?.rtoSeconds).toBeCloseTo(9400, 6);
  });

  it('region: the regional backup goes with the region', () => {
    expect(s.region?.survives).toBe(false);
  });

  it('corruption: the node is still up, no provisioning: 300 + 4600 + 900 = 5800 s', () => {
    expect(s.corruption?.rtoSeconds).toBeCloseTo(5800, 6);
  });
});

describe('scenarios: recovery strategy and copies', () => {
  const build = (strategy: 'pilot-light' | 'hot-standby') =>
    byScenario(
      analyzeDataProtection(
        model({
          tier: tier([{ zone: 'east-a', count: 2 }]),
          data: data({
            copies: [{ name: 'dr', location: { kind: 'zone', name: 'west-a' }, mode: 'sync', lagSeconds: 0 }],
          }),
          recovery: {
            strategy,
            detectionSeconds: 300,
            failoverSeconds: 600,
            provisioningSeconds: 3600,
            validationSeconds: 900,
          },
        }),
      ),
    );

  it('pilot light: the copy needs compute: 300 + 3600 + 600 + 900 = 5400 s', () => {
    const s = build('pilot-light');
    expect(s.zone).toMatchObject({ recoveredBy: { kind: 'copy', name: 'dr' }, rpoSeconds: 0, rtoSeconds: 5400 });
  });

  it('hot standby: failover only: 1800 s', () => {
    expect(build('hot-standby').region?.rtoSeconds).toBe(1800);
  });

  it('corruption with copies but no backups is not recoverable', () => {
    const s = build('hot-standby');
    expect(s.corruption).toMatchObject({ survives: false, rpoSeconds: null });
    expect(s.corruption?.explanation).toContain('no backup');
  });
});

describe('analyzeDataProtection', () => {
  it('undefined without data', () => {
    expect(
      analyzeDataProtection(model({ tier: tier([{ zone: 'east-a', count: 1 }]), data: undefined })),
    ).toBeUndefined();
  });

  it('backup duration from throughput, growth at the end of the horizon', () => {
    // 100 % growth a year, horizon 2 years: S(H) = 1 TB × 2² = 4 TB. A full job at 1 GB/s
    // takes S(H) / 1e9 = 4000 s; RPO = 1 d + 4000 s. Change rate = 4e12 × 0.1 / 86 400.
    const result = analyzeDataProtection(
      model({
        tier: tier([{ zone: 'east-a', count: 1 }]),
        data: data({
          yearlyGrowth: 1,
          backups: [
            backup({
              name: 'full',
              method: 'full',
              location: { kind: 'offsite' },
              durationSeconds: undefined,
              throughputBytesPerSecond: 1e9,
            }),
          ],
        }),
      }),
      { years: 2 },
    );
    expect(result?.horizonSeconds).toBe(2 * YEAR);
    expect(result?.sizeAtHorizonBytes).toBeCloseTo(4 * TB, -3);
    expect(result?.backups[0]?.durationSeconds).toBeCloseTo(4000, 6);
    const node = result?.scenarios[0];
    expect(node?.rpoSeconds).toBeCloseTo(DAY + 4000, 6);
    expect(node?.dataAtRiskBytes).toBeCloseTo(((4e12 * 0.1) / DAY) * (DAY + 4000), -2);
  });

  it('durability derived from the tier: two nodes are a mirror (window and Markov named)', () => {
    // λ = 1e-5 /h, rebuild = MTTR = 10 h. Window: λT = 1e-4, p = 1 − e^−1e-4 = 9.9995e-5,
    // P_w = p² = 9.9990e-9, 876 windows a year: P = 1 − (1 − P_w)^876 = 8.75909e-6 → 5 nines.
    // Markov: (3λ + μ)/(2λ²) = 5.0015e8 h; P = 1 − e^(−8760/5.0015e8) = 1.75146e-5.
    // The Markov figure is twice the window figure: fixed windows count only two failures
    // inside the same window (≈ Y·λ²T), the chain counts a second failure during any repair
    // (≈ 2Y·λ²T). Targets use the window model (DESIGN §4), as Backblaze does.
    const d = analyzeDataProtection(
      model({
        tier: tier([
          { zone: 'east-a', count: 1 },
          { zone: 'east-b', count: 1 },
        ]),
        data: data({}),
      }),
    )?.durability;
    expect(d).toMatchObject({
      model: 'window',
      derivedFromTier: true,
      shards: 2,
      toleratedFailures: 1,
      rebuildSource: 'mttr',
      scheme: { kind: 'replicas', replicas: 2 },
    });
    expect(d?.rebuildSeconds).toBe(10 * HOUR);
    expect(d?.annualLossProbability).toBeCloseTo(8.75909e-6, 10);
    expect(d?.nines).toBe(5);
    expect(d?.markov.mttdlSeconds).toBeCloseTo(5.0015e8 * HOUR, -3);
    expect(d?.markov.annualLossProbability).toBeCloseTo(-Math.expm1(-8760 / 5.0015e8), 12);
  });

  it('erasure coding with rebuild throughput: T = S / (G·k) / throughput', () => {
    // 1 TB over 10 groups of 4 + 2: a shard holds 1e12 / (10 × 4) = 2.5e10 B; at 1e8 B/s: 250 s.
    const d = analyzeDataProtection(
      model({
        tier: tier([{ zone: 'east-a', count: 1 }]),
        data: data({
          durability: {
            scheme: { kind: 'erasure', data: 4, parity: 2 },
            shardFailure: tier([]).failure,
            rebuildSeconds: undefined,
            rebuildThroughputBytesPerSecond: 1e8,
            groups: 10,
          },
        }),
      }),
    )?.durability;
    expect(d).toMatchObject({ shards: 6, toleratedFailures: 2, groups: 10, rebuildSource: 'throughput' });
    expect(d?.rebuildSeconds).toBeCloseTo(250, 9);
  });
});

describe('scenarios: one disruption model (strategy semantics, per-scenario phases, interruptions)', () => {
  const copy = {
    name: 'dr',
    location: { kind: 'region' as const, name: 'west' },
    mode: 'async' as const,
    lagSeconds: 60,
  };
  const backups = [backup({ name: 'offsite', location: { kind: 'offsite' } })];
  const run = (recovery: Parameters<typeof model>[0]['recovery'], interruptionSeconds = 0) =>
    byScenario(
      analyzeDataProtection(
        model({
          tier: {
            ...tier([
              { zone: 'east-a', count: 1 },
              { zone: 'east-b', count: 1 },
            ]),
            interruptionSeconds,
          },
          data: data({ copies: [copy], backups }),
          recovery,
        }),
      ),
    );
  const phases = { detectionSeconds: 300, failoverSeconds: 600, provisioningSeconds: 3600, validationSeconds: 900 };

  it('a node loss the tier rides out costs its declared interruption (a leader election), nothing else', () => {
    const s = run({ strategy: 'warm-standby', ...phases }, 30);
    expect(s.node).toMatchObject({ rtoSeconds: 30, rpoSeconds: 0 });
    expect(s.node?.explanation).toContain('declared per-failure interruption');
  });

  it('recovery.region overrides the defaults field by field; node and zone keep them', () => {
    const s = run({
      strategy: 'hot-standby',
      ...phases,
      byScenario: { region: { ...phases, detectionSeconds: 1800 } },
    });
    // Hot standby: detection + failover + validation = 1800 + 600 + 900.
    expect(s.region?.rtoSeconds).toBe(3300);
  });

  it('active-active: the copy serves already: RTO 0', () => {
    expect(run({ strategy: 'active-active', ...phases }).region).toMatchObject({
      recoveredBy: { kind: 'copy' },
      rtoSeconds: 0,
    });
  });

  it('backup-restore keeps no live standby: the region restores from the offsite backup (RPO 1 d + 2 h)', () => {
    const s = run({ strategy: 'backup-restore', ...phases });
    // 300 + 3600 + 4600 (restore of the chain) + 900.
    expect(s.region).toMatchObject({ recoveredBy: { kind: 'backup', name: 'offsite' }, rpoSeconds: 93_600 });
    expect(s.region?.rtoSeconds).toBeCloseTo(9400, 6);
    expect(s.region?.options.map((o) => o.kind)).toEqual(['backup']);
  });

  it('a rate gives the expected loss: corruption every 5 years × its data at risk', () => {
    const result = analyzeDataProtection(
      model({
        tier: tier([
          { zone: 'east-a', count: 1 },
          { zone: 'east-b', count: 1 },
        ]),
        data: data({ copies: [copy], backups, corruptionRate: 1 / (5 * YEAR) }),
      }),
    );
    const s = byScenario(result);
    // Corruption: 0.2 a year × 93 600 s × 1 157 407 B/s = 2.1667e10 B a year.
    expect(s.corruption?.disruptionsPerYear).toBeCloseTo(0.2, 12);
    expect(s.corruption?.expectedBytesLostPerYear).toBeCloseTo(0.2 * 93_600 * RATE, -2);
    // Node: 2 nodes × λ·a (MTBF 100 000 h, MTTR 10 h) = 2 × 8760 / 100 010 a year, at risk 0 (sync).
    expect(s.node?.disruptionsPerYear).toBeCloseTo((2 * 8760) / 100_010, 12);
    expect(s.node?.expectedBytesLostPerYear).toBe(0);
    // Zones and regions have no failure spec in this fixture: no rate.
    expect(s.region?.disruptionsPerYear).toBeNull();
    expect(result?.expectedBytesLostPerYear).toBeCloseTo(0.2 * 93_600 * RATE, -2);
  });
});
