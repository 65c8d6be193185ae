import { describe, expect, it } from 'vitest';
import { analyzeAvailability } from '../../../src/analytic/availability/index.js';
import { budgetExhaustion, resolveObjective, sloFigures } from '../../../src/app/slo.js';
import { loadModelText } from '../../../src/config/load.js';

// P(a window exhausts its budget) for ONE exponential component (up ~ Exp(λ), down ~ Exp(μ)),
// in closed form, independent of the simulator. Downtime D in [0, t] exceeds x iff the uptime
// is below u = t − x, iff the clock time at which the cumulative uptime reaches u exceeds t.
// During u of uptime the failures are Poisson(λu); each is followed by an Exp(μ) repair, so
//   starting up:   P(D > x) = Σ_{n≥1} Pois(n; λu) · P(Erlang(n, μ) > x)
//   starting down: P(D > x) = Σ_{n≥0} Pois(n; λu) · P(Erlang(n + 1, μ) > x)   (the residual repair is Exp(μ))
// with P(Erlang(k, μ) > x) = Σ_{j<k} Pois(j; μx) (Takács 1957). In the steady state the
// window starts up with probability μ/(λ + μ).
function logFactorial(n: number): number {
  let s = 0;
  for (let i = 2; i <= n; i++) s += Math.log(i);
  return s;
}
const pois = (n: number, m: number): number => Math.exp(-m + n * Math.log(m) - logFactorial(n));
const erlangTail = (k: number, rate: number, x: number): number => {
  let s = 0;
  for (let j = 0; j < k; j++) s += pois(j, rate * x);
  return s;
};

function exhaustionClosedForm(lambda: number, mu: number, t: number, x: number): number {
  const u = t - x;
  let up = 0;
  let down = 0;
  for (let n = 0; n < 200; n++) {
    const w = pois(n, lambda * u);
    if (n >= 1) up += w * erlangTail(n, mu, x);
    down += w * erlangTail(n + 1, mu, x);
  }
  const a = mu / (lambda + mu);
  return a * up + (1 - a) * down;
}

describe('budget exhaustion, one exponential component', { timeout: 60_000 }, () => {
  it('the closed form by hand: MTBF 720 h, MTTR 2 h, 30 d at 99.5% (budget 3.6 h)', () => {
    // First terms of the "starting up" sum: e^−0.995·0.995 · e^−1.8 = 0.0606, …; in all ≈ 0.21.
    const p = exhaustionClosedForm(1 / 720, 1 / 2, 720, 3.6);
    expect(p).toBeGreaterThan(0.19);
    expect(p).toBeLessThan(0.23);
  });

  it('the timeline simulator agrees with the closed form within 4 standard errors', async () => {
    const r = loadModelText(`name: one
tiers:
  - { name: box, nodes: 1, failure: { mtbf: 720 h, mttr: 2 h } }
slo: { objective: 99.5%, window: 30d }
`);
    if (!r.ok) throw new Error('model');
    const model = r.value;
    const objective = resolveObjective(model);
    if (objective === undefined) throw new Error('objective');
    const figures = sloFigures(model, analyzeAvailability(model), objective);
    const result = await budgetExhaustion(model, figures, { seed: 17, trials: 40_000, workers: 1 });
    if (!result.simulated) throw new Error(result.reason);
    const [w] = result.windows;
    if (w === undefined) throw new Error('no window');
    const exact = exhaustionClosedForm(1 / (720 * 3600), 1 / (2 * 3600), 30 * 86_400, 0.005 * 30 * 86_400);
    expect(Math.abs(w.probability.estimate - exact)).toBeLessThanOrEqual(4 * w.probability.stdErr);
    expect(w.probability.ci[0]).toBeLessThan(exact);
    expect(w.probability.ci[1]).toBeGreaterThan(exact);
    // The analytic mean share of the budget: q / (1 − objective) = (2/722) / 0.005 (by hand).
    expect(w.meanBudgetShare.analytic).toBeCloseTo(2 / 722 / 0.005, 12);
    expect(w.meanBudgetShare.simulatedCi[0]).toBeLessThan(w.meanBudgetShare.analytic);
    expect(w.meanBudgetShare.simulatedCi[1]).toBeGreaterThan(w.meanBudgetShare.analytic);
  });
});
