import { describe, expect, it } from 'vitest';
import { analyzeAvailability } from '../../../src/analytic/availability/index.js';
import { component } from '../../../src/model/component.js';
import { SECONDS_PER_HOUR, SECONDS_PER_YEAR } from '../../../src/units/conventions.js';
import { model, p, r, rel, tier } from './build-model.js';

const H = SECONDS_PER_HOUR;
const perfect = component({ availability: 1 }, {}, 0);

describe('outage frequency ν = Σ I_B(i)·A_i·λ_i', () => {
  it('a single component fails λ·A times per unit time; mean outage = MTTR', () => {
    // MTBF 999 h, MTTR 1 h: λ = 1/999 per h, A = 0.999 → ν = 0.001 per h (one cycle per
    // MTBF + MTTR = 1000 h); per year 8760 · 0.001 = 8.76; mean outage q/ν = 0.001/0.001 = 1 h;
    // MTBF of the service 1/ν = 1000 h; P(≥ 1 outage in a year), exact for one component from
    // the steady state: 1 − A·e^(−λ·8760 h) = 1 − 0.999·e^(−8760/999) (the rare-event form
    // 1 − e^(−8.76) differs by 1.5e-6).
    const s = analyzeAvailability(model({ tiers: [tier('t', { failure: r(999 * H, H) })] })).service;
    expect(s.outagesPerYear).toBeCloseTo(8.76, 12);
    expect(s.meanOutageSeconds).toBeCloseTo(H, 8);
    expect(s.mtbfSeconds).toBeCloseTo(1000 * H, 6);
    expect(s.failureProbability).toBeCloseTo(1 - 0.999 * Math.exp(-8760 / 999), 14);
    expect(s.failureProbabilityMethod).toBe('exact');
  });

  it('a 1-of-2 parallel pair: ν = 2·λ·A·q = 2μq², mean outage = MTTR/2', () => {
    // Each node's Birnbaum importance is P(other down) = q, so ν = 2·q·A·λ. With λA = μq
    // (balance of a two-state component, q = λ/(λ + μ)), ν = 2μq² and the mean outage is
    // q_sys/ν = q²/(2μq²) = 1/(2μ) = MTTR/2 (both must be down; the first repair ends it).
    // MTBF 999 h, MTTR 1 h: q = 0.001, ν = 2 · 1 · 1e-6 per h = 2e-6 per h → 0.01752 per year.
    const s = analyzeAvailability(model({ tiers: [tier('pair', { nodes: 2, k: 1, failure: r(999 * H, H) })] })).service;
    expect(rel(s.unavailability, 1e-6)).toBeLessThan(1e-12);
    expect(rel(s.outagesPerYear ?? 0, 0.01752)).toBeLessThan(1e-12);
    expect(rel(s.meanOutageSeconds ?? 0, H / 2)).toBeLessThan(1e-12);
  });

  it('a 2-of-3 tier: ν = 3 · (2aq) · a · λ', () => {
    // A node matters when exactly one of the two others is up: I_B = 2aq. ν = 6a²qλ.
    // a = .999, q = .001, λ = 1/999 per h: ν = 6 · .998001 · .001 / 999 per h;
    // q_sys = 3aq² + q³ = 2.998e-6; mean outage = q_sys/ν.
    const s = analyzeAvailability(model({ tiers: [tier('t', { nodes: 3, k: 2, failure: r(999 * H, H) })] })).service;
    const nuPerHour = (6 * 0.998001 * 0.001) / 999;
    expect(rel(s.outagesPerYear ?? 0, nuPerHour * 8760)).toBeLessThan(1e-12);
    expect(rel(s.meanOutageSeconds ?? 0, (2.998e-6 / nuPerHour) * H)).toBeLessThan(1e-12);
  });

  it('a node in a failing zone is a series pair: ν = a_z·a_n·(λ_n + λ_z)', () => {
    // Node: MTBF 999 h, MTTR 1 h. Zone: MTBF 9999 h, MTTR 1 h (a_z = .9999).
    // Series: I_B(node) = a_z, I_B(zone) = a_n → ν = a_z a_n λ_n + a_n a_z λ_z.
    const m = model({
      zones: [{ name: 'z', failure: r(9999 * H, H) }],
      tiers: [tier('t', { failure: r(999 * H, H), zones: ['z'] })],
    });
    const res = analyzeAvailability(m);
    const nu = 0.9999 * 0.999 * (1 / 999 + 1 / 9999);
    expect(rel(res.service.outagesPerYear ?? 0, nu * 8760)).toBeLessThan(1e-12);
    // q_sys = 1 − .999 · .9999
    expect(rel(res.service.unavailability, 1 - 0.999 * 0.9999)).toBeLessThan(1e-12);
  });

  it('a perfect node in a repairable zone fails as often as the zone', () => {
    const m = model({
      zones: [{ name: 'z', failure: r(999 * H, H) }],
      tiers: [tier('t', { failure: perfect, zones: ['z'] })],
    });
    const s = analyzeAvailability(m).service;
    expect(s.outagesPerYear).toBeCloseTo(8.76, 12);
  });

  it('static specs give no frequency: null and a warning, never a wrong number', () => {
    const res = analyzeAvailability(model({ tiers: [tier('t', { failure: p(0.001) })] }));
    expect(res.service.outagesPerYear).toBeNull();
    expect(res.service.meanOutageSeconds).toBeNull();
    expect(res.service.failureProbability).toBeNull();
    expect(res.warnings.map((w) => w.code)).toContain('static-no-frequency');
    expect(res.service.unavailability).toBe(0.001);
  });

  it('a service that never fails has ν = 0 and no mean outage', () => {
    const s = analyzeAvailability(model({ tiers: [tier('t', { failure: perfect })] })).service;
    expect(s.outagesPerYear).toBe(0);
    expect(s.meanOutageSeconds).toBeNull();
    expect(s.nines).toBeNull();
    expect(s.failureProbability).toBe(0);
  });

  it('splits the frequency over node groups (per-group outages per year add up)', () => {
    const m = model({
      zones: ['a', 'b'].map((name) => ({ name, failure: r(9999 * H, 2 * H) })),
      tiers: [tier('t', { nodes: 4, k: 2, failure: r(999 * H, H), zones: ['a', 'b'] })],
      horizonSeconds: SECONDS_PER_YEAR,
    });
    const res = analyzeAvailability(m);
    const groups = res.tiers[0]?.groups ?? [];
    expect(groups).toHaveLength(2);
    expect(groups[0]?.outagesPerYear).toBeCloseTo(groups[1]?.outagesPerYear ?? -1, 12);
    expect(groups[0]?.outagesPerYear ?? 0).toBeGreaterThan(0);
    expect(groups[0]?.outagesPerYear ?? 0).toBeLessThan(res.service.outagesPerYear ?? 0);
  });
});

describe('P(at least one outage within the horizon), exact where the structure allows (issue 10)', () => {
  it('one node, MTBF 30 d, MTTR 10 d, 150 d: 1 − 0.75·e^(−5) = 0.99495, not 1 − e^(−3.75) = 0.97648', {
    timeout: 60_000,
  }, async () => {
    const { analyzeModel } = await import('../../../src/analytic/analyze-model.js');
    const { loadModelText } = await import('../../../src/config/load.js');
    const r = loadModelText(
      'name: one\nhorizon: 150 d\ntiers: [{ name: n, nodes: 1, failure: { mtbf: 30 d, mttr: 10 d } }]\n',
    );
    if (!r.ok) throw new Error('invalid');
    const s = analyzeModel(r.value).availability.service;
    // Steady start: up with A = 30/40 = 0.75, then no failure for 150 d at λ = 1/30 per day.
    expect(s.failureProbability).toBeCloseTo(1 - 0.75 * Math.exp(-5), 12);
    expect(s.failureProbabilityMethod).toBe('exact');
    // Two nodes: the rare-event form, labelled.
    const two = loadModelText(
      'name: two\ntiers: [{ name: n, nodes: 2, failure: { mtbf: 30 d, mttr: 10 d }, minHealthy: 1 }]\n',
    );
    if (!two.ok) throw new Error('invalid');
    expect(analyzeModel(two.value).availability.service.failureProbabilityMethod).toBe('rare-event');
  });
});
