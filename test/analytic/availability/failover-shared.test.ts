import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeAvailability } from '../../../src/analytic/availability/index.js';
import { loadModelText } from '../../../src/config/load.js';
import type { Model } from '../../../src/model/types.js';
import { simulateSync } from '../../../src/simulate/index.js';

function load(text: string): Model {
  const loaded = loadModelText(text);
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
  return loaded.value;
}

// Region east (MTBF 1 year, MTTR 12 h) holds the primaries a and b and a cache c; west holds
// their standbys. Nodes fail once in 10^6 years: only east's losses matter. The service is
// all: [failover(a → a-dr, 10 min, 90%), any: [c, failover(b → b-dr, 1 h)]]: b's failover is
// in parallel with c, so on average it hardly matters (importance ≈ q_c), but east's loss takes
// c too, and then the service is down until b's switchover completes.
const shared = load(`name: shared-by-hand
regions:
  - { name: east, failure: { mtbf: 1 year, mttr: 12 h } }
  - { name: west, failure: { mtbf: 1000000 year, mttr: 12 h } }
zones:
  - { name: e1, region: east }
  - { name: w1, region: west }
tiers:
  - { name: a, nodes: { e1: 1 }, failure: { mtbf: 1000000 year, mttr: 1 h } }
  - { name: a-dr, nodes: { w1: 1 }, failure: { mtbf: 1000000 year, mttr: 1 h } }
  - { name: b, nodes: { e1: 1 }, failure: { mtbf: 1000000 year, mttr: 1 h } }
  - { name: b-dr, nodes: { w1: 1 }, failure: { mtbf: 1000000 year, mttr: 1 h } }
  - { name: c, nodes: { e1: 1 }, failure: { mtbf: 1000000 year, mttr: 1 h } }
service:
  all:
    - failover: { primary: a, standby: a-dr, switchover: 10 minute, success: 90% }
    - any:
        - c
        - failover: { primary: b, standby: b-dr, switchover: 1 h }
`);

describe('two failovers started by one region loss, not in series (worked by hand)', () => {
  // East is lost at ν = λ·a = 1/(8760 + 12) per hour, R ~ Exp(12 h). Given the loss, a, b and
  // c are down and both standbys up: the service is down for [0, 1 h) whatever a's switchover
  // did (b's window, c down), and after 1 h only if a's switchover failed (10%), until east is
  // back: q = ν·(E[min(1 h, R)] + 0.1·E[(R − 1 h)⁺]) = ν·(12·(1 − e^(−1/12)) + 1.2·e^(−1/12)) h.
  const nu = 1 / 8772;
  const e = Math.exp(-1 / 12);
  const q = nu * (12 * (1 - e) + 1.2 * e);
  const r = analyzeAvailability(shared);

  it('q = 2.35240e-4, one outage per loss', () => {
    expect(q).toBeCloseTo(2.3524e-4, 8);
    expect(Math.abs(r.service.unavailability / q - 1)).toBeLessThan(1e-4);
    expect(Math.abs((r.service.outagesPerYear ?? 0) / (nu * 8760) - 1)).toBeLessThan(1e-4);
  });

  it('the importance-weighted sum of the separate terms would count b’s window at ≈ 0', () => {
    const [fa, fb] = r.failovers;
    // a's own term: ν·(E[min(10 min, R)] + 0.1·E[(R − 10 min)⁺]) = ν·(12·(1 − e^(−1/72)) + 1.2·e^(−1/72)) h.
    const e72 = Math.exp(-1 / 72);
    expect((fa?.switchoverUnavailability ?? 0) / (nu * (12 * (1 - e72) + 1.2 * e72)) - 1).toBeCloseTo(0, 4);
    // I_b = q_svc(b down) − q_svc(b up) = q_c = q_east = 12/8772 (c fails only with east).
    expect((fb?.importance ?? 1) / (12 / 8772) - 1).toBeCloseTo(0, 4);
    expect(r.service.unavailability - (fa?.switchoverUnavailability ?? 0)).toBeGreaterThan(0.3 * nu);
  });

  it('says the windows were counted given the loss', () => {
    const w = r.warnings.find((x) => x.code === 'failover-common-cause');
    expect(w?.message).toContain('given that loss');
  });
});

describe('fixtures/models/failover-shared-loss.yaml: the timeline simulator agrees within 4 SE', () => {
  it('service unavailability over 200,000 simulated years', () => {
    const model = load(readFileSync('fixtures/models/failover-shared-loss.yaml', 'utf8'));
    const exact = analyzeAvailability(model);
    const result = simulateSync(
      model,
      { seed: 5, trials: 200_000, years: 1, mode: 'timeline' },
      { serviceUnavailability: exact.service.unavailability, tiers: {} },
    );
    const u = result.timeline?.unavailability;
    if (u === undefined) throw new Error('no timeline');
    expect(Math.abs(u.estimate - exact.service.unavailability)).toBeLessThan(4 * u.stdErr);
    // The separate terms added (the former figure, 1.857e-4) lie > 50 SE away.
    expect(Math.abs(u.estimate - 1.857e-4)).toBeGreaterThan(50 * u.stdErr);
  });
});
