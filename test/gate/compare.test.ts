import { describe, expect, it } from 'vitest';
import { compareAnalyses } from '../../src/gate/index.js';
import { analyzeModel } from '../../src/analytic/analyze-model.js';
import { load } from './support.js';

// One node: q = MTTR/(MTBF + MTTR). Base 1 h / 999 h → q = 0.001; candidate 2 h / 998 h → q = 0.002:
// the unavailability doubles (+100%), downtime 8.76 h → 17.52 h per year.
const node = (mtbf: string, mttr: string): string =>
  `name: n\ntiers:\n  - { name: web, nodes: 1, failure: { mtbf: ${mtbf}, mttr: ${mttr} } }\n`;
const base = analyzeModel(load(node('999 h', '1 h')));
const worse = analyzeModel(load(node('998 h', '2 h')));

describe('compareAnalyses', () => {
  it('availability is compared through its unavailability: +100% here', () => {
    const r = compareAnalyses(base, worse, 0);
    const a = r.metrics.find((m) => m.id === 'availability');
    expect(a?.base).toBeCloseTo(0.999, 15);
    expect(a?.candidate).toBeCloseTo(0.998, 15);
    expect(a?.relativeChange).toBeCloseTo(1, 12);
    expect(a).toMatchObject({ change: 'worse', regression: true, gated: true, better: 'higher' });
    const d = r.metrics.find((m) => m.id === 'downtimePerYear');
    expect(d?.delta).toBeCloseTo(8.76 * 3600, 6);
    expect(r.regressed).toBe(true);
    // ν = A·λ = (MTBF/(MTBF + MTTR))·(1/MTBF) = 1/(MTBF + MTTR) = 1/1000 h on both sides:
    // the same figure, however the rounding falls.
    expect(r.metrics.find((m) => m.id === 'outagesPerYear')?.change).toBe('same');
  });

  it('tolerance is relative on the unfavourable side: 150% allows the doubling, 50% does not', () => {
    expect(compareAnalyses(base, worse, 1.5).regressed).toBe(false);
    expect(compareAnalyses(base, worse, 0.5).regressed).toBe(true);
    // The other way round is an improvement, never a regression.
    const better = compareAnalyses(worse, base, 0);
    expect(better.regressed).toBe(false);
    expect(better.metrics.find((m) => m.id === 'availability')?.change).toBe('better');
  });

  it('the same model: nothing changes; no data rows without data', () => {
    const same = compareAnalyses(base, base, 0);
    expect(same.metrics.every((m) => m.change === 'same')).toBe(true);
    expect(same.metrics.map((m) => m.id)).toEqual(['availability', 'nines', 'downtimePerYear', 'outagesPerYear']);
  });

  it('a scenario that stops being recoverable is a regression whatever the tolerance', () => {
    const dr = `name: d
regions: [{ name: r1, failure: { mtbf: 20 year, mttr: 24 h } }, { name: r2, failure: { mtbf: 20 year, mttr: 24 h } }]
zones: [{ name: a, region: r1, failure: { mtbf: 2 year, mttr: 4 h } }]
tiers: [{ name: db, nodes: 1, failure: { afr: 5%, mttr: 4 h } }]
data:
  tier: db
  size: 1 TB
  copies: COPIES
`;
    const withCopy = analyzeModel(load(dr.replace('COPIES', '[{ name: c, region: r2, mode: async, lag: 30 s }]')));
    const without = analyzeModel(load(dr.replace('COPIES', '[]')));
    const r = compareAnalyses(withCopy, without, 100);
    expect(r.metrics.find((m) => m.id === 'rpo[region]')).toMatchObject({
      base: 30,
      candidate: null,
      change: 'worse',
      regression: true,
    });
    expect(compareAnalyses(without, withCopy, 0).metrics.find((m) => m.id === 'rpo[region]')).toMatchObject({
      change: 'better',
      regression: false,
    });
  });
});
