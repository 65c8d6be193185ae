import { describe, expect, it } from 'vitest';
import { analyzeDataProtection } from '../../../src/analytic/data-protection/index.js';
import { renderDataProtection } from '../../../src/report/text/data-protection.js';
import { textStyle } from '../../../src/report/style.js';
import { backup, data, DAY, model, tier } from '../../analytic/data-protection/model-fixture.js';

const result = analyzeDataProtection(
  model({
    tier: tier([
      { zone: 'east-a', count: 1 },
      { zone: 'east-b', count: 1 },
    ]),
    data: data({
      replication: { mode: 'async', lagSeconds: 5 },
      copies: [{ name: 'dr', location: { kind: 'zone', name: 'east-b' }, mode: 'async', lagSeconds: 60 }],
      backups: [
        backup({ name: 'nightly', location: { kind: 'zone', name: 'east-a' } }),
        backup({
          name: 'weekly-full',
          method: 'forward-incremental',
          fullEverySeconds: 7 * DAY,
          location: { kind: 'region', name: 'east' },
          retention: { points: 14, weekly: 4, monthly: 12, yearly: 0 },
        }),
      ],
    }),
  }),
);
if (result === undefined) throw new Error('fixture has data');

describe('renderDataProtection', () => {
  const text = renderDataProtection(result, textStyle(false));

  it('says "not recoverable" plainly for region loss with only in-region protection', () => {
    const regionLine = text.split('\n').find((l) => l.includes('region east'));
    expect(regionLine).toContain('NOT RECOVERABLE');
    expect(text).toMatch(/region: Not recoverable/);
  });

  it('shows each scenario, each job, the storage per location and both durability models', () => {
    for (const s of ['node', 'zone', 'region', 'corruption']) expect(text).toContain(s);
    expect(text).toContain('nightly');
    expect(text).toContain('weekly-full');
    expect(text).toContain('forever-incremental');
    // nightly: 1150 GB stored (Veeam RPS forever-forward figure), restore of 2300 GB logical.
    expect(text).toContain('1.15 TB');
    expect(text).toContain('window (targets)');
    expect(text).toContain('markov');
  });

  it('stays within 100 columns and has no colour codes when colour is off', () => {
    for (const line of text.split('\n')) expect(line.length).toBeLessThanOrEqual(100);
    expect(text).not.toMatch(/\u001b\[/);
  });

  it('colours the verdict when colour is on', () => {
    expect(renderDataProtection(result, textStyle(true))).toMatch(/\u001b\[/);
  });
});
