import { describe, expect, it } from 'vitest';
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
});
