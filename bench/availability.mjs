// Benchmark of the analytic availability engine: bench/availability-entry.ts bundled with
// esbuild (no TS runner is installed), timed.
// Usage: node bench/availability.mjs
import { importBundled } from '../scripts/bundle.mjs';

const { run } = await importBundled('bench/availability-entry.ts');

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
