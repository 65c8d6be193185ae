import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeAvailability } from '../../../src/analytic/availability/index.js';
import { outageWindow, switchoverPenalty } from '../../../src/analytic/availability/switchover-penalty.js';
import { loadModelText } from '../../../src/config/load.js';
import type { Model } from '../../../src/model/types.js';
import { simulateSync } from '../../../src/simulate/index.js';

const HOUR = 3600;
const YEAR = 8760 * HOUR;

function load(text: string): Model {
  const loaded = loadModelText(text);
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
  return loaded.value;
}

/** A primary node and a standby node (MTBF 1 year, MTTR 5 h each) under a failover node. */
const pair = (failover: string): Model =>
  load(`name: pair
tiers:
  - { name: p, nodes: 1, failure: { mtbf: 1 year, mttr: 5 h } }
  - { name: s, nodes: 1, failure: { mtbf: 1 year, mttr: 5 h } }
service:
  failover: { primary: p, standby: s${failover} }
`);

describe('a primary/standby pair with a deterministic switchover, worked by hand', () => {
  // ν = 1/(8760 + 5) per hour; q_S = 5/8765 = 5.70451e-4; R ~ Exp(5 h), τ = 0.5 h:
  // E[min(τ, R)] = 5·(1 − e^−0.1) = 0.475813 h, E[(R − τ)⁺] = 5·e^−0.1 = 4.524187 h.
  const nu = 1 / 8765;
  const qS = 5 / 8765;
  const within = 5 * (1 - Math.exp(-0.1));
  const beyond = 5 * Math.exp(-0.1);

  it('perfect switchover: q = ν·(E[min(τ, R)] + q_S·E[(R − τ)⁺]) = 5.45800e-5', () => {
    const q = nu * (within + qS * beyond);
    expect(q).toBeCloseTo(5.458e-5, 8);
    const r = analyzeAvailability(pair(', switchover: 30 minute'));
    expect(r.service.unavailability / q - 1).toBeCloseTo(0, 12);
    expect(r.failovers[0]).toMatchObject({
      primary: 'p',
      standby: 's',
      switchoverSeconds: 1800,
      switchoverSource: 'given',
      importance: 1,
    });
  });

  it('importance of both nodes from the re-analysis (forced down / never down), worked by hand', () => {
    // p never down: the service never is, Q(0_p) = 0, so FV_p = 1 (the whole Q is p's outages and
    // their switchovers) and RRW is infinite (null); p down: the service runs on s, Q(1_p) = q_S.
    // s never down: only the switchover windows are left, Q(0_s) = ν·E[min(τ, R)]; s down: each
    // outage of p lasts all of R, Q(1_s) = ν·5 h = q_P. (A first-order Q(0_p) = (Q − q_P·Q(1_p)) /
    // (1 − q_P) would give FV_p = q_P·I_B/Q ≈ 5e-3 instead of 1.)
    const r = analyzeAvailability(pair(', switchover: 30 minute'), { cutSets: true });
    const Q = nu * (within + qS * beyond);
    const p = r.importance.find((i) => i.subject === 'p[0]');
    const s = r.importance.find((i) => i.subject === 's[0]');
    expect(p?.serviceUnavailabilityIfUp).toBe(0);
    expect(p?.serviceUnavailabilityIfDown).toBeCloseTo(qS, 15);
    expect(p?.fussellVesely).toBe(1);
    expect(p?.birnbaum).toBeCloseTo(qS, 15);
    expect(p?.rrw).toBeNull();
    expect((p?.raw ?? 0) / (qS / Q) - 1).toBeCloseTo(0, 9);
    expect((s?.serviceUnavailabilityIfUp ?? 0) / (nu * within) - 1).toBeCloseTo(0, 9);
    expect((s?.serviceUnavailabilityIfDown ?? 0) / (5 / 8765) - 1).toBeCloseTo(0, 9);
    expect((s?.fussellVesely ?? 0) / ((qS * beyond) / (within + qS * beyond)) - 1).toBeCloseTo(0, 9);
    expect((s?.birnbaum ?? 0) / (nu * beyond) - 1).toBeCloseTo(0, 9);
    expect(r.importance[0]?.subject).toMatch(/^p/);
  });

  it('switchover succeeding 90%: a failed one costs the rest of the outage', () => {
    // q = ν·(E[min] + [(1 − c) + c·q_S]·E[(R − τ)⁺]) with c = 0.9.
    const q = nu * (within + (0.1 + 0.9 * qS) * beyond);
    const r = analyzeAvailability(pair(', switchover: 30 minute, success: 90%'));
    expect(r.service.unavailability / q - 1).toBeCloseTo(0, 12);
  });

  it('a failback adds ν·c·a_S·P(R > τ)·f (first order)', () => {
    const base = nu * (within + qS * beyond);
    const q = base + nu * (1 - qS) * Math.exp(-0.1) * (5 / 60);
    const r = analyzeAvailability(pair(', switchover: 30 minute, failback: 5 minute'));
    expect(r.service.unavailability / q - 1).toBeCloseTo(0, 12);
  });

  it('outages: every primary failure starts one, and a standby failure after the switchover another', () => {
    // ν_F = ν_P + ν_P·ν_S·E[(R − τ)⁺] (c = 1, no failback), per hour, with the standby's
    // failure frequency ν_S = λ·a = 1/8765 per hour.
    const r = analyzeAvailability(pair(', switchover: 30 minute'));
    const expected = (nu + nu * nu * beyond) * 8760;
    expect(r.service.outagesPerYear).toBeCloseTo(expected, 12);
  });

  it('τ = 0 and c = 1 is the plain parallel: q = q_P·q_S', () => {
    const r = analyzeAvailability(pair(', switchover: 0 s'));
    expect(r.service.unavailability / (qS * qS) - 1).toBeCloseTo(0, 12);
    expect(r.failovers[0]?.switchoverUnavailability).toBe(0);
  });
});

describe('the textbook standby with imperfect switching', () => {
  // MIL-HDBK-338B (1998), §6.4 "standby redundancy", eq. (6.28): with a switch that works when
  // required with probability P1 and never operates prematurely (P2 = 1),
  // P_S = P_A·P_B·(1 − P1 − P2) + P_A·P2 + P_B·P1 = P_A + P1·P_B·(1 − P_A).
  // With an instant switchover our steady-state availability is that formula with P_A, P_B the
  // units' availabilities and P1 = c.
  it('instant switchover, c = 0.95: 1 − A = 1 − [P_A + P1·P_B·(1 − P_A)]', () => {
    const PA = 8760 / 8765;
    const PB = 8760 / 8765;
    const P1 = 0.95;
    const P2 = 1;
    const PS = PA * PB * (1 - P1 - P2) + PA * P2 + PB * P1;
    const r = analyzeAvailability(pair(', switchover: 0 s, success: 95%'));
    expect(r.service.unavailability / (1 - PS) - 1).toBeCloseTo(0, 9);
  });
});

describe('per-failure interruption: the three-state semi-Markov closed form', () => {
  // A node cycles up (MTBF) → interruption (d) → rest of its repair (MTTR − d) → up. The
  // semi-Markov steady state of a cyclic chain is π_i = m_i / Σ m_j, so the interruption state
  // holds d / (MTBF + MTTR) of the time. Two such nodes, 1 of 2 needed: the tier is down when
  // both are (q²) or while one is interrupted with the other up:
  // q = q² + 2·a·d/(MTBF + MTTR), to first order in d/MTBF.
  it('a 1-of-2 tier with 30 s interruptions', () => {
    const m = load(`name: blip
tiers:
  - { name: t, nodes: 2, minHealthy: 1, interruption: 30 s, failure: { mtbf: 1000 h, mttr: 10 h } }
`);
    const q = 10 / 1010;
    const expected = q * q + (2 * (1 - q) * (30 / 3600)) / 1010;
    const r = analyzeAvailability(m);
    expect(r.tiers[0]?.unavailability).toBeCloseTo(expected, 10);
    expect(r.service.unavailability).toBeCloseTo(expected, 10);
    // Outages: a node fails while the other is down (2·λa·q, λa = 1/1010 per hour), or while
    // it is up, which interrupts the tier (2·λa·(1 − q)): 2/1010 per hour in all.
    const nu = 2 * (1 / 1010) * q + 2 * (1 / 1010) * (1 - q);
    expect(r.service.outagesPerYear).toBeCloseTo(nu * 8760, 9);
  });
});

describe('the E[min(τ, R)] identities', () => {
  it('exponential and fixed outages', () => {
    expect(outageWindow(1, 2, 'exponential').within).toBeCloseTo(2 * (1 - Math.exp(-0.5)), 15);
    expect(outageWindow(1, 2, 'exponential').beyond).toBeCloseTo(2 * Math.exp(-0.5), 15);
    expect(outageWindow(3, 2, 'fixed')).toEqual({ within: 2, beyond: 0, pBeyond: 0 });
    // A tiny τ/D keeps its digits: D·(1 − e^(−τ/D)) → τ.
    expect(outageWindow(1e-9, 1e6, 'exponential').within / 1e-9 - 1).toBeCloseTo(0, 14);
  });

  it('the penalty vanishes without a switchover window and with a perfect switch', () => {
    const p = switchoverPenalty(
      { rate: 1e-6, meanSeconds: 3600, shape: 'exponential' },
      { availability: 0.99, failureFrequency: 1e-7 },
      { switchoverSeconds: 0, success: 1, failbackSeconds: 0 },
    );
    expect(p).toEqual({ dq: 0, dnu: 0 });
  });
});

describe('database-dr: the warm standby in eu-west, as its header works it out', () => {
  const model = load(readFileSync('models/database-dr.yaml', 'utf8'));
  const r = analyzeAvailability(model);

  it('switchover 5 + 10 + 45 + 15 min = 75 min, from the region scenario', () => {
    expect(r.failovers[0]).toMatchObject({ scope: 'region', switchoverSeconds: 4500, switchoverSource: 'scenario' });
  });

  it('region downtime ≈ its failure rate × E[min(75 min, R)]: a few minutes a year, not 1.2 h', () => {
    // ν = 1/(20·8760 + 24) per hour; E[min(1.25 h, R)] = 24·(1 − e^(−1.25/24)) h = 73.07 min.
    const perYear = (8760 / (20 * 8760 + 24)) * 24 * (1 - Math.exp(-1.25 / 24)) * 60;
    expect(perYear).toBeCloseTo(3.6535, 3);
    const minutes = r.service.downtimeSecondsPerYear / 60;
    // The rest (zone pairs, the static both-down term) adds a few seconds.
    expect(minutes).toBeGreaterThan(perYear);
    expect(minutes).toBeLessThan(perYear * 1.03);
  });

  it('the home region is a failover path, not a single point of failure', () => {
    expect(r.risks.filter((x) => x.kind === 'single-point-of-failure')).toEqual([]);
    const path = r.risks.find((x) => x.kind === 'failover-path');
    expect(path).toMatchObject({
      subjectKind: 'region',
      subject: 'us-east',
      standby: 'db-dr',
      switchoverSeconds: 4500,
    });
  });

  it('backup-restore: the switchover adds the restore of the chain, and the downtime rises by exactly that window', () => {
    const br: Model = {
      ...model,
      recovery: model.recovery === undefined ? undefined : { ...model.recovery, strategy: 'backup-restore' },
    };
    const b = analyzeAvailability(br);
    const tauBr = b.failovers[0]?.switchoverSeconds ?? 0;
    const phases = b.failovers[0]?.switchoverPhases;
    // detection + provisioning + restore + validation: the failover phase belongs to a live copy.
    expect(tauBr).toBeCloseTo(300 + 2700 + (phases?.restoreSeconds ?? NaN) + 900, 6);
    expect(phases?.restoreSeconds).toBeGreaterThan(3000);
    // Only the switchover terms change: Δq = Σ causes ν_i·a_S·(window(τ_br) − window(τ_warm)).
    const a = r.failovers[0];
    const c = b.failovers[0];
    expect(b.service.unavailability - r.service.unavailability).toBeCloseTo(
      (c?.switchoverUnavailability ?? 0) - (a?.switchoverUnavailability ?? 0),
      15,
    );
    // For the region cause alone (98.9% of it): ν·(E[min(τ_br, R)] − E[min(τ_w, R)]), R ~ Exp(24 h).
    const D = 24 * HOUR;
    const regionDelta = (1 / (20 * YEAR + 24 * HOUR)) * D * (Math.exp(-4500 / D) - Math.exp(-tauBr / D));
    expect((c?.switchoverUnavailability ?? 0) - (a?.switchoverUnavailability ?? 0)).toBeGreaterThan(regionDelta * 0.98);
    expect((c?.switchoverUnavailability ?? 0) - (a?.switchoverUnavailability ?? 0)).toBeLessThan(regionDelta * 1.05);
  });
});

describe('the timeline simulator agrees with the closed forms (within 4 SE)', () => {
  const within4 = (model: Model, trials: number): void => {
    const exact = analyzeAvailability(model).service.unavailability;
    const r = simulateSync(model, { seed: 5, trials, mode: 'timeline' }, { serviceUnavailability: exact, tiers: {} });
    const u = r.timeline?.unavailability;
    expect(u?.agrees, `${u?.estimate} ± ${u?.stdErr} vs ${exact}`).toBe(true);
  };

  it('the pair with a 30 min switchover succeeding 90% and a 5 min failback', () => {
    within4(pair(', switchover: 30 minute, success: 90%, failback: 5 minute'), 100_000);
  });

  it('a 1-of-2 tier whose node failures interrupt it for 1 h (q² + 2a·d/(MTBF + MTTR))', () => {
    const m = load(`name: blip
tiers:
  - { name: t, nodes: 2, minHealthy: 1, interruption: 1 h, failure: { mtbf: 1000 h, mttr: 10 h } }
`);
    within4(m, 20_000);
  });
});
