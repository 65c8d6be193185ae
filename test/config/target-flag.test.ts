import { describe, expect, it } from 'vitest';
import { parseTargetFlag } from '../../src/config/target-flag.js';

describe('parseTargetFlag', () => {
  it('reads availability with its exact complement', () => {
    const r = parseTargetFlag('availability>=99.95%');
    expect(r.ok && r.target).toMatchObject({
      metric: 'availability',
      operator: '>=',
      threshold: 0.9995,
      level: 'error',
    });
    expect(r.ok && r.target.thresholdComplement).toBeCloseTo(5e-4, 18);
  });

  it('reads durations, scopes, tiers, nines and levels', () => {
    expect(parseTargetFlag('rto<=1h')).toMatchObject({
      ok: true,
      target: { metric: 'rto', operator: '<=', threshold: 3600 },
    });
    expect(parseTargetFlag('rpo[region]<=15 minute')).toMatchObject({
      ok: true,
      target: { metric: 'rpo', scenario: 'region', threshold: 900 },
    });
    expect(parseTargetFlag('availability[db]>=4 nines')).toMatchObject({
      ok: true,
      target: { tier: 'db', thresholdComplement: 1e-4 },
    });
    expect(parseTargetFlag('downtimePerYear <= 4 h @warn')).toMatchObject({
      ok: true,
      target: { threshold: 14_400, level: 'warn' },
    });
    expect(parseTargetFlag('outagesPerYear<=2')).toMatchObject({ ok: true, target: { threshold: 2 } });
    expect(parseTargetFlag('backupStorage<=40 TB')).toMatchObject({ ok: true, target: { threshold: 40e12 } });
    expect(parseTargetFlag('availability≥0.999')).toMatchObject({
      ok: true,
      target: { operator: '>=', threshold: 0.999 },
    });
  });

  it('explains what is wrong', () => {
    const bad = (text: string): string => {
      const r = parseTargetFlag(text);
      return r.ok ? 'ok' : r.message;
    };
    expect(bad('availabilty>=99%')).toMatch(/unknown metric 'availabilty' \(did you mean 'availability'\?\)/);
    expect(bad('rpo[regoin]<=1h')).toMatch(/did you mean 'region'/);
    expect(bad('rto<1h')).toMatch(/use '>=' or '<='/);
    expect(bad('rto<=5 GB')).toMatch(/duration/);
    expect(bad('durability[x]>=11 nines')).toMatch(/takes no \[scope\]/);
    expect(bad('rto<=1h@fatal')).toMatch(/unknown level/);
    expect(bad('nonsense')).toMatch(/expected METRIC/);
  });
});
