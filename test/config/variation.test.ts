import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadModelText } from '../../src/config/load.js';
import { parseOverride } from '../../src/config/overrides.js';
import { prepareVariation, setAt } from '../../src/config/variation.js';
import { parseVary, type Axis } from '../../src/config/vary.js';
import { patchModelText } from '../../src/config/patch-document.js';

const text = readFileSync('models/database-dr.yaml', 'utf8');

function axis(flag: string): Axis {
  const parsed = parseVary(flag);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.axis;
}

function override(flag: string) {
  const parsed = parseOverride(flag);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.value;
}

describe('setAt', () => {
  it('copies only the containers on the path and leaves the input alone', () => {
    const base = { a: { b: 1, c: [1, 2] }, d: { e: 1 } };
    const next = setAt(base, ['a', 'c', 1], 5);
    expect(next).toEqual({ a: { b: 1, c: [1, 5] }, d: { e: 1 } });
    expect(base.a.c).toEqual([1, 2]);
    expect(next['d']).toBe(base.d);
    expect(setAt(base, ['x', 'y'], 1)).toEqual({ ...base, x: { y: 1 } });
    expect(setAt(base, ['a', 'b'], null)).toEqual({ a: { c: [1, 2] }, d: { e: 1 } });
  });
});

describe('prepareVariation', () => {
  it('each point is the model loadModelText reads with the same --set overrides', () => {
    const prepared = prepareVariation(
      text,
      [override('recovery.detection=2 minute')],
      [axis('tiers.db.nodes=1..5'), axis('data.copies.dr-replica.lag=10 s,2 minute')],
    );
    if (!prepared.ok) throw new Error(JSON.stringify(prepared));
    for (const [n, i, lag] of [
      [1, 0, '10 s'],
      [4, 1, '2 minute'],
      [5, 0, '10 s'],
    ] as const) {
      const direct = loadModelText(text, (data) => {
        const tiers = data['tiers'] as Record<string, unknown>[];
        (tiers[0] as Record<string, unknown>)['nodes'] = n;
        (data['recovery'] as Record<string, unknown>)['detection'] = '2 minute';
        (
          ((data['data'] as Record<string, unknown>)['copies'] as Record<string, unknown>[])[0] as Record<
            string,
            unknown
          >
        )['lag'] = lag;
        return [];
      });
      const point = prepared.value.point([n - 1, i]);
      expect(point.ok && direct.ok).toBe(true);
      if (point.ok && direct.ok) expect(point.value).toEqual(direct.value);
    }
    expect(prepared.value.paths).toEqual([
      ['tiers', 0, 'nodes'],
      ['data', 'copies', 0, 'lag'],
    ]);
  });

  it('a combination that breaks the model is an invalid point, not an error', () => {
    const prepared = prepareVariation(text, [override('tiers.db.minHealthy=3')], [axis('tiers.db.nodes=3..5')]);
    expect(prepared.ok).toBe(true);
    const minimal = prepareVariation(text, [], [axis('tiers.db.minHealthy=2,3'), axis('tiers.db.nodes=2..3')]);
    if (!minimal.ok) throw new Error(JSON.stringify(minimal));
    const point = minimal.value.point([1, 0]);
    expect(point.ok).toBe(false);
    if (!point.ok) expect(point.problems[0]?.message).toMatch(/minHealthy 3 is more than the tier's 2 node/);
  });

  it.each([
    ['tiers.nope.nodes=1..3', /--vary tiers\.nope\.nodes=1\.\.3: no item 'nope' in 'tiers'/],
    ['tiers.db.nodez=1..3', /no key 'nodez' .*did you mean 'nodes'/],
    ['tiers.db.nodes=1 h..3 h', /--vary tiers\.db\.nodes=1 h\.\.3 h: at 1 h: tiers\[0\]\.nodes: /],
    ['data.backups.nightly.every=1..3', /at 1: data\.backups\[0\]\.every: expected a duration/],
    ['tiers.db.nodes=0..2', /at 0: tiers\[0\]\.nodes/],
    [
      'tiers.db.colour=1..2',
      /--vary tiers\.db\.colour=1\.\.2: at 1: tiers\[0\]: unknown key 'colour'|tiers\[0\]\.colour/,
    ],
  ])('%s is refused with a message naming the flag', (flag, message) => {
    const prepared = prepareVariation(text, [], [axis(flag)]);
    expect(prepared.ok).toBe(false);
    if (!prepared.ok && 'message' in prepared) expect(prepared.message).toMatch(message);
    else throw new Error(`expected a message, got ${JSON.stringify(prepared)}`);
  });
});

describe('patchModelText', () => {
  it('replaces values where they stand, comments and layout kept', () => {
    const patched = patchModelText(text, [
      { path: ['tiers', 0, 'nodes'], value: 5 },
      { path: ['data', 'copies', 0, 'lag'], value: '10 s' },
    ]);
    const changed = patched.split('\n').filter((line, i) => line !== text.split('\n')[i]);
    expect(changed).toEqual(['    nodes: 5                      # one per zone', '      lag: 10 s']);
  });

  it('adds a new field through the Document API, keeping the comments', () => {
    const patched = patchModelText(text, [{ path: ['tiers', 0, 'capacity'], value: { perNode: 1, demand: 2 } }]);
    expect(patched).toContain('# quorum commit: 2 of 3');
    expect(patched).toMatch(/capacity: \{ perNode: 1, demand: 2 \}/);
    expect(loadModelText(patched).ok).toBe(true);
  });
});
