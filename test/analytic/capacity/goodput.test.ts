import { describe, expect, it } from 'vitest';
import {
  analyzeJob,
  dalyGoodput,
  dalyInterval,
  firstOrderGoodput,
  youngInterval,
} from '../../../src/analytic/capacity/index.js';
import { simulateGoodput } from '../../../src/simulate/index.js';

const MIN = 60;
const H = 3600;

describe("Young's and Daly's optimum checkpoint intervals", () => {
  it("reproduce Daly's (2006) worked examples: R = 10 min, δ = 5 min, M = 24 h / 6 h / 15 min → 117 / 57 / 9.1 min", () => {
    // Daly, "A higher order estimate of the optimum checkpoint interval for restart dumps",
    // FGCS 22 (2006), Figs. 3–5: the model predicts τopt = 117 min, 57 min and 9.1 min.
    expect(dalyInterval(5 * MIN, 24 * H) / MIN).toBeCloseTo(117, 0);
    expect(dalyInterval(5 * MIN, 6 * H) / MIN).toBeCloseTo(57, 0);
    expect(dalyInterval(5 * MIN, 15 * MIN) / MIN).toBeCloseTo(9.1, 1);
  });

  it('match the published formulas to 1e-9', () => {
    for (const [delta, M] of [
      [20, 11_135],
      [300, 86_400],
      [300, 900],
      [5, 1e7],
    ] as const) {
      // Young (1974): τ = √(2δM).
      expect(Math.abs(youngInterval(delta, M) / Math.sqrt(2 * delta * M) - 1)).toBeLessThan(1e-9);
      // Daly (2006), eq. for δ < 2M: τ = √(2δM)·[1 + (1/3)(δ/(2M))^½ + (1/9)(δ/(2M))] − δ.
      const x = delta / (2 * M);
      const daly = Math.sqrt(2 * delta * M) * (1 + x ** 0.5 / 3 + x / 9) - delta;
      expect(Math.abs(dalyInterval(delta, M) / daly - 1)).toBeLessThan(1e-9);
    }
    // δ ≥ 2M: τ = M.
    expect(dalyInterval(100, 40)).toBe(40);
  });
});

describe('goodput', () => {
  it('equals τ / E[W] with E[W] derived independently by first-step analysis', () => {
    // A segment of w = τ + δ succeeds with p = e^(−w/M); a failed try costs
    // E[X | X < w] = M − w·p/(1 − p), then a restart that costs T_R in expectation, itself
    // T_R = [e^(−R/M)·R + (1 − e^(−R/M))·(M − R·e^(−R/M)/(1 − e^(−R/M)))] / e^(−R/M) (same
    // first-step argument), so E[W] = [p·w + (1 − p)(E[X | X < w] + T_R)] / p.
    for (const [tau, delta, R, M] of [
      [1800, 20, 300, 11_135],
      [600, 60, 600, 3600],
      [7200, 300, 600, 86_400],
    ] as const) {
      const w = tau + delta;
      const p = Math.exp(-w / M);
      const pr = Math.exp(-R / M);
      const TR = (pr * R + (1 - pr) * (M - (R * pr) / (1 - pr))) / pr;
      const EW = (p * w + (1 - p) * (M - (w * p) / (1 - p) + TR)) / p;
      expect(Math.abs(dalyGoodput(tau, delta, R, M) / (tau / EW) - 1)).toBeLessThan(1e-9);
    }
  });

  it('first order is 1 − δ/τ − (τ/2 + R)/M, within its second-order terms of the exact one', () => {
    const [tau, delta, R, M] = [1800, 20, 300, 1e7];
    expect(firstOrderGoodput(tau, delta, R, M)).toBeCloseTo(1 - 20 / 1800 - (900 + 300) / 1e7, 15);
    // Exact: τ/(τ + δ) to first order in w/M; δ/τ vs δ/(τ + δ) differ by ≈ (δ/τ)².
    const bound = (delta / tau) ** 2 + (tau + delta + R) / M;
    expect(Math.abs(dalyGoodput(tau, delta, R, M) - firstOrderGoodput(tau, delta, R, M))).toBeLessThan(bound);
  });

  it("Daly's interval is near the exact optimum: no τ on a fine grid beats it by more than 1e-4", () => {
    const [delta, R, M] = [20, 300, 11_135];
    const at = dalyGoodput(dalyInterval(delta, M), delta, R, M);
    for (let tau = 60; tau < 7200; tau += 5) expect(dalyGoodput(tau, delta, R, M)).toBeLessThan(at + 1e-4);
  });

  it('a job never interrupted only pays for its checkpoints', () => {
    const job = analyzeJob(
      'gpu',
      8,
      { checkpointEverySeconds: 1800, checkpointCostSeconds: 20, restartSeconds: 300 },
      0,
    );
    expect(job.current.goodput).toBe(1800 / 1820);
    expect(job.young).toBeNull();
  });
});

describe("goodput by timeline simulation (Daly's model as the referee)", () => {
  // The Llama 3 rate: 419 interruptions in 54 days → M = 54 d / 419.
  const M = (54 * 86_400) / 419;
  it.each([5 * MIN, 30 * MIN, 2 * H])('agrees within 4 SE at τ = %s s', (tau) => {
    const spec = { checkpointEverySeconds: tau, checkpointCostSeconds: 20, restartSeconds: 300, mtbiSeconds: M };
    const sim = simulateGoodput(spec, { seed: 7, replications: 400, segments: 200 });
    const exact = dalyGoodput(tau, 20, 300, M);
    expect(Math.abs(sim.estimate - exact), `${sim.estimate} ± ${sim.stdErr} vs ${exact}`).toBeLessThan(4 * sim.stdErr);
    expect(sim.stdErr).toBeLessThan(0.005);
    // And the first-order formula is off by more than the simulator's noise at 2 h (τ/M ≈ 0.6).
    if (tau === 2 * H)
      expect(Math.abs(firstOrderGoodput(tau, 20, 300, M) - sim.estimate)).toBeGreaterThan(4 * sim.stdErr);
  });
});
