// Benchmark of the backup-retention simulation (issue 4: 10 jobs over 10 years < 1 s).
// Bundles bench/data-protection-entry.ts with esbuild into a temp file, imports it, times it.
// Usage: node bench/data-protection.mjs
import { build } from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const dir = mkdtempSync(join(tmpdir(), 'nines-bench-'));
const outfile = join(dir, 'data-protection-entry.mjs');
await build({
  entryPoints: ['bench/data-protection-entry.ts'],
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  outfile,
  logLevel: 'warning',
});
const { run, HOUR } = await import(pathToFileURL(outfile).href);
rmSync(dir, { recursive: true, force: true });

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
