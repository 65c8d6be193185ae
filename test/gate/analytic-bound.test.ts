/**
 * The gate on an analytic figure that is only a bound (zone/region states skipped): it decides
 * only when the whole rigorous interval is on one side of the threshold, else inconclusive.
 */
import { describe, expect, it } from 'vitest';
import { analyzeAvailability } from '../../src/analytic/availability/index.js';
import { parseTargetFlag } from '../../src/config/target-flag.js';
import { evaluateTargets, gateExit, type GateTarget } from '../../src/gate/index.js';
import { model, p, r, tier } from '../analytic/availability/build-model.js';

const flag = (text: string): GateTarget => {
  const r = parseTargetFlag(text);
  if (!r.ok) throw new Error(r.message);
  return { target: r.target, source: { flag: text } };
};

// 12 zones of distinct q and contents (zone i holds i + 1 nodes), a budget of 300
// evaluations: not exact, with a bound of positive width.
const zones = Array.from({ length: 12 }, (_, i) => ({ name: `z${i}`, failure: p(0.02 + 0.01 * i) }));
const groups = zones.map((z, i) => ({ zone: z.name, count: i + 1, failure: p(0.01) }));
const availability = analyzeAvailability(model({ zones, tiers: [tier('t', { groups, k: 47, failure: p(0.01) })] }), {
  maxStates: 300,
});
const { lower, upper } = availability.service.unavailabilityBounds;
const pct = (q: number): string => `${(1 - q) * 100}%`;

describe('gate: an inexact analytic figure', () => {
  it('is a real interval here', () => {
    expect(availability.service.exact).toBe(false);
    expect(upper).toBeGreaterThan(lower * 1.01);
  });

  it('straddling the threshold is inconclusive (exit 3) with the reason; one side decides', () => {
    const mid = (lower + upper) / 2;
    const result = evaluateTargets(
      [
        flag(`availability>=${pct(mid)}`),
        flag(`availability>=${pct(upper * 1.5)}`),
        flag(`availability>=${pct(lower / 2)}`),
      ],
      { availability, dataProtection: undefined },
    );
    expect(result.records.map((r) => r.status)).toEqual(['inconclusive', 'pass', 'fail']);
    expect(result.records[0]?.message).toMatch(/analytic figure is a bound.*straddles/);
    expect(result.records[0]?.analyticBound).toEqual({ lower, upper, straddles: true });
    expect(
      gateExit(evaluateTargets([flag(`availability>=${pct(mid)}`)], { availability, dataProtection: undefined })).code,
    ).toBe(3);
  });

  it('downtime per year is bounded the same way', () => {
    const mid = ((lower + upper) / 2) * 365 * 24;
    const result = evaluateTargets([flag(`downtimePerYear<=${mid}h`)], { availability, dataProtection: undefined });
    expect(result.records[0]?.status).toBe('inconclusive');
  });

  it('outages per year are bounded too: the exact ν lies inside, and a straddling target is inconclusive', () => {
    // The same structure with repairable zones and nodes (MTBF/MTTR in hours), once exact (the
    // default budget enumerates all 2¹² states: the referee) and once with 300 evaluations.
    const H = 3600;
    const rz = zones.map((z, i) => ({ name: z.name, failure: r((200 + 20 * i) * H, 4 * H) }));
    const rg = rz.map((z, i) => ({ zone: z.name, count: i + 1, failure: r(1000 * H, 10 * H) }));
    const build = () => model({ zones: rz, tiers: [tier('t', { groups: rg, k: 47, failure: r(1000 * H, 10 * H) })] });
    const exact = analyzeAvailability(build()).service;
    const bounded = analyzeAvailability(build(), { maxStates: 300 });
    const svc = bounded.service;
    expect(exact.exact).toBe(true);
    expect(exact.outagesPerYearBounds).toEqual({ lower: exact.outagesPerYear, upper: exact.outagesPerYear });
    expect(svc.exact).toBe(false);
    const b = svc.outagesPerYearBounds;
    if (b === null || exact.outagesPerYear === null) throw new Error('no frequency');
    expect(b.upper).toBeGreaterThan(b.lower);
    expect(b.lower).toBeLessThanOrEqual(exact.outagesPerYear);
    expect(b.upper).toBeGreaterThanOrEqual(exact.outagesPerYear);
    const figures = { availability: bounded, dataProtection: undefined };
    const result = evaluateTargets(
      [
        flag(`outagesPerYear<=${(b.lower + b.upper) / 2}`),
        flag(`outagesPerYear<=${b.upper * 1.5}`),
        flag(`outagesPerYear<=${b.lower / 2}`),
      ],
      figures,
    );
    expect(result.records.map((x) => x.status)).toEqual(['inconclusive', 'pass', 'fail']);
    expect(result.records[0]?.message).toMatch(/analytic figure is a bound.*straddles/);
    expect(gateExit(evaluateTargets([flag(`outagesPerYear<=${(b.lower + b.upper) / 2}`)], figures)).code).toBe(3);
  });
});
