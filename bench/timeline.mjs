// Issue 11's timeline rows and issue 9's failover figure, side by side with the numpy event
// peer (../shared/peers) in the same run: end to end (process CPU seconds, user + sys, of
// `nines simulate --mode timeline --trials 1e6 --workers 1` and of `cli_event.py … overlap 1e6`,
// best of RUNS each) and the kernels alone (simulated years per CPU second, one core).
// Run: npm run build && node bench/timeline.mjs      (RUNS=3 for more runs each)
// The machine is shared: CPU times are the figures to trust; the load average is printed.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { importBundled, peersDir } from '../scripts/bundle.mjs';

const RUNS = Number(process.env.RUNS ?? 2);
const PEERS = peersDir();
const dir = mkdtempSync(join(tmpdir(), 'nines-bench-tl-'));
const lib = await importBundled('bench/failover-entry.ts');
const load = () =>
  loadavg()
    .map((x) => x.toFixed(1))
    .join(' ');
console.log(`node ${process.version}, load average ${load()} (2 shared cores: CPU times below)`);

// The event peer's model in nines: tiers cannot share nodes, so 3 + 12 nodes (peers/README).
const model = (lifetime) => {
  const file = join(dir, `${lifetime === '' ? 'exp' : 'weibull'}.yaml`);
  writeFileSync(
    file,
    `name: event-peer
tiers:
  - { name: r, nodes: 3, minHealthy: 2, failure: { mtbf: 8760 h, mttr: 4 h${lifetime} } }
  - { name: q, nodes: 12, minHealthy: 7, failure: { mtbf: 8760 h, mttr: 4 h${lifetime} } }
`,
  );
  return file;
};

/** Best CPU seconds (user + sys) of RUNS runs of a command. */
function cpu(cmd, args, env = process.env) {
  let best = Infinity;
  for (let i = 0; i < RUNS; i++) {
    const r = spawnSync('/usr/bin/time', ['-f', '%U %S', cmd, ...args], { encoding: 'utf8', env, maxBuffer: 1 << 26 });
    if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')}: ${r.stderr}`);
    const [u, s] = (r.stderr.trim().split('\n').pop() ?? '').split(' ').map(Number);
    best = Math.min(best, (u ?? NaN) + (s ?? NaN));
  }
  return best;
}

const pyEnv = { ...process.env, PYTHONPATH: PEERS };
delete pyEnv.OPENBLAS_CORETYPE;
delete pyEnv.OPENBLAS_L2_SIZE;
const hasNumpy = spawnSync('python3', ['-c', 'import numpy'], { env: pyEnv }).status === 0;

console.log('\n— end to end, 1e6 simulated years, one worker (best of %d, CPU seconds)', RUNS);
for (const [label, lifetime, kind, goal, before] of [
  ['exponential', '', 'exp', 4, '412 k/s, 2.4× (main)'],
  [
    'Weibull k = 1.5',
    ', distribution: { lifetime: { type: weibull, shape: 1.5 } }',
    'weibull',
    2,
    '160 k/s, 1.06× (main)',
  ],
]) {
  const file = model(lifetime);
  const n = cpu(process.execPath, [
    'bin/nines.js',
    'simulate',
    file,
    '--mode',
    'timeline',
    '--trials',
    '1000000',
    '--workers',
    '1',
    // 1e6 years of this model is ~1.7e8 work units, over the default budget (refused otherwise).
    '--max-work',
    '1e10',
    '--json',
    '--quiet',
  ]);
  let peer = 'numpy skipped';
  let holds = null;
  if (hasNumpy && existsSync(join(PEERS, 'cli_event.py'))) {
    const p = cpu('python3', [join(PEERS, 'cli_event.py'), kind, 'overlap', '1000000'], pyEnv);
    peer = `numpy ${p.toFixed(2)} s = ${(1e6 / p / 1e3).toFixed(0)} k/s, ratio ${(p / n).toFixed(2)}×`;
    holds = p / n >= goal && (kind !== 'exp' || n <= 1);
  }
  console.log(
    `${holds === null ? '·' : holds ? '✔' : '✖'} ${label.padEnd(16)} nines ${n.toFixed(2)} s = ${(1e6 / n / 1e3).toFixed(0)} k years/s; ${peer}; goal ≥ ${goal}×${kind === 'exp' ? ' and ≥ 1 M/s' : ''}; before ${before}; load ${load()}`,
  );
}

console.log('\n— kernels alone, 1 core (best of 3 × 400 chunks of 1024 years)');
const kernel = (file, start = 'steady') => {
  const m = lib.compileModel(lib.loadModelText(readFileSync(file, 'utf8')).value);
  let best = 0;
  for (let rep = 0; rep < 3; rep++) {
    const t0 = process.cpuUsage();
    let n = 0;
    for (let c = 0; c < 400; c++) n += lib.runTimelineChunk(m, 31_536_000, start, rep + 1, 2, c, 1024).trials;
    const u = process.cpuUsage(t0);
    best = Math.max(best, n / ((u.user + u.system) / 1e6));
  }
  return { m, best };
};
for (const [label, file, target] of [
  ['event peer, exponential', model(''), ''],
  ['event peer, Weibull k = 1.5', model(', distribution: { lifetime: { type: weibull, shape: 1.5 } }'), ''],
  ['models/database-dr.yaml (failover)', 'models/database-dr.yaml', ' (issue 9: ≥ 0.5 M)'],
  ['fixtures/models/failover-mixed.yaml', 'fixtures/models/failover-mixed.yaml', ''],
]) {
  const { m, best } = kernel(file);
  console.log(
    `  ${label.padEnd(38)} ${(best / 1e6).toFixed(2)} M simulated years/CPU s${target}${m.failoverCount > 0 ? `, ${m.failoverCount} failover node(s)` : ''}; load ${load()}`,
  );
}
rmSync(dir, { recursive: true, force: true });
