import { describe, expect, it } from 'vitest';
import type { NodeGroup } from '../../src/model/types.js';
import { addNodes, nodesAfterWorstLoss } from '../../src/model/add-nodes.js';
import { component } from '../../src/model/component.js';

const failure = component({ mtbfSeconds: 1000, mttrSeconds: 1 });

describe('addNodes / nodesAfterWorstLoss', () => {
  it('fills the zone with the fewest nodes first, the first listed on ties', () => {
    const groups = addNodes(
      [
        { zone: 'a', count: 2, failure },
        { zone: 'b', count: 1, failure },
        { zone: 'c', count: 1, failure },
      ],
      3,
      failure,
    );
    const count = (z: string) => groups.filter((g) => g.zone === z).reduce((s, g) => s + g.count, 0);
    // b, c reach 2; then a, b, c tie at 2 and a gets the third.
    expect([count('a'), count('b'), count('c')]).toEqual([3, 2, 2]);
    expect(nodesAfterWorstLoss(groups)).toBe(4);
  });

  it('a tier in no zone loses one node (N+1); nodes in no zone survive a zone loss', () => {
    expect(nodesAfterWorstLoss([{ zone: undefined, count: 5, failure }])).toBe(4);
    expect(
      nodesAfterWorstLoss([
        { zone: 'a', count: 3, failure },
        { zone: undefined, count: 2, failure },
      ]),
    ).toBe(2);
  });

  it('gives exactly what placing the nodes one at a time gives, groups in the same order (random cases)', () => {
    // The rule as written: one node at a time into the zone with the fewest, first listed on ties.
    const oneByOne = (groups: readonly NodeGroup[], count: number): NodeGroup[] => {
      const out = [...groups];
      const byZone = new Map<string | undefined, number>();
      for (const g of groups) byZone.set(g.zone, (byZone.get(g.zone) ?? 0) + g.count);
      const extra = new Map<string | undefined, number>();
      for (let i = 0; i < count; i++) {
        let best: string | undefined;
        let fewest = Infinity;
        for (const [zone, n] of byZone) if (n < fewest) [best, fewest] = [zone, n];
        byZone.set(best, fewest + 1);
        extra.set(best, (extra.get(best) ?? 0) + 1);
      }
      for (const [zone, n] of extra) out.push({ zone, count: n, failure });
      return out;
    };
    let seed = 7;
    const next = (m: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % m;
    };
    for (let c = 0; c < 400; c++) {
      const zones = ['a', 'b', 'c', 'd', 'e', undefined].slice(0, 1 + next(6));
      const groups = zones.flatMap((zone) =>
        Array.from({ length: 1 + next(2) }, () => ({ zone, count: next(6), failure })),
      );
      const count = next(25);
      expect(addNodes(groups, count, failure)).toEqual(oneByOne(groups, count));
    }
  });

  it('adds 10^9 nodes without placing them one by one', () => {
    const groups = addNodes(
      [
        { zone: 'a', count: 2, failure },
        { zone: 'b', count: 1, failure },
      ],
      1e9,
      failure,
    );
    const total = (z: string) => groups.filter((g) => g.zone === z).reduce((s, g) => s + g.count, 0);
    // 10^9 + 3 nodes over two zones: 500,000,002 and 500,000,001, the first listed taking the odd one.
    expect([total('a'), total('b')]).toEqual([500_000_002, 500_000_001]);
  });
});
