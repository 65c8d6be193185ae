import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { declusteredRebuildSeconds } from '../../../src/analytic/data-protection/rebuild.js';
import { runCli } from '../../support/run-cli.js';

describe('rebuild time from a rebuild throughput, declustered over the nodes', () => {
  it('by hand: a node holding more shards than there are survivors', () => {
    // s = 1 TB per shard, R = 100 MB/s: one stream takes s/R = 10,000 s. 60 groups of 20 shards
    // over 20 nodes: L = 60 shards per node, rebuilt by 19 survivors in parallel, so
    // T = 10,000 · 60/19 = 31,578.947… s (Holland & Gibson 1992: the load spreads over survivors).
    expect(declusteredRebuildSeconds(1e12, 1e8, 60 * 20, 20)).toBeCloseTo(600_000 / 19, 6);
    // 5 groups of 20 over 20 nodes: 5 shards per node ≤ 19 survivors: every lost shard has its
    // own stream, T = s/R.
    expect(declusteredRebuildSeconds(1e12, 1e8, 5 * 20, 20)).toBe(1e4);
    // No tier to spread over: one shard's time.
    expect(declusteredRebuildSeconds(1e12, 1e8, 1200, undefined)).toBe(1e4);
  });

  it('analyze: the 17+3 example is derived from the throughput and says so (not "given")', async () => {
    // size 1020 TB over 60 groups × 17 data shards: s = 1e15·1.02/1020 = 1 TB; as above 31,578.9 s.
    const dir = mkdtempSync(join(tmpdir(), 'nines-rebuild-'));
    const file = join(dir, 'ec.yaml');
    writeFileSync(
      file,
      `name: ec
tiers:
  - name: store
    nodes: 20
    minHealthy: 17
    failure: { afr: 1%, mttr: 1 d }
data:
  tier: store
  size: 1020 TB
  durability:
    scheme: { erasure: { data: 17, parity: 3 } }
    shardFailure: { afr: 1% }
    rebuildThroughput: 100 MB/s
    groups: 60
`,
    );
    const r = await runCli(['analyze', file, '--json']);
    expect(r.code).toBe(0);
    const d = (JSON.parse(r.stdout) as { dataProtection: { durability: Record<string, unknown> } }).dataProtection
      .durability;
    expect(d['rebuildSource']).toBe('throughput');
    expect(d['rebuildSeconds'] as number).toBeCloseTo(600_000 / 19, 6);
  });
});
