import { describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';

// Found by the fuzzer: a 10⁹-node tier made analyze flatten every node for the cut sets and
// run out of memory. Past MAX_CUT_SET_COMPONENTS the sets are not enumerated (complete: false).
const HUGE = `name: huge
zones:
  - { name: a, failure: { probability: 0.01 } }
  - { name: b, failure: { probability: 0.01 } }
tiers:
  - name: app
    nodes: 1000000000
    failure: { availability: 100% }
    minHealthy: 1
`;

describe('cut sets of a huge tier', () => {
  it('are not enumerated, and analyze still answers', async () => {
    const run = await runCli(['analyze', '-', '--json'], { stdin: HUGE });
    expect(run.code, run.stderr).toBe(0);
    const doc = JSON.parse(run.stdout);
    expect(doc.cutSets.complete).toBe(false);
    // Both zones down (1e-4) is the only way down: the exact figure is still there.
    expect(doc.service.unavailability).toBeCloseTo(1e-4, 12);
  });
});
