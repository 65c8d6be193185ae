// Wall time of whole CLI runs (start-up included), as a user sees them: the median of several
// runs of the built bundle. Usage: npm run build && node bench/cli.mjs
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';

const RUNS = 7;

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function time(args) {
  const ms = [];
  let status = 0;
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    const run = spawnSync(process.execPath, ['bin/nines.js', ...args], { encoding: 'utf8' });
    ms.push(performance.now() - start);
    status = run.status;
  }
  return { ms: median(ms), status };
}

const rows = [];
const models = readdirSync('models')
  .filter((f) => f.endsWith('.yaml'))
  .sort();
for (const command of ['validate', 'analyze']) {
  for (const model of models) rows.push([`${command} models/${model}`, time([command, `models/${model}`, '--json'])]);
}
rows.push(['check models/database-dr.yaml', time(['check', 'models/database-dr.yaml'])]);
// nines slo: analytic figures only, then with the budget-exhaustion simulation (100 000 windows
// per length: one length for 30 d, four for a calendar month).
rows.push(['slo models/api-slo.yaml --no-simulate', time(['slo', 'models/api-slo.yaml', '--no-simulate'])]);
rows.push(['slo models/api-slo.yaml', time(['slo', 'models/api-slo.yaml'])]);
rows.push(['slo models/api-slo.yaml --window month', time(['slo', 'models/api-slo.yaml', '--window', 'month'])]);
for (const model of models) rows.push([`plan models/${model}`, time(['plan', `models/${model}`, '--json'])]);
rows.push([
  'plan models/inference-3az.yaml --years 10',
  time(['plan', 'models/inference-3az.yaml', '--years', '10', '--json']),
]);
const invalid = readdirSync('fixtures/invalid')
  .filter((f) => f !== 'cases.json')
  .sort();
let worst = { name: '', ms: 0 };
for (const file of invalid) {
  const { ms } = time(['validate', `fixtures/invalid/${file}`, '--json']);
  if (ms > worst.ms) worst = { name: file, ms };
}

console.log(
  `nines CLI wall time, median of ${RUNS} runs (node ${process.version}, ${process.platform}/${process.arch})`,
);
for (const [name, { ms, status }] of rows)
  console.log(`  ${name.padEnd(48)} ${ms.toFixed(0).padStart(5)} ms  (exit ${status})`);
console.log(`  slowest of ${invalid.length} invalid fixtures: ${worst.name} ${worst.ms.toFixed(0)} ms`);
