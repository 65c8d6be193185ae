// Wall time of `nines report` and `nines diagram` (start-up included) on the largest example
// model, and the size of each report: the median of several runs of the built bundle.
// Usage: npm run build && node bench/report.mjs
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const RUNS = 5;
const dir = mkdtempSync(join(tmpdir(), 'nines-bench-report-'));

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function time(args, out) {
  const ms = [];
  let status = 0;
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    const run = spawnSync(process.execPath, ['bin/nines.js', ...args, '-o', out], { encoding: 'utf8' });
    ms.push(performance.now() - start);
    status = run.status;
  }
  return { ms: median(ms), status, bytes: statSync(out).size };
}

// The largest example: the most tiers, zones, copies and backups, i.e. the longest file.
const largest = readdirSync('models').filter((f) => f.endsWith('.yaml'))
  .map((f) => ({ f, size: statSync(join('models', f)).size })).sort((a, b) => b.size - a.size)[0].f;
const model = `models/${largest}`;
const rows = [
  [`report ${model} (html)`, time(['report', model], join(dir, 'r.html'))],
  [`report ${model} (markdown)`, time(['report', model, '--format', 'markdown'], join(dir, 'r.md'))],
  [`report ${model} --simulate (html, default trials)`, time(['report', model, '--simulate'], join(dir, 's.html'))],
  [`diagram ${model} (svg)`, time(['diagram', model, '--format', 'svg'], join(dir, 'd.svg'))],
];
console.log(`nines report wall time, median of ${RUNS} runs (node ${process.version}, ${process.platform}/${process.arch}; a shared, loaded machine inflates these)`);
for (const [name, { ms, status, bytes }] of rows) {
  console.log(`  ${name.padEnd(58)} ${ms.toFixed(0).padStart(5)} ms  ${(bytes / 1024).toFixed(0).padStart(4)} kB  (exit ${status})`);
}
