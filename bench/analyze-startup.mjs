// Issue 11, start-up row: process CPU of `node bin/nines.js analyze MODEL` (text to a pipe) on
// every example model against a bare `node -e 0` (goal: within 2×), and where a cold run spends
// it: loading the code, validating the model, the analysis, the text rendering, from
// process.cpuUsage around each phase of the bundled use case in a fresh process ("load" is the
// import of that bundle, which has no code cache: the CLI's own load is the CLI column minus the
// phases).
// Run: npm run build && node bench/analyze-startup.mjs [runs] [--before DIR]
// DIR: a built checkout of an earlier commit (e.g. `git worktree add /tmp/base main && cd
// /tmp/base && npm ci && npm run build`), measured in the same run for a before/after column.
// CPU times (user + system, from /usr/bin/time), means over the runs: the machine is shared and
// wall time mostly measures the other work; the load average is printed with the figures.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { bundleText } from '../scripts/bundle.mjs';

const args = process.argv.slice(2);
const beforeAt = args.indexOf('--before');
const before = beforeAt >= 0 ? resolve(args[beforeAt + 1] ?? '') : undefined;
const RUNS = Number(args.find((a, i) => /^\d+$/.test(a) && (beforeAt < 0 || i !== beforeAt + 1)) ?? 10);
if (before !== undefined && !existsSync(join(before, 'dist', 'nines.cjs'))) {
  console.error(`--before ${before}: no dist/nines.cjs there (build that checkout first)`);
  process.exit(2);
}
const models = readdirSync('models')
  .filter((f) => f.endsWith('.yaml'))
  .sort()
  .map((f) => join('models', f));

/** Mean CPU ms of `node ARGS` run in `cwd`, over RUNS runs. */
function processCpu(nodeArgs, cwd = process.cwd()) {
  let total = 0;
  for (let i = 0; i < RUNS; i++) {
    const r = spawnSync('/usr/bin/time', ['-f', '%U %S', process.execPath, ...nodeArgs], { cwd, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`${nodeArgs.join(' ')} exited ${r.status}: ${r.stderr}`);
    const [user, sys] = (r.stderr.trim().split('\n').pop() ?? '').split(' ').map(Number);
    total += (user + sys) * 1000;
  }
  return total / RUNS;
}

const dir = mkdtempSync(join(tmpdir(), 'nines-bench-startup-'));
const entry = join(dir, 'entry.mjs');
writeFileSync(entry, await bundleText('bench/analyze-startup-entry.ts'));
const runner = `const t = process.cpuUsage(); const m = await import(${JSON.stringify(pathToFileURL(entry).href)}); const u = process.cpuUsage(t); console.log(JSON.stringify({ load: (u.user + u.system) / 1000, ...m.phases(process.argv[1]) }));`;

/** Mean CPU ms of each phase of a cold run, each in a fresh process. */
function phases(model) {
  const sum = { load: 0, validate: 0, analysis: 0, render: 0 };
  for (let i = 0; i < RUNS; i++) {
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', runner, model], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`${model}: ${r.stderr}`);
    const x = JSON.parse(r.stdout);
    for (const k of Object.keys(sum)) sum[k] += x[k] / RUNS;
  }
  return sum;
}

console.log(
  `node ${process.version}, ${availableParallelism()} cores, load average ${loadavg()
    .map((x) => x.toFixed(1))
    .join(' ')} (shared machine: CPU ms, mean of ${RUNS} runs)`,
);
const bare = processCpu(['-e', '0']);
console.log(`bare node -e 0: ${bare.toFixed(0)} ms; goal: analyze ≤ 2× = ${(2 * bare).toFixed(0)} ms`);
const f = (x) => x.toFixed(0).padStart(5);
const times = (x) => `${(x / bare).toFixed(2)}×`.padStart(6);
console.log(
  [
    'model'.padEnd(34),
    ...(before === undefined ? [] : ['before'.padStart(6), '×'.padStart(6)]),
    'now'.padStart(5),
    '×'.padStart(6),
    '  cold phases now:',
    ...['load', 'valid', 'anal', 'rend'].map((h) => h.padStart(5)),
  ].join(' '),
);
try {
  for (const model of models) {
    const then = before === undefined ? undefined : processCpu(['bin/nines.js', 'analyze', model], before);
    const now = processCpu(['bin/nines.js', 'analyze', model]);
    const s = phases(model);
    console.log(
      [
        model.padEnd(34),
        ...(then === undefined ? [] : [f(then).padStart(6), times(then)]),
        f(now),
        times(now),
        '                  ',
        ...[s.load, s.validate, s.analysis, s.render].map(f),
      ].join(' '),
    );
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
