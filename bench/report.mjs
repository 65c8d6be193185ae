// Wall and CPU time of `nines report` (start-up included) for every example model, largest
// first, and of its Markdown, --simulate and diagram forms on the largest; the size of each
// output: the median of several runs of the built bundle.
// Usage: npm run build && node bench/report.mjs
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const RUNS = 5;

const dir = mkdtempSync(join(tmpdir(), 'nines-bench-report-'));

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

// CPU time (user + system) through GNU time when there is one: on a loaded machine the wall
// time mostly measures the wait for a core.
const GNU_TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

function time(args, out) {
  const ms = [];
  const cpu = [];
  let status = 0;
  for (let i = 0; i < RUNS; i++) {
    const command = [process.execPath, 'bin/nines.js', ...args, '-o', out];
    const start = performance.now();
    const run =
      GNU_TIME === undefined
        ? spawnSync(command[0], command.slice(1), { encoding: 'utf8' })
        : spawnSync(GNU_TIME, ['-f', 'cpu %U %S', ...command], { encoding: 'utf8' });
    ms.push(performance.now() - start);
    const m = /cpu ([\d.]+) ([\d.]+)\s*$/.exec(run.stderr ?? '');
    if (m) cpu.push((Number(m[1]) + Number(m[2])) * 1000);
    status = run.status;
  }
  return { ms: median(ms), cpu: cpu.length > 0 ? median(cpu) : undefined, status, bytes: statSync(out).size };
}

// The largest example: the most tiers, zones, copies and backups, i.e. the longest file.
const models = readdirSync('models')
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => ({ f, size: statSync(join('models', f)).size }))
  .sort((a, b) => b.size - a.size)
  .map((m) => `models/${m.f}`);
const model = models[0];
const rows = [
  ...models.map((m) => [`report ${m} (html)`, time(['report', m], join(dir, 'r.html'))]),
  [`report ${model} (markdown)`, time(['report', model, '--format', 'markdown'], join(dir, 'r.md'))],
  [`report ${model} --simulate (html)`, time(['report', model, '--simulate'], join(dir, 's.html'))],
  [`diagram ${model} (svg)`, time(['diagram', model, '--format', 'svg'], join(dir, 'd.svg'))],
];
console.log(
  `nines report wall and CPU time, median of ${RUNS} runs (node ${process.version}, ${process.platform}/${process.arch}; a shared, loaded machine inflates these)`,
);
for (const [name, { ms, cpu, status, bytes }] of rows) {
  const cpuText = cpu === undefined ? '' : `, cpu ${cpu.toFixed(0).padStart(5)} ms`;
  console.log(
    `  ${name.padEnd(52)} wall ${ms.toFixed(0).padStart(5)} ms${cpuText}  ${(bytes / 1024).toFixed(0).padStart(4)} kB  (exit ${status})`,
  );
}
