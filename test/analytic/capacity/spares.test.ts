import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeAvailability } from '../../../src/analytic/availability/index.js';
import { analyzeSpares, shortageProbability, sparesFor } from '../../../src/analytic/capacity/index.js';
import { loadModelText } from '../../../src/config/load.js';
import type { Model } from '../../../src/model/types.js';
import { simulateSync } from '../../../src/simulate/index.js';

function load(text: string): Model {
  const loaded = loadModelText(text);
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
  return loaded.value;
}

/** P(X > s) for X ~ Poisson(ρ), summing the pmf upwards from 0 (an independent reference). */
function poissonAbove(rho: number, s: number): number {
  let term = Math.exp(-rho);
  let below = term;
  for (let j = 1; j <= s; j++) {
    term *= rho / j;
    below += term;
  }
  return 1 - below;
}

describe('hot spares', () => {
  it('P(shortage) by hand: 2 of 2 needed, 1 spare, q = 0.1 → P(≥ 2 of 3 down) = 0.028', () => {
    expect(shortageProbability(2, 1, 2, 0.1)).toBeCloseTo(3 * 0.01 * 0.9 + 0.001, 15);
    expect(shortageProbability(2, 0, 2, 0.1)).toBeCloseTo(1 - 0.81, 15);
  });

  it('keeps a tiny probability intact: 1 of 1 needed, 2 spares, q = 1e-5 → 1e-15', () => {
    expect(shortageProbability(1, 2, 1, 1e-5) / 1e-15 - 1).toBeLessThan(1e-9);
  });

  it('the training example: spares for P(shortage) < 1e-3 equal the Poisson(n·λ·MTTR) quantile, computed here', () => {
    const model = load(readFileSync('models/training-16k-gpu.yaml', 'utf8'));
    const tier = model.tiers[0]!;
    const spares = analyzeSpares(tier);
    // n = 16,384 GPUs, MTBF = 2111.5 d, MTTR = 2 d: in repair ~ Poisson(16384 · 2 / 2111.5 ≈ 15.52).
    const rho = (16_384 * 2) / 2111.5;
    let quantile = 0;
    while (poissonAbove(rho, quantile) >= 1e-3) quantile++;
    expect(quantile).toBe(29);
    expect(spares.sparesNeeded.find((s) => s.probability === 1e-3)?.spares).toBe(quantile);
    // E[in repair] = (n + s)·q with q = 2 / (2111.5 + 2).
    expect(spares.expectedInRepair).toBeCloseTo((16_416 * 2) / 2113.5, 10);
    expect(spares.nodes).toBe(16_384);
    expect(spares.spares).toBe(32);
    // The availability engine sees the same n + s nodes: its tier figure is the same number.
    const engine = analyzeAvailability(model).tiers[0]!.unavailability;
    expect(Math.abs(engine / spares.shortageProbability - 1)).toBeLessThan(1e-9);
  });

  it('sparesFor is the least s: one fewer misses the probability', () => {
    for (const p of [1e-2, 1e-4, 1e-8]) {
      const s = sparesFor(1000, 1000, 0.002, p);
      expect(s).not.toBeNull();
      expect(shortageProbability(1000, s!, 1000, 0.002)).toBeLessThan(p);
      expect(shortageProbability(1000, s! - 1, 1000, 0.002)).toBeGreaterThanOrEqual(p);
    }
  });

  it('the simulator agrees within 4 SE (snapshot and timeline) on a 64-node tier with 2 spares', () => {
    const model = load(`
name: spares
tiers:
  - name: gpu
    nodes: 64
    failure: { mtbf: 99 d, mttr: 1 d }
    minHealthy: all
    spares: 2
`);
    const spares = analyzeSpares(model.tiers[0]!);
    // q = 1/100 each; P(Bin(66, 0.01) ≥ 3) ≈ 0.029.
    expect(spares.shortageProbability).toBeCloseTo(0.029, 3);
    const analytic = { serviceUnavailability: spares.shortageProbability, tiers: { gpu: spares.shortageProbability } };
    const snap = simulateSync(model, { seed: 3, trials: 1 << 20, mode: 'snapshot', estimator: 'naive' }, analytic);
    const u = snap.tiers[0]!.unavailability;
    expect(Math.abs(u.estimate - spares.shortageProbability), `${u.estimate} ± ${u.stdErr}`).toBeLessThan(4 * u.stdErr);
    const timeline = simulateSync(model, { seed: 3, trials: 2000, years: 1, mode: 'timeline' }, analytic);
    const t = timeline.timeline!.unavailability;
    expect(Math.abs(t.estimate - spares.shortageProbability), `${t.estimate} ± ${t.stdErr}`).toBeLessThan(4 * t.stdErr);
  });
});
