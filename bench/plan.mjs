// Benchmark of `nines plan`'s engine (planCapacity) on every example model, 3 and 10 years,
// without the CLI start-up (bench/cli.mjs has the whole runs). Usage: node bench/plan.mjs
import { importBundled } from '../scripts/bundle.mjs';
import { readdirSync } from 'node:fs';

const { run } = await importBundled('bench/plan-entry.ts');

console.log(
  `planCapacity, median of 5 runs (node ${process.version}; the machine is shared, figures are upper bounds)`,
);
for (const model of readdirSync('models')
  .filter((f) => f.endsWith('.yaml'))
  .sort()) {
  for (const years of [3, 10]) {
    const runs = Array.from({ length: 5 }, () => run(`models/${model}`, years));
    const ms = runs.map((r) => r.ms).sort((a, b) => a - b)[2];
    console.log(
      `  ${`${model}, ${years} y`.padEnd(40)} ${ms.toFixed(1).padStart(8)} ms  (${runs[0].runways} runways, ${runs[0].additions} additions)`,
    );
  }
}
