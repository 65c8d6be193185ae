import { describe, expect, it } from 'vitest';
import { analyzeAvailability } from '../../../src/analytic/availability/index.js';
import { allocateBudget } from '../../../src/analytic/slo/allocation.js';
import { resolveObjective, sloFigures } from '../../../src/app/slo.js';
import { loadModelText } from '../../../src/config/load.js';
import type { Model } from '../../../src/model/types.js';

function model(text: string): Model {
  const r = loadModelText(text);
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.value;
}

const MINUTES_PER_YEAR = 525_600;

describe('Treynor, Dahlin, Rau, Beyer, "The Calculus of Service Availability" (ACM Queue 15(2), 2017)', () => {
  // "The numbers": a 99.99% service with five critical dependencies on other, independent
  // 99.999% services. Published: "The total budget for outages for the year is 0.01 percent of
  // 525,600 minutes/year, or 53 minutes"; "five independent critical dependencies, with a budget
  // of 0.001 percent each = 0.005 percent; 0.005 percent of 525,600 minutes/year, or 26 minutes";
  // the rest for the service: "53 - 26 = 27 minutes". Exact: 52.56, 26.28 and 26.28 minutes; the
  // article rounds each to whole minutes before subtracting (53 − 26 = 27).
  const text = `name: treynor
tiers:
${[1, 2, 3, 4, 5].map((i) => `  - { name: dep${i}, nodes: 1, failure: { availability: 99.999% } }`).join('\n')}
slo: { objective: 99.99%, window: 365d }
`;
  const m = model(text);
  const availability = analyzeAvailability(m);
  const objective = resolveObjective(m);
  if (objective === undefined) throw new Error('no objective');
  const f = sloFigures(m, availability, objective);
  const a = f.allocation;

  it('comes out as published', () => {
    expect(f.budgets[0]?.budgetSeconds).toBeCloseTo(52.56 * 60, 9);
    expect(Math.round((f.budgets[0]?.budgetSeconds ?? 0) / 60)).toBe(53);
    expect(a.dependencies.map((d) => d.name)).toEqual(['dep1', 'dep2', 'dep3', 'dep4', 'dep5']);
    const each = a.dependencies.map((d) => d.unavailability * MINUTES_PER_YEAR);
    for (const x of each) expect(x).toBeCloseTo(5.256, 12);
    const dependencyMinutes = each.reduce((s, x) => s + x, 0);
    expect(dependencyMinutes).toBeCloseTo(26.28, 10);
    expect(Math.round(dependencyMinutes)).toBe(26);
    expect(Math.round(52.56) - Math.round(dependencyMinutes)).toBe(27);
    // Every dependency meets the rule of the extra 9 (1e-5 ≤ 1e-4 / 10).
    expect(a.dependencies.every((d) => d.extraNine)).toBe(true);
  });

  it('counts two dependencies down at once once: 1 − (1 − 1e-5)^5, a hair under the linear 0.005%', () => {
    // By the binomial theorem: 5·1e-5 − 10·1e-10 + 10·1e-15 − 5·1e-20 + 1e-25 (the direct 1 − 0.99999^5 loses digits).
    const exact = 5e-5 - 1e-9 + 1e-14 - 5e-20;
    expect(a.dependenciesUnavailability).toBeCloseTo(exact, 18);
    expect(a.designUnavailability).toBeCloseTo(exact, 18);
    expect(a.combinedUnavailability).toBeLessThan(1e-18);
    expect(a.leftUnavailability * MINUTES_PER_YEAR).toBeCloseTo(52.56 - exact * MINUTES_PER_YEAR, 9);
    expect(a.feasible).toBe(true);
  });
});

describe('allocation over the structure', () => {
  it('a service needing B and C at 99% can promise at most 98.01% (the issue)', () => {
    const m = model(`name: bc
tiers:
  - { name: b, nodes: 1, failure: { availability: 99% } }
  - { name: c, nodes: 1, failure: { availability: 99% } }
`);
    const a = allocateBudget(m, analyzeAvailability(m), 0.01);
    expect(a.maxObjective).toBeCloseTo(0.9801, 15);
    expect(a.feasible).toBe(false); // 1.99% unavailability > a 1% budget
    expect(a.budgetShare).toBeCloseTo(1.99, 12);
  });

  it('a region under two tiers (through a zone) is one dependency, counted once', () => {
    // Service = all(web, db); both single nodes in zone a of region r: every component is critical,
    // q = 1 − (1 − q_r)(1 − q_z)(1 − q_web)(1 − q_db) by hand, and nothing is left for "combined".
    const m = model(`name: nested
regions: [{ name: r, failure: { availability: 99.99% } }]
zones: [{ name: a, region: r, failure: { availability: 99.95% } }]
tiers:
  - { name: web, nodes: { a: 1 }, failure: { availability: 99.9% } }
  - { name: db, nodes: { a: 1 }, failure: { availability: 99.8% } }
`);
    const a = allocateBudget(m, analyzeAvailability(m), 0.01);
    expect(a.dependencies.map((d) => `${d.kind} ${d.name}`)).toEqual(['region r', 'zone a', 'tier web', 'tier db']);
    expect(a.dependencies.map((d) => d.unavailability)).toEqual(
      [1e-4, 5e-4, 1e-3, 2e-3].map((x) => expect.closeTo(x, 15)),
    );
    const q = 1 - (1 - 1e-4) * (1 - 5e-4) * (1 - 1e-3) * (1 - 2e-3);
    expect(a.designUnavailability).toBeCloseTo(q, 14);
    expect(a.dependenciesUnavailability).toBeCloseTo(q, 14);
    expect(a.combinedUnavailability).toBeLessThan(1e-15);
  });

  it('redundancy across zones: the zones are not dependencies; the parts add up to the modelled q', () => {
    const m = model(`name: two-zones
zones:
  - { name: a, failure: { availability: 99.9% } }
  - { name: b, failure: { availability: 99.9% } }
tiers:
  - { name: web, nodes: { a: 1, b: 1 }, minHealthy: 1, failure: { availability: 99% } }
  - { name: db, nodes: { a: 1, b: 1 }, minHealthy: 1, failure: { availability: 99.99% } }
`);
    const av = analyzeAvailability(m);
    const a = allocateBudget(m, av, 1e-3);
    expect(a.dependencies.map((d) => `${d.kind} ${d.name}`)).toEqual(['tier web', 'tier db']);
    // Own shares, zones up: both nodes down, 0.01² = 1e-4 and 0.0001² = 1e-8 (by hand).
    expect(a.dependencies.map((d) => d.unavailability)).toEqual([expect.closeTo(1e-4, 16), expect.closeTo(1e-8, 20)]);
    // q by hand, conditioning on the zones (z = 0.001): both up, one down, both down.
    const z = 0.001;
    const bothUp = 1 - (1 - 0.01 ** 2) * (1 - 0.0001 ** 2);
    const oneDown = 1 - 0.99 * 0.9999;
    const q = (1 - z) ** 2 * bothUp + 2 * z * (1 - z) * oneDown + z * z;
    expect(av.service.unavailability).toBeCloseTo(q, 15);
    expect(a.dependenciesUnavailability + a.combinedUnavailability).toBeCloseTo(q, 15);
    expect(a.combinedUnavailability).toBeCloseTo(q - (1 - (1 - 1e-4) * (1 - 1e-8)), 15);
  });
});

describe('switchover windows in the allocation (a primary/standby pair worked by hand)', () => {
  // p and s: one node each, MTBF 1 year, MTTR 5 h; τ = 30 min, c = 1. Primary outages at
  // ν = 1/8765 per hour, R ~ Exp(5 h): E[min(τ, R)] = 5·(1 − e^(−0.1)) h = 0.475813 h; the
  // standby is up with a_S = 1 − 5/8765. Switchover windows: q_sw = ν·a_S·E[min(τ, R)]
  // = 5.42546e-5 (28.51 min a year); the static parallel q_P·q_S = (5/8765)² = 3.254e-7 is
  // redundancy exhausted. Objective 99.99%: the windows take q_sw / 1e-4 = 54.25% of the budget.
  const m = model(`name: pair
tiers:
  - { name: p, nodes: 1, failure: { mtbf: 1 year, mttr: 5 h } }
  - { name: s, nodes: 1, failure: { mtbf: 1 year, mttr: 5 h } }
service:
  failover: { primary: p, standby: s, switchover: 30 minute }
slo: { objective: 99.99%, window: 30d }
`);
  const availability = analyzeAvailability(m);
  const a = allocateBudget(m, availability, 1e-4);
  const within = 5 * -Math.expm1(-0.1);
  const qSw = (within / 8765) * (1 - 5 / 8765);
  const qStatic = (5 / 8765) ** 2;

  it('gets its own row: q_sw = 5.42546e-5, 28.51 min a year, 54.25% of the budget', () => {
    expect(qSw).toBeCloseTo(5.42546e-5, 9);
    expect(a.switchover?.unavailability ?? 0).toBeCloseTo(qSw, 15);
    expect((a.switchover?.secondsPerYear ?? 0) / 60).toBeCloseTo((qSw * 525_600 * 60) / 60, 9);
    expect((a.switchover?.secondsPerYear ?? 0) / 60).toBeCloseTo(28.515, 2);
    expect(a.switchover?.budgetShare ?? 0).toBeCloseTo(0.542546, 5);
  });

  it('leaves the static parallel as redundancy exhausted, the rows adding up to the design', () => {
    expect(a.dependencies).toEqual([]);
    expect(a.combinedUnavailability / qStatic - 1).toBeCloseTo(0, 6);
    expect(a.combinedUnavailability + (a.switchover?.unavailability ?? 0)).toBeCloseTo(a.designUnavailability, 15);
  });

  it('is null without failover nodes', () => {
    const plain = model(`name: plain
tiers:
  - { name: p, nodes: 1, failure: { mtbf: 1 year, mttr: 5 h } }
`);
    expect(allocateBudget(plain, analyzeAvailability(plain), 1e-4).switchover).toBeNull();
  });
});
