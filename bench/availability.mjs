// Benchmark of the analytic availability engine: bundles bench/availability-entry.ts with
// esbuild (no TS runner is installed), imports it from a temp file and prints timings.
// Usage: node bench/availability.mjs
import { build } from 'esbuild';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const out = await build({
  entryPoints: ['bench/availability-entry.ts'],
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  write: false,
  logLevel: 'warning',
});
const dir = mkdtempSync(join(tmpdir(), 'nines-bench-'));
const file = join(dir, 'availability-entry.mjs');
writeFileSync(file, out.outputFiles[0].text);
const { run } = await import(pathToFileURL(file).href);
rmSync(dir, { recursive: true, force: true });

const ladder = [
  { zones: 3, regions: 0, tiers: 3, maxNodes: 10 },
  { zones: 3, regions: 1, tiers: 3, maxNodes: 100 },
  { zones: 6, regions: 2, tiers: 5, maxNodes: 1_000 },
  { zones: 9, regions: 3, tiers: 8, maxNodes: 3_000 },
  { zones: 12, regions: 3, tiers: 10, maxNodes: 10_000 },
  { zones: 16, regions: 4, tiers: 10, maxNodes: 10_000 },
  { zones: 24, regions: 0, tiers: 10, maxNodes: 10_000 },
];
console.log('zones regions tiers maxNodes   states   time (median of 3)   nines');
for (const rung of ladder) {
  const runs = [run(rung), run(rung), run(rung)].sort((a, b) => a.ms - b.ms);
  const mid = runs[1];
  console.log(
    `${String(rung.zones).padStart(5)} ${String(rung.regions).padStart(7)} ${String(rung.tiers).padStart(5)} ` +
      `${String(rung.maxNodes).padStart(8)} ${String(mid.states).padStart(8)} ${mid.ms.toFixed(1).padStart(12)} ms ` +
      `${mid.nines === null ? '∞' : mid.nines.toFixed(3).padStart(12)}`,
  );
}
