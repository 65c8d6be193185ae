import { describe, expect, it } from 'vitest';
import { loadModelText } from '../../src/config/load.js';
import { simulateSync } from '../../src/simulate/run/run-sync.js';

// Found by the fuzzer (seed 11, case 929): models/in-zone-backups.yaml with its db nodes failing
// every millisecond is down all but ~1e-13 of the time, and its timeline interval came out
// [1 − 1.7e-9, 1 + 1.7e-9]. An unavailability and its interval are fractions.
const TEXT =
  'name: in-zone-backups\ndescription: Single-region database whose backups all live in az-a\nregions:\n  - name: us-east\n    failure:\n      mtbf: 20 year\n      mttr: 24 h\nzones:\n  - name: az-a\n    region: us-east\n    failure:\n      mtbf: 2 year\n      mttr: 4 h\n  - name: az-b\n    region: us-east\n    failure:\n      mtbf: 2 year\n      mttr: 4 h\n  - name: az-c\n    region: us-east\n    failure:\n      mtbf: 2 year\n      mttr: 4 h\ntiers:\n  - name: db\n    nodes: 3\n    failure:\n      mtbf: 1 ms\n      mttr: 1 h\n    minHealthy: majority\ndata:\n  tier: db\n  size: 500 GB\n  dailyChange: 3%\n  replication:\n    mode: async\n    lag: 1 s\n  backups:\n    - name: nightly-snapshot\n      every: 1 d\n      method: full\n      retention:\n        points: 7\n      location: az-a\n      throughput: 250 MB/s\n      restoreThroughput: 250 MB/s\nrecovery:\n  strategy: backup-restore\n  detection: 10 minute\n  provisioning: 30 minute\n  validation: 10 minute\ntargets:\n  availability: 99.9%\n  rpo:\n    - max: 30 h\n      scenario: corruption\n    - max: 1 d\n      scenario: region\n';

describe('timeline intervals of an almost always down service', () => {
  it('stay within [0, 1]', () => {
    const loaded = loadModelText(TEXT);
    if (!loaded.ok) throw new Error('the model is valid');
    const r = simulateSync(loaded.value, { trials: 20_000, timelineTrials: 200, seed: 1, maxWork: 1e10 });
    const u = r.timeline?.unavailability;
    expect(u?.estimate).toBeGreaterThan(1 - 1e-9);
    expect(u?.stdErr).toBeGreaterThan(0);
    expect(u?.ci[0]).toBeGreaterThanOrEqual(0);
    expect(u?.ci[1]).toBeLessThanOrEqual(1);
  });
});
