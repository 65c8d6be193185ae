import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeAvailability } from '../../src/analytic/availability/index.js';
import { loadModelText } from '../../src/config/load.js';
import type { Model } from '../../src/model/types.js';
import { compileModel } from '../../src/simulate/compile/compile.js';
import { runImportanceChunk } from '../../src/simulate/kernels/importance-kernel.js';
import { tuneBiasing } from '../../src/simulate/estimate/importance-tuning.js';
import { simulateSync } from '../../src/simulate/run/run-sync.js';
import { StructureEvaluator } from '../../src/simulate/compile/structure.js';

function load(path: string): Model {
  const r = loadModelText(readFileSync(path, 'utf8'));
  if (!r.ok) throw new Error(`cannot load ${path}`);
  return r.value;
}

const mixed = (): Model => load('fixtures/models/mixed-topology.yaml');

// Tier lb of mixed-topology, worked by hand: 1-of-3 nodes, one in each of zones a1 (region r1),
// b1 (region r2) and edge (no region); a node is down if it, its zone or its region is down,
// all independent, so P(lb down) = Π over the three nodes of P(node effectively down):
//   a1:   1 − (1 − 0.001)(1 − 6/8766)(1 − 12/43812) = 1.957215e-3
//         (node q = 1 − 99.9%; zone mtbf 1 y = 8760 h, mttr 6 h: 6/8766;
//          region mtbf 5 y = 43800 h, mttr 12 h: 12/43812)
//   b1:   1 − 0.999 × 0.998 × 0.999 = 3.995002e-3 (node; zone probability 0.002; region 99.9%)
//   edge: 1 − 0.999 × 0.995 = 5.995e-3 (node; zone 99.5%)
//   q_lb = 1.957215e-3 × 3.995002e-3 × 5.995e-3 = 4.68754e-8.
// (The issue quoted a1 = 1.957663e-3 and q_lb = 4.6886e-8: a slip in the a1 product; the
// figures above check: 0.999 × 0.99931554… × 0.99972610… = 0.99804279.)
const LB_EXACT =
  (1 - (1 - 0.001) * (1 - 6 / 8766) * (1 - 12 / 43812)) * (1 - 0.999 * 0.998 * 0.999) * (1 - 0.999 * 0.995);

describe('importance sampling is unbiased on a mixed topology (tiers sharing zones)', () => {
  it('the hand-worked lb figure is 4.68754e-8', () => {
    expect(LB_EXACT).toBeCloseTo(4.68754e-8, 12);
  });

  it('estimates tier lb within 4 SE of the hand-worked value and the service within 4 SE of the analytic engine', () => {
    const m = mixed();
    const t0 = performance.now();
    const r = simulateSync(m, { seed: 1, trials: 1 << 20, mode: 'snapshot' });
    expect(performance.now() - t0).toBeLessThan(3000);
    const lb = r.tiers.find((t) => t.name === 'lb')?.unavailability;
    expect(lb?.estimator).toBe('importance-sampling');
    expect(Math.abs((lb?.estimate ?? 0) - LB_EXACT)).toBeLessThanOrEqual(4 * (lb?.stdErr ?? 0));
    expect((lb?.stdErr ?? 0) / LB_EXACT).toBeLessThan(0.02);
    // The analytic engine conditions on zone and region states: an independent computation.
    const exactService = analyzeAvailability(m).service.unavailability;
    const svc = r.service.unavailability;
    expect(svc.estimator).toBe('importance-sampling');
    expect(Math.abs(svc.estimate - exactService)).toBeLessThanOrEqual(4 * svc.stdErr);
    expect(svc.stdErr / exactService).toBeLessThan(0.02);
  });

  it('gives honest 95% intervals for lb and the service across 20 seeds (coverage ≥ 85%)', () => {
    const m = mixed();
    const exactService = analyzeAvailability(m).service.unavailability;
    let lbIn = 0;
    let svcIn = 0;
    for (let seed = 1; seed <= 20; seed++) {
      const r = simulateSync(m, { seed, trials: 1 << 16, mode: 'snapshot' });
      const lb = r.tiers.find((t) => t.name === 'lb')?.unavailability;
      if (lb !== undefined && lb.ci[0] <= LB_EXACT && LB_EXACT <= lb.ci[1]) lbIn++;
      const s = r.service.unavailability;
      if (s.ci[0] <= exactService && exactService <= s.ci[1]) svcIn++;
    }
    expect(lbIn).toBeGreaterThanOrEqual(17);
    expect(svcIn).toBeGreaterThanOrEqual(17);
  });
});

describe('the fallback proposal (too many cut sets): a uniform tilt mixed with cross-entropy over tied classes', () => {
  // Cut sets disabled (budget 0) to exercise the fallback directly on lb.
  function fallbackRun(seed: number): { estimate: number; stdErr: number } {
    const cm = compileModel(mixed());
    const ev = new StructureEvaluator(cm);
    const tuned = tuneBiasing(cm, ev, 0, seed, 1 << 20, { maxCutSets: 0 });
    if (tuned === undefined || 'untunable' in tuned) throw new Error('no proposal');
    expect(tuned.method).toBe('tier-mixture');
    let n = 0;
    let s = 0;
    let s2 = 0;
    for (let c = 0; c < 8; c++) {
      const x = runImportanceChunk(ev, tuned.bias, 0, seed, 17, c, 4096);
      n += x.trials;
      s += x.sumW;
      s2 += x.sumW2;
    }
    const p = s / n;
    return { estimate: p, stdErr: Math.sqrt((s2 / n - p * p) / (n - 1)) };
  }

  it('keeps the node-in-edge path that plain cross-entropy starved (lb within 4 SE at 10 seeds)', () => {
    // Plain CE reported 3.92e-8: it lost q_node(1 − q_edge)·q_a1·q_b1 = 0.001·0.995·1.957215e-3
    // ·3.995002e-3 = 7.78e-9, the path "zone edge up, lb node in edge down".
    for (let seed = 1; seed <= 10; seed++) {
      const r = fallbackRun(seed);
      expect(Math.abs(r.estimate - LB_EXACT)).toBeLessThanOrEqual(4 * r.stdErr);
    }
  });
});
