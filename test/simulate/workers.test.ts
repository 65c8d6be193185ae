import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { autoWorkers, simulate } from '../../src/simulate/run/simulate.js';
import { simulateSync } from '../../src/simulate/run/run-sync.js';
import { model, referenceSnapshotModel, repairable, staticComponent, tier } from '../support/reference-models.js';

// Vitest runs the .ts sources; workers need JavaScript, so bundle the worker entry once.
let dir = '';
let workerUrl: URL;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'nines-worker-'));
  const outfile = join(dir, 'simulate-worker.js');
  await build({
    entryPoints: ['src/simulate/run/worker.ts'],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    logLevel: 'warning',
  });
  workerUrl = pathToFileURL(outfile);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('workers', () => {
  it('1 and 2 workers give identical JSON for the same seed (snapshot, importance sampling, timeline)', async () => {
    const zones = ['a', 'b', 'c'].map((name) => ({
      name,
      region: undefined,
      failure: repairable(200 * 86_400, 4 * 3600),
    }));
    const node = repairable(60 * 86_400, 12 * 3600);
    const m = model({
      zones,
      tiers: [
        tier(
          'web',
          2,
          zones.map((z) => ({ zone: z.name, count: 2, failure: node })),
        ),
        tier(
          'db',
          2,
          zones.map((z) => ({ zone: z.name, count: 1, failure: node })),
        ),
      ],
    });
    const options = { seed: 42, trials: 3_000_000, timelineTrials: 6000, mode: 'both' } as const;
    const one = await simulate(m, { ...options, workers: 1, workerUrl });
    const two = await simulate(m, { ...options, workers: 2, workerUrl });
    expect(JSON.stringify(two)).toBe(JSON.stringify(one));
    expect(JSON.stringify(simulateSync(m, options))).toBe(JSON.stringify(one));
    expect(one.method).toBe('snapshot+timeline');
  });

  it('relError runs stop at the same chunk whatever the worker count', async () => {
    const rare = model({ tiers: [tier('t', 1, [{ zone: undefined, count: 3, failure: staticComponent(1e-3) }])] });
    const a = await simulate(rare, { seed: 8, relError: 0.05, workers: 1, workerUrl });
    const b = await simulate(rare, { seed: 8, relError: 0.05, workers: 2, workerUrl });
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    expect(a.service.unavailability.estimator).toBe('importance-sampling');
    const ref = await simulate(referenceSnapshotModel(), {
      seed: 8,
      relError: 0.05,
      mode: 'snapshot',
      workers: 2,
      workerUrl,
    });
    expect(ref.stoppedBy).toBe('relError');
  });
});

describe("workers 'auto'", () => {
  it('starts none for work shorter than twice a start-up (0.1 s), or on a loaded machine', () => {
    expect(autoWorkers(2, 0, 0.19)).toBe(0);
    expect(autoWorkers(2, 0, 0)).toBe(0);
    expect(autoWorkers(2, 1.6, 10)).toBe(0); // 0.4 idle cores: the calling thread takes them
    expect(autoWorkers(2, 8, Infinity)).toBe(0);
  });
  it('starts one per idle core beside the calling thread', () => {
    expect(autoWorkers(2, 0.2, 0.5)).toBe(1);
    expect(autoWorkers(8, 2.2, 5)).toBe(5); // 5.8 idle cores → 6 threads: the caller and 5 workers
    expect(autoWorkers(8, 0, Infinity)).toBe(7);
  });
});
