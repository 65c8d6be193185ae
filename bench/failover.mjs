// The one disruption model (issue 9): `analyze` on every example (in process, after a warm-up)
// and the timeline kernel with failover nodes (switchover events) on database-dr and the mixed
// failover fixture, one core. Targets: analyze < 0.5 s per model; timeline > 0.5 M simulated
// years per CPU second on database-dr. Run: node bench/failover.mjs
import { readdirSync, readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { importBundled } from '../scripts/bundle.mjs';

const lib = await importBundled('bench/failover-entry.ts');
const now = () => performance.now() / 1000;
const load = (file) => {
  const r = lib.loadModelText(readFileSync(file, 'utf8'));
  if (!r.ok) throw new Error(`${file}: invalid`);
  return r.value;
};
console.log(
  `node ${process.version}, ${availableParallelism()} cores, load average ${loadavg()
    .map((x) => x.toFixed(1))
    .join(' ')} (shared machine: figures vary with the load)`,
);

for (const file of readdirSync('models')
  .filter((f) => f.endsWith('.yaml'))
  .sort()) {
  const model = load(`models/${file}`);
  lib.analyzeModel(model);
  const runs = [];
  for (let i = 0; i < 5; i++) {
    const t0 = now();
    lib.analyzeModel(model);
    runs.push(now() - t0);
  }
  runs.sort((a, b) => a - b);
  console.log(
    `analyze ${file.padEnd(28)} ${(runs[2] * 1000).toFixed(1).padStart(7)} ms (median of 5; target < 500 ms)`,
  );
}

for (const [file, target] of [
  ['models/database-dr.yaml', '   (target ≥ 0.5 M)'],
  ['fixtures/models/failover-mixed.yaml', ''],
]) {
  const m = lib.compileModel(load(file));
  // Per CPU second of this process (the machine is shared: wall time measures the other work too).
  const rates = [];
  const walls = [];
  for (let rep = 0; rep < 3; rep++) {
    const t0 = now();
    const c0 = process.cpuUsage();
    let n = 0;
    for (let c = 0; c < 400; c++) n += lib.runTimelineChunk(m, 31_536_000, 'steady', rep + 1, 2, c, 1024).trials;
    const u = process.cpuUsage(c0);
    rates.push(n / ((u.user + u.system) / 1e6));
    walls.push(n / (now() - t0));
  }
  console.log(
    `timeline with ${m.failoverCount} failover node(s), ${file}, 1 core: ${(Math.max(...rates) / 1e6).toFixed(2)} M simulated years/CPU s${target} (wall: ${(Math.max(...walls) / 1e6).toFixed(2)} M/s at load ${loadavg()[0].toFixed(1)})`,
  );
}
