import { describe, expect, it } from 'vitest';
import { renderSimulation } from '../../../src/report/text/simulation.js';
import { textStyle } from '../../../src/report/style.js';
import type { SimulationResult } from '../../../src/simulate/index.js';
import { simulateSync } from '../../../src/simulate/run/run-sync.js';
import { model, referenceSnapshotModel, repairable, tier } from '../../support/reference-models.js';
import type { Model } from '../../../src/model/types.js';
import { SECONDS_PER_YEAR } from '../../../src/units/conventions.js';

describe('renderSimulation', () => {
  it('prints the analytic figure beside the simulated one and flags disagreement beyond 4 SE', () => {
    const r = simulateSync(
      referenceSnapshotModel(),
      { seed: 1, trials: 1_000_000, mode: 'snapshot', estimator: 'naive' },
      {
        serviceUnavailability: 3.676e-4,
        tiers: { front: 1e-3 },
      },
    );
    // Wide enough that no cell wraps: the assertions read one row per line (the 100-column fit is test/cli/width.test.ts).
    const text = renderSimulation(r, textStyle(false, { width: 160 }));
    expect(text).toContain('seed 1');
    expect(text).toContain('0.0003676');
    expect(text).toContain('agrees');
    // front's simulated ≈ 3.6e-4 ± 1.9e-5 is ~33 SE from 1e-3.
    expect(text).toMatch(/tier front.*DISAGREES \(\d+\.\d SE\)/);
    expect(text).not.toMatch(/\x1b\[/);
  });

  it('shows "< 3/N" for zero events, the timeline figures and a downtime histogram', () => {
    const node = repairable(30 * 86_400, 86_400);
    const m = model({ tiers: [tier('x', 1, [{ zone: undefined, count: 2, failure: node }])] });
    const r = simulateSync(m, { seed: 2, trials: 100_000, timelineTrials: 2000, estimator: 'naive' });
    const zero: SimulationResult = {
      ...r,
      service: {
        unavailability: {
          estimate: 0,
          stdErr: 0,
          ci: [0, 3e-5],
          trials: 100_000,
          events: 0,
          upperBound: 3e-5,
          estimator: 'naive',
        },
      },
    };
    const text = renderSimulation(zero, textStyle(false, { width: 160 }));
    expect(text).toContain('< 3.00e-5 (0 events in 100,000)');
    expect(text).toContain('downtime per year');
    expect(text).toContain('annual downtime:');
    expect(text).toMatch(/none\s+█+/);
    expect(renderSimulation(r, textStyle(true))).toMatch(/\x1b\[/);
  });
});

describe('renderSimulation: data loss', () => {
  it('shows durability beside the Markov figure and the realised RPO / RTO per scenario', () => {
    const node = repairable(SECONDS_PER_YEAR, 86_400);
    const base = model({ tiers: [tier('db', 1, [{ zone: undefined, count: 2, failure: node }])] });
    const m: Model = {
      ...base,
      data: {
        tier: 'db',
        sizeBytes: 1e12,
        dailyChange: 0.1,
        yearlyGrowth: 0,
        reduction: 0,
        replication: { mode: 'sync', lagSeconds: 0 },
        copies: [],
        backups: [
          {
            name: 'nightly',
            everySeconds: 86_400,
            method: 'full',
            fullEverySeconds: undefined,
            retention: { points: 7, weekly: 0, monthly: 0, yearly: 0 },
            location: { kind: 'offsite' },
            durationSeconds: 3600,
            throughputBytesPerSecond: undefined,
            restoreThroughputBytesPerSecond: 1e9,
          },
        ],
        durability: undefined,
      },
    };
    const r = simulateSync(m, { seed: 1, trials: 1 << 16, mode: 'snapshot', recoveryTrials: 5000 });
    const text = renderSimulation(r, textStyle(false));
    expect(text).toContain('Data loss');
    expect(text).toMatch(/loss events per year .* Markov .* agrees/);
    expect(text).toMatch(/corruption .*nightly/);
    expect(text).toMatch(/region .*nightly/);
    expect(text).not.toContain('not simulated');
    for (const line of text.slice(text.indexOf('Data loss')).split('\n'))
      expect(line.length, line).toBeLessThanOrEqual(100);
  });
});
