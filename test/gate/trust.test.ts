import { describe, expect, it } from 'vitest';
import { evaluateTargets, gateExit, type GateTarget } from '../../src/gate/index.js';
import { parseTargetFlag } from '../../src/config/target-flag.js';
import { collapsed, distrust } from '../../src/simulate/estimate/trust.js';
import type { UnavailabilityEstimate } from '../../src/simulate/types.js';
import { figuresOf, load, ONE_NODE } from './support.js';

const flag = (text: string): GateTarget => {
  const r = parseTargetFlag(text);
  if (!r.ok) throw new Error(r.message);
  return { target: r.target, source: { flag: text } };
};

// The gate never passes on a figure the simulation flags (issue 10, class 1).
describe('a flagged Monte Carlo figure is inconclusive, never a pass', () => {
  const base = figuresOf(load(ONE_NODE));
  const sim = (u: UnavailabilityEstimate) => ({
    ...base,
    simulation: { service: { unavailability: u }, tiers: [] } as unknown as NonNullable<typeof base.simulation>,
  });
  const decide = (u: UnavailabilityEstimate, target = 'availability>=19 nines') => {
    const result = evaluateTargets([flag(target)], sim(u));
    return { result, record: result.records[0], exit: gateExit(result).code };
  };

  it('a degenerate (zero-width) interval from an importance sampler: 1e-214 against a 1e-19 target exits 3', () => {
    // The reproducer's shape: the estimate sits far below the threshold with a zero-width
    // interval, so the pessimistic bound "meets" the target; it must not pass.
    const u: UnavailabilityEstimate = {
      estimate: 1e-214,
      stdErr: 0,
      ci: [1e-214, 1e-214],
      trials: 270_336,
      events: 12,
      estimator: 'importance-sampling',
      effectiveSampleSize: 270_336,
      analytic: 1.5e-19,
      agrees: false,
    };
    const { record, exit } = decide(u);
    expect(record?.status).toBe('inconclusive');
    expect(record?.monteCarlo?.inconclusiveReason).toMatch(/zero-width/);
    expect(record?.message).toMatch(/cannot be trusted/);
    expect(exit).toBe(3);
  });

  it('disagreement with the analytic figure exits 3, on either side of the threshold', () => {
    // 1e-20 ± 1e-22 against an exact 1.5e-19: 14 standard errors apart.
    const low: UnavailabilityEstimate = {
      estimate: 1e-20,
      stdErr: 1e-22,
      ci: [0.98e-20, 1.02e-20],
      trials: 1e6,
      events: 5000,
      estimator: 'importance-sampling',
      effectiveSampleSize: 4000,
      analytic: 1.5e-19,
      agrees: false,
    };
    expect(decide(low).record?.status).toBe('inconclusive');
    expect(decide(low).record?.monteCarlo?.inconclusiveReason).toMatch(/disagrees with the analytic 1\.50e-19/);
    expect(decide(low).exit).toBe(3);
    // The same figure against a target it misses is inconclusive too: it says nothing either way.
    expect(decide(low, 'availability>=21 nines').record?.status).toBe('inconclusive');
    // A warn-level target is reported as a warning, not passed.
    expect(decide(low, 'availability>=19 nines@warn').record?.status).toBe('warn');
  });

  it('an effective sample size below 100 exits 3; the same interval with a healthy ESS passes', () => {
    const u: UnavailabilityEstimate = {
      estimate: 1e-21,
      stdErr: 1e-22,
      ci: [0.8e-21, 1.2e-21],
      trials: 1e6,
      events: 40,
      estimator: 'importance-sampling',
      effectiveSampleSize: 7,
    };
    expect(decide(u).record?.monteCarlo?.inconclusiveReason).toMatch(/effective sample size of only 7/);
    expect(decide(u).exit).toBe(3);
    expect(decide({ ...u, effectiveSampleSize: 5000 }).exit).toBe(0);
  });

  it('downtime targets read the same flags', () => {
    const u: UnavailabilityEstimate = {
      estimate: 1e-9,
      stdErr: 0,
      ci: [1e-9, 1e-9],
      trials: 1e6,
      events: 3,
      estimator: 'importance-sampling',
      effectiveSampleSize: 3,
    };
    expect(decide(u, 'downtimePerYear<=1h').record?.status).toBe('inconclusive');
  });

  it('a naive estimate with no events keeps its rule-of-three interval and decides', () => {
    // k = 0 of N = 1e6: [0, 3e-6]; a 99.9% target (q ≤ 1e-3) passes on the upper bound.
    const u: UnavailabilityEstimate = {
      estimate: 0,
      stdErr: 0,
      ci: [0, 3e-6],
      trials: 1e6,
      events: 0,
      estimator: 'naive',
      upperBound: 3e-6,
    };
    expect(collapsed(u)).toBeUndefined();
    expect(decide(u, 'availability>=99.9%').exit).toBe(0);
    expect(decide(u, 'availability>=99.9999%').exit).toBe(3); // 3e-6 straddles 1e-6
  });

  it('a zero-width interval the analytic figure confirms is exact (a single cut set), and decides', () => {
    const exact: UnavailabilityEstimate = {
      estimate: 1e-9,
      stdErr: 0,
      ci: [1e-9, 1e-9],
      trials: 4096,
      events: 4096,
      estimator: 'importance-sampling',
      effectiveSampleSize: 4096,
      analytic: 1e-9,
      agrees: true,
    };
    expect(distrust(exact)).toBeUndefined();
    expect(decide(exact, 'availability>=8 nines').exit).toBe(0);
    // Without an analytic figure to confirm it, the same interval cannot decide.
    const { analytic: _a, agrees: _b, ...alone } = exact;
    expect(distrust(alone)).toMatch(/zero-width/);
  });

  it('distrust says why; a sound estimate gets no reason', () => {
    const sound: UnavailabilityEstimate = {
      estimate: 1e-3,
      stdErr: 1e-5,
      ci: [0.98e-3, 1.02e-3],
      trials: 1e7,
      events: 10_000,
      estimator: 'naive',
      analytic: 1e-3,
      agrees: true,
    };
    expect(distrust(sound)).toBeUndefined();
    expect(distrust({ ...sound, stdErr: Infinity })).toMatch(/no finite standard error/);
    expect(distrust({ ...sound, agrees: false, analytic: 2e-3 })).toMatch(/100\.0 standard errors/);
  });
});

describe('wording of a miss (issue 10)', () => {
  it('says the comparison that holds, then the target', () => {
    const base = figuresOf(load(ONE_NODE));
    // q = 0.001: availability 99.9% misses 99.95%.
    const r = evaluateTargets([flag('availability>=99.95%'), flag('downtimePerYear<=1h')], base);
    expect(r.records[0]?.message).toBe('availability 99.90% < 99.95% (target ≥ 99.95%): missed');
    expect(r.records[1]?.message).toBe('downtimePerYear 8.76 h > 1 h (target ≤ 1 h): missed');
  });
});
