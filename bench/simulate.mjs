// Benchmarks of the Monte Carlo engine against issue 5's targets. Run: node bench/simulate.mjs
// Builds bench/simulate-entry.ts and the worker into a temp dir, then prints trials per second.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, availableParallelism } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const dir = mkdtempSync(join(tmpdir(), 'nines-bench-'));
const common = { bundle: true, platform: 'node', format: 'esm', target: 'node20', logLevel: 'warning' };
await build({ ...common, entryPoints: ['bench/simulate-entry.ts'], outfile: join(dir, 'entry.js') });
await build({ ...common, entryPoints: ['src/simulate/run/worker.ts'], outfile: join(dir, 'simulate-worker.js') });
const lib = await import(pathToFileURL(join(dir, 'entry.js')).href);
const workerUrl = pathToFileURL(join(dir, 'simulate-worker.js'));
const now = () => performance.now() / 1000;
const fmt = (x) => (x >= 1e6 ? `${(x / 1e6).toFixed(1)} M` : `${(x / 1e3).toFixed(1)} k`);
const best = (runs, f) => Math.max(...Array.from({ length: runs }, f));
console.log(`node ${process.version}, ${availableParallelism()} cores`);

// 1. Snapshot kernel, one core: 3 zones (p = 0.001) × 4 nodes (p = 0.01), 2-of-3 + 7-of-12.
const plan = lib.snapshotPlan(lib.compileModel(lib.referenceSnapshotModel()));
const single = best(5, (_, rep) => {
  const t0 = now();
  let n = 0;
  for (let c = 0; c < 1600; c++) n += lib.runSnapshotChunk(plan, rep + 1, 1, c, 1 << 16).trials;
  return n / (now() - t0);
});
console.log(`snapshot, 1 core (kernel):        ${fmt(single)} trials/s   (target ≥ 100 M)`);

// 2. The same through simulate() with 1 and 2 workers (2 × 10^9 trials each).
const ref = lib.referenceSnapshotModel();
const opts = { seed: 1, trials: 2e9, mode: 'snapshot', estimator: 'naive', workerUrl };
let t0 = now();
const a = await lib.simulate(ref, { ...opts, workers: 1 });
const one = a.trials / (now() - t0);
t0 = now();
const b = await lib.simulate(ref, { ...opts, workers: 2 });
const two = b.trials / (now() - t0);
console.log(`snapshot, simulate() 1 worker:    ${fmt(one)} trials/s`);
console.log(
  `snapshot, simulate() 2 workers:   ${fmt(two)} trials/s   (×${(two / one).toFixed(2)}; target ≥ 1.7×; identical: ${JSON.stringify(a) === JSON.stringify(b)})`,
);

// 3. Timeline: 12 exponential nodes (MTBF 1 year, MTTR 8 h), one year, one core.
const tm = lib.compileModel(lib.referenceTimelineModel());
const years = best(3, (_, rep) => {
  const t = now();
  let n = 0;
  for (let c = 0; c < 200; c++) n += lib.runTimelineChunk(tm, 31_536_000, 'steady', rep + 1, 2, c, 1024).trials;
  return n / (now() - t);
});
console.log(`timeline, 12 exp. nodes, 1 core:  ${fmt(years)} simulated years/s   (target ≥ 1 M)`);

// 4. Importance sampling: 1-of-3 tier with q = 1e-4, unavailability q³ = 1e-12, to 5%.
const rare = lib.model({
  tiers: [lib.tier('t', 1, [{ zone: undefined, count: 3, failure: lib.staticComponent(1e-4) }])],
});
t0 = now();
const r = lib.simulateSync(rare, { seed: 1, relError: 0.05, mode: 'snapshot' });
const u = r.service.unavailability;
console.log(
  `1e-12 by importance sampling:     ${((now() - t0) * 1000).toFixed(0)} ms, estimate ${u.estimate.toExponential(4)} (error ${((Math.abs(u.estimate - 1e-12) / 1e-12) * 100).toFixed(2)}%), ESS ${u.effectiveSampleSize.toFixed(0)}, variance reduction ×${u.varianceReduction.toExponential(2)}   (target < 5 s, < 5%)`,
);

// 4b. The same at ~3e-12 where importance sampling has real work: the reference topology with
// zones and nodes at p = 5e-7, so many second-order cut sets overlap (two zones; two front
// nodes; a zone and another zone's front node; …). Exact value from the analytic engine.
const zonesRare = ['a', 'b', 'c'].map((name) => ({ name, region: undefined, failure: lib.staticComponent(5e-7) }));
const nodeRare = lib.staticComponent(5e-7);
const layered = lib.model({
  zones: zonesRare,
  tiers: [
    lib.tier(
      'front',
      2,
      zonesRare.map((z) => ({ zone: z.name, count: 1, failure: nodeRare })),
    ),
    lib.tier(
      'quorum',
      7,
      zonesRare.map((z) => ({ zone: z.name, count: 4, failure: nodeRare })),
    ),
  ],
});
const exactLayered = lib.analyzeAvailability(layered).service.unavailability;
t0 = now();
const rl = lib.simulateSync(layered, { seed: 1, relError: 0.05, mode: 'snapshot' }).service.unavailability;
console.log(
  `${exactLayered.toExponential(2)} (zones × quorum) by IS:  ${((now() - t0) * 1000).toFixed(0)} ms, estimate ${rl.estimate.toExponential(4)} vs exact ${exactLayered.toExponential(4)} (error ${((Math.abs(rl.estimate - exactLayered) / exactLayered) * 100).toFixed(2)}%, ${(Math.abs(rl.estimate - exactLayered) / rl.stdErr).toFixed(1)} SE), ESS ${rl.effectiveSampleSize.toFixed(0)}   (target < 5 s, < 5%)`,
);

// 5. A whole fresh process: start-up + 10^7 snapshot trials of the reference model.
const script = join(dir, 'ten-million.mjs');
writeFileSync(
  script,
  `import * as lib from './entry.js';\nconst r = await lib.simulate(lib.referenceSnapshotModel(), { seed: 1, trials: 1e7, mode: 'snapshot', workerUrl: new URL('./simulate-worker.js', import.meta.url) });\nconsole.log(r.service.unavailability.estimate);\n`,
);
t0 = now();
execFileSync(process.execPath, [script]);
console.log(
  `10^7 snapshot trials, fresh node:  ${((now() - t0) * 1000).toFixed(0)} ms wall incl. start-up   (target < 1 s)`,
);
const cli = 'bin/nines.js';
if (existsSync(cli) && existsSync('models')) {
  console.log('(for the CLI itself: time node bin/nines.js simulate <model> --trials 10000000)');
}
rmSync(dir, { recursive: true, force: true });
