import { describe, expect, it } from 'vitest';
import { parseTargetFlag } from '../../src/config/target-flag.js';
import { evaluateTargets, gateExit, mergeTargets, type GateTarget } from '../../src/gate/index.js';
import { figuresOf, load, ONE_NODE, targetsOf } from './support.js';

const flag = (text: string): GateTarget => {
  const r = parseTargetFlag(text);
  if (!r.ok) throw new Error(r.message);
  return { target: r.target, source: { flag: text } };
};

describe('evaluateTargets: availability and downtime (one node, q = 0.001 by hand)', () => {
  const model = load(ONE_NODE);
  const figures = figuresOf(model);

  it('passes and fails on either side of q = 0.001, compared in unavailability', () => {
    const result = evaluateTargets([flag('availability>=99.89%'), flag('availability>=99.91%')], figures);
    expect(result.records.map((r) => r.status)).toEqual(['pass', 'fail']);
    expect(result.records[0]?.actualComplement).toBeCloseTo(0.001, 15);
    expect(result.records[1]?.thresholdComplement).toBeCloseTo(0.0009, 18);
    expect(result.status).toBe('fail');
    expect(result.summary).toEqual({ total: 2, passed: 1, failed: 1, warnings: 0, inconclusive: 0 });
  });

  it('downtime per year = 0.001 × 8760 h = 8.76 h', () => {
    const result = evaluateTargets([flag('downtimePerYear<=9h'), flag('downtimePerYear<=8h@warn')], figures);
    expect(result.records[0]?.actual).toBeCloseTo(8.76 * 3600, 6);
    expect(result.records.map((r) => r.status)).toEqual(['pass', 'warn']);
    expect(result.status).toBe('warn');
    expect(gateExit(result).code).toBe(0);
    expect(gateExit(result, { maxWarnings: 0 })).toEqual({ code: 1, reason: 'too-many-warnings' });
  });

  it('outages per year: ν = A·λ = (999/1000)·(1/999 h) = 1/1000 h → 8.76 per year', () => {
    const result = evaluateTargets([flag('outagesPerYear<=9'), flag('outagesPerYear<=8')], figures);
    expect(result.records[0]?.actual).toBeCloseTo(8.76, 9);
    expect(result.records.map((r) => r.status)).toEqual(['pass', 'fail']);
  });

  it('a tier target reads the tier; an unknown tier is a failed record, not a crash', () => {
    const result = evaluateTargets([flag('availability[web]>=99.89%'), flag('availability[db]>=99%')], figures);
    expect(result.records[0]).toMatchObject({ id: 'availability[web]', status: 'pass', tier: 'web' });
    expect(result.records[1]).toMatchObject({ id: 'availability[db]', status: 'fail', actual: null });
    expect(result.records[1]?.message).toMatch(/no tier named 'db'/);
  });

  it('data targets on a model without data are failed records with the reason', () => {
    const result = evaluateTargets(
      [flag('rpo<=1h'), flag('durability>=11 nines'), flag('backupStorage<=1 TB@warn')],
      figures,
    );
    expect(result.records.map((r) => [r.status, r.actual])).toEqual([
      ['fail', null],
      ['fail', null],
      ['warn', null],
    ]);
    expect(result.records[0]?.message).toMatch(/needs a 'data' section/);
    expect(gateExit(result)).toEqual({ code: 1, reason: 'failed' });
    expect(gateExit(result, { exitZero: true })).toEqual({ code: 0, reason: 'exit-zero' });
  });

  it('numbers repeated ids', () => {
    const result = evaluateTargets([flag('rto<=1h'), flag('rto<=2h')], figures);
    expect(result.records.map((r) => r.id)).toEqual(['rto', 'rto#2']);
  });
});

describe('evaluateTargets: RPO, RTO, durability, storage', () => {
  // Backups every 1 d taking 2 h: worst RPO = Δ + D = 26 h (DESIGN §4). Backups in az-a only:
  // the region scenario (us-east) is not recoverable.
  const model = load(`
name: backups
regions: [{ name: r1, failure: { mtbf: 20 year, mttr: 24 h } }]
zones:
  - { name: az-a, region: r1, failure: { mtbf: 2 year, mttr: 4 h } }
  - { name: az-b, region: r1, failure: { mtbf: 2 year, mttr: 4 h } }
tiers:
  - { name: db, nodes: 2, minHealthy: 1, failure: { afr: 10%, mttr: 1 d } }
data:
  tier: db
  size: 100 GB
  dailyChange: 1%
  replication: { mode: async, lag: 10 s }
  backups:
    - { name: nightly, every: 1 d, method: full, retention: { points: 7 }, location: az-b, duration: 2 h, restoreThroughput: 100 MB/s }
  durability:
    scheme: { replicas: 2 }
    shardFailure: { afr: 10% }
    rebuild: 1 d
targets:
  rpo:
    - { max: 27 h, scenario: corruption }
    - { max: 1 h, scenario: region }
`);
  const figures = figuresOf(model);

  it('reads per-scenario RPO and fails the scenario that is not recoverable', () => {
    const result = evaluateTargets(targetsOf(model), figures);
    expect(result.records[0]).toMatchObject({
      id: 'rpo[corruption]',
      status: 'pass',
      actual: 26 * 3600,
      source: { file: 'model.yaml' },
    });
    expect(result.records[1]).toMatchObject({ id: 'rpo[region]', status: 'fail', actual: null });
    expect(result.records[1]?.message).toMatch(/Not recoverable/);
    expect(result.records[1]?.source).toMatchObject({ file: 'model.yaml', line: expect.any(Number) as number });
  });

  it('the worst over scenarios is not recoverable when one scenario is not', () => {
    const result = evaluateTargets([flag('rpo<=30h')], figures);
    expect(result.records[0]?.status).toBe('fail');
    expect(result.records[0]?.message).toMatch(/region:/);
  });

  it('durability compares the window model annual loss with the exact complement', () => {
    // By hand: p = 1 − e^(−0.1/365) per 1-day window, loss needs both replicas: P_w = p²,
    // P(year) = 1 − (1 − p²)^365 ≈ 365·(0.1/365)² = 2.7397e-5 → 4.56 nines.
    const p = -Math.expm1(-0.1 / 365);
    const annual = -Math.expm1(365 * Math.log1p(-p * p));
    const result = evaluateTargets([flag('durability>=4 nines'), flag('durability>=5 nines')], figures);
    expect(result.records[0]?.actualComplement).toBeCloseTo(annual, 12);
    expect(Math.abs(annual / 2.7397e-5 - 1)).toBeLessThan(1e-3); // the approximation, within 0.1%
    expect(result.records.map((r) => r.status)).toEqual(['pass', 'fail']);
  });

  it('backup storage is the total over locations: 7 fulls of 100 GB (no reduction) ≈ 0.7 TB', () => {
    const result = evaluateTargets([flag('backupStorage<=1 TB'), flag('backupStorage<=0.5 TB')], figures);
    expect(result.records.map((r) => r.status)).toEqual(['pass', 'fail']);
  });

  it('a flag replaces the file target of the same metric and scenario', () => {
    const merged = mergeTargets(targetsOf(model), [flag('rpo[region]<=2d')]);
    expect(merged.map((t) => ('flag' in t.source ? t.source.flag : 'file'))).toEqual(['file', 'rpo[region]<=2d']);
  });
});

describe('evaluateTargets with a simulation interval', () => {
  const model = load(ONE_NODE);
  const base = figuresOf(model);
  const estimate = (est: number, lo: number, hi: number) => ({
    estimate: est,
    stdErr: 0,
    ci: [lo, hi] as const,
    trials: 1_000_000,
    events: 1000,
    estimator: 'naive' as const,
  });
  const withSim = (est: number, lo: number, hi: number) => ({
    ...base,
    simulation: { service: { unavailability: estimate(est, lo, hi) }, tiers: [] } as unknown as NonNullable<
      typeof base.simulation
    >,
  });

  it('is inconclusive when the 95% interval of q straddles 1 − threshold, and says how many trials', () => {
    const result = evaluateTargets([flag('availability>=99.9%')], withSim(0.00095, 0.0009, 0.0011));
    expect(result.status).toBe('inconclusive');
    expect(result.records[0]?.method).toBe('simulate');
    // h = 1e-4, d = 5e-5: N′ = 1e6 · 4 = 4e6.
    expect(Math.abs((result.records[0]?.monteCarlo?.trialsNeeded ?? 0) - 4_000_000)).toBeLessThanOrEqual(1);
    expect(result.records[0]?.message).toMatch(/4,000,00\d trials/);
    expect(gateExit(result).code).toBe(3);
    expect(
      evaluateTargets([flag('availability>=99.9%')], withSim(0.00095, 0.0009, 0.0011), { mcDecision: 'point' }).status,
    ).toBe('pass');
  });
});
