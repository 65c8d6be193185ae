import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { planCapacity } from '../../../src/analytic/capacity/index.js';
import { simulateBackupJob } from '../../../src/analytic/data-protection/index.js';
import { loadModelText } from '../../../src/config/load.js';
import type { Model } from '../../../src/model/types.js';

const DAY = 86_400;
const MONTH = 30 * DAY;
const YEAR = 365 * DAY;

function load(text: string): Model {
  const loaded = loadModelText(text);
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
  return loaded.value;
}

const plan3y = (model: Model) => planCapacity(model, { horizonSeconds: 3 * YEAR, stepSeconds: MONTH });

describe('runway of a growing tier, solved by hand', () => {
  const model = load(readFileSync('models/inference-3az.yaml', 'utf8'));
  const plan = plan3y(model);
  const runway = (subject: string, kind: string) =>
    plan.runway.find((r) => r.subject === subject && r.kind === kind)?.breaksAtSeconds;

  it('gateway N+1: 4 of 6 nodes × 400 = 1600 after a zone loss; 1500·1.4^(t/y) = 1600 on day 70', () => {
    // t* = 365 d · ln(1600/1500) / ln(1.4) = 365 · 0.0645385 / 0.3364722 = 70.01 d.
    const t = runway('gateway', 'zone-loss')!;
    expect(t / DAY).toBeCloseTo((365 * Math.log(1600 / 1500)) / Math.log(1.4), 9);
    expect(Math.floor(t / DAY)).toBe(70);
    // To the day: still carried at the end of day 70's start, short a day later.
    expect(1500 * 1.4 ** (70 / 365)).toBeLessThan(1600);
    expect(1500 * 1.4 ** (71 / 365)).toBeGreaterThan(1600);
  });

  it('gateway demand: 6 × 400 = 2400 reached on day 509 (1500·1.4^(509/365) < 2400 < 1500·1.4^(510/365))', () => {
    const t = runway('gateway', 'demand')!;
    expect(Math.floor(t / DAY)).toBe(509);
    expect(1500 * 1.4 ** (509 / 365)).toBeLessThan(2400);
    expect(1500 * 1.4 ** (510 / 365)).toBeGreaterThan(2400);
  });

  it('inference: 8 of 12 hosts × 40 = 320 after a zone loss vs 300 → the same 16/15 ratio, day 70', () => {
    expect(runway('inference', 'zone-loss')).toBeCloseTo(runway('gateway', 'zone-loss')!, 3);
  });

  it('the availability target breaks when N+1 does: with 9 of 12 hosts needed, one zone down takes the service down', () => {
    expect(runway('availability', 'availability')).toBeCloseTo(runway('inference', 'zone-loss')!, 3);
  });

  it('the plan adds the nodes by the N+1 runway, and after every addition the tier carries the demand with a zone down', () => {
    const first = plan.additions.find((a) => a.tier === 'gateway')!;
    expect(first.bySeconds).toBeCloseTo(runway('gateway', 'zone-loss')!, 6);
    // 8 gateways over 3 zones = 3 + 3 + 2: losing a 3-node zone leaves 5 × 400 = 2000 ≥ 1600+.
    expect(first.totalNodes).toBe(8);
    for (const a of plan.additions) {
      const perNode = a.tier === 'gateway' ? 400 : 40;
      const d0 = a.tier === 'gateway' ? 1500 : 300;
      const left = a.totalNodes - Math.ceil(a.totalNodes / 3);
      // Enough until the next addition of the tier (or the horizon).
      const next = plan.additions.find((b) => b.tier === a.tier && b.bySeconds > a.bySeconds)?.bySeconds ?? 3 * YEAR;
      expect(left * perNode).toBeGreaterThanOrEqual(d0 * 1.4 ** ((next - 1) / YEAR) * (1 - 1e-9));
    }
  });

  it('steps run monthly from 0 to the horizon with the demand compounded', () => {
    expect(plan.steps).toHaveLength(37);
    const s12 = plan.steps[12]!.tiers.find((t) => t.tier === 'gateway')!;
    expect(s12.demand).toBeCloseTo(1500 * 1.4 ** (360 / 365), 9);
    expect(s12.neededForDemand).toBe(Math.ceil((1500 * 1.4 ** (360 / 365)) / 400));
  });
});

describe('monthly growth', () => {
  it('3%/month: 100 → 200 capacity crosses at 30 d · ln 2 / ln 1.03 = 703.4 d (day 703)', () => {
    const model = load(`
name: monthly
tiers:
  - name: api
    nodes: 2
    failure: { afr: 5%, mttr: 1 h }
    capacity: { perNode: 100, demand: 100, growth: 3%/month }
`);
    const t = plan3y(model).runway.find((r) => r.kind === 'demand')!.breaksAtSeconds!;
    expect(t / DAY).toBeCloseTo((30 * Math.LN2) / Math.log(1.03), 9);
    expect(Math.floor(t / DAY)).toBe(703);
  });
});

describe('storage runway', () => {
  const text = `
name: storage
tiers:
  - name: db
    nodes: 3
    failure: { afr: 5%, mttr: 1 h }
data:
  tier: db
  size: 10 TB
  yearlyGrowth: 50%
  capacity: 20 TB
  backupCapacity: { offsite: 100 TB }
  backups:
    - name: nightly
      every: 1 d
      method: full
      retention: { points: 7 }
      location: offsite
      duration: 1 h
      restoreThroughput: 1 GB/s
`;
  const model = load(text);
  const plan = plan3y(model);

  it('the backup location breaks on the first day whose full does not fit, as the day-by-day simulation says', () => {
    const t = plan.runway.find((r) => r.kind === 'backup-storage')!.breaksAtSeconds!;
    // By hand: 7 fulls kept + the one being written: Σ_{j=i−7}^{i} 10 TB · 1.5^(j/365) > 100 TB.
    let day = 7;
    const peak = (i: number): number => {
      let s = 0;
      for (let j = i - 7; j <= i; j++) s += 10e12 * 1.5 ** (j / 365);
      return s;
    };
    while (peak(day) <= 100e12) day++;
    expect(t).toBe(day * DAY);
    // The simulation over the days before it stays within capacity; one day more passes it.
    const job = model.data!.backups[0]!;
    expect(simulateBackupJob(job, model.data!, t).peakStorageBytes).toBeLessThanOrEqual(100e12);
    expect(simulateBackupJob(job, model.data!, t + DAY).peakStorageBytes).toBeGreaterThan(100e12);
  });

  it('the live data passes 20 TB at 365 d · ln 2 / ln 1.5 = 624 d', () => {
    const t = plan.runway.find((r) => r.kind === 'data-capacity')!.breaksAtSeconds!;
    expect(t / DAY).toBeCloseTo((365 * Math.LN2) / Math.log(1.5), 9);
  });

  it('steps show the stored backups after retention: 7 fulls on day 0 of month 1 onwards', () => {
    const step = plan.steps[1]!.storage.find((s) => s.kind === 'backup-storage')!;
    let s = 0;
    for (let j = 24; j <= 30; j++) s += 10e12 * 1.5 ** (j / 365);
    expect(step.bytes / s - 1).toBeLessThan(1e-12);
    expect(step.capacityBytes).toBe(100e12);
  });
});
