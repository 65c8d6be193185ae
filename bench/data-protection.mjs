// Benchmark of the backup-retention simulation (issue 4: 10 jobs over 10 years < 1 s).
// bench/data-protection-entry.ts bundled with esbuild, timed.
// Usage: node bench/data-protection.mjs
import { importBundled } from '../scripts/bundle.mjs';

const { run, HOUR } = await importBundled('bench/data-protection-entry.ts');

const rungs = [
  { label: '10 daily jobs, 10 years (target < 1 s)', jobs: 10, years: 10, every: 24 * HOUR },
  { label: '10 daily jobs, 1 year', jobs: 10, years: 1, every: 24 * HOUR },
  { label: '10 hourly jobs, 1 year', jobs: 10, years: 1, every: HOUR },
  { label: '10 hourly jobs, 10 years', jobs: 10, years: 10, every: HOUR },
];
run(10, 1); // warm-up (JIT)
console.log('case                                       backups   time (median of 3)');
for (const r of rungs) {
  const runs = [0, 1, 2].map(() => run(r.jobs, r.years, r.every)).sort((a, b) => a.ms - b.ms);
  const mid = runs[1];
  console.log(`${r.label.padEnd(42)} ${String(mid.backups).padStart(7)} ${mid.ms.toFixed(1).padStart(12)} ms`);
}
