// Benchmark of `nines sweep`: 10^4 analytic points of models/database-dr.yaml on one thread
// (the model parsed and validated once, each point patched and normalised, then analysed and
// gated). Bundles bench/sweep-entry.ts with esbuild. Usage: node bench/sweep.mjs
// Target (issue 14): under 5 s for the 10^4 points on one core.
import { importBundled } from '../scripts/bundle.mjs';

const { run } = await importBundled('bench/sweep-entry.ts');

// The first grid is the case (a topology axis and a replication axis); the second adds
// the backup interval down to hourly, whose day-by-day retention simulation (up to 8,760
// backups a year) is the costliest part of a point: each distinct job is simulated once.
const grids = [
  ['tiers.db.nodes=1..10', 'data.copies.dr-replica.lag=1 s..1000 s:1 s'],
  ['tiers.db.nodes=1..10', 'data.backups.nightly.every=1 h..10 h:1 h', 'data.copies.dr-replica.lag=1 s..100 s:1 s'],
];
console.log('points  prepare (ms)  sweep wall (s)  sweep CPU (s)  µs/point (CPU)  passing  axes');
for (const axes of grids) {
  const r = run(axes);
  console.log(
    `${String(r.points).padStart(6)} ${r.prepareMs.toFixed(0).padStart(13)} ${(r.sweepMs / 1000).toFixed(2).padStart(15)} ${(r.cpuMs / 1000).toFixed(2).padStart(14)} ` +
      `${((r.cpuMs * 1000) / r.points).toFixed(0).padStart(15)} ${String(r.passing).padStart(8)}  ${axes.join(' × ')}`,
  );
}
console.log(
  `(one thread; load average ${(await import('node:os'))
    .loadavg()
    .map((x) => x.toFixed(1))
    .join(
      ' ',
    )} on ${(await import('node:os')).cpus().length} cores: wall time grows with other work, CPU time much less)`,
);
