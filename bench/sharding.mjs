// Sharded simulation: 10^9 snapshot trials of models/database-dr.yaml as 8 shards, run 2 at a
// time (this machine's cores) as separate processes, then merged; the merged JSON is compared
// byte for byte with the single-process run. Prints wall times, part sizes and the merge's
// peak memory. Usage: npm run build && node bench/sharding.mjs [trials] [shards]
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';

const TRIALS = process.argv[2] ?? '1000000000';
const SHARDS = Number(process.argv[3] ?? 8);
const AT_ONCE = 2;
const model = 'models/database-dr.yaml';
const base = ['bin/nines.js', 'simulate', model, '--seed', '1', '--trials', TRIALS, '--workers', '1'];
const dir = mkdtempSync(join(tmpdir(), 'nines-bench-shard-'));

function run(args) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${args.join(' ')}: exit ${code}\n${err}`))));
  });
}

try {
  let t = performance.now();
  const single = spawnSync(process.execPath, [...base, '--json'], { encoding: 'utf8', maxBuffer: 1 << 26 });
  const singleSeconds = (performance.now() - t) / 1000;
  if (single.status !== 0) throw new Error(single.stderr);

  t = performance.now();
  const queue = Array.from({ length: SHARDS }, (_, i) => i + 1);
  const parts = queue.map((i) => join(dir, `part-${i}.json`));
  const worker = async () => {
    for (let i = queue.shift(); i !== undefined; i = queue.shift())
      await run([...base, '--shard', `${i}/${SHARDS}`, '--out', parts[i - 1]]);
  };
  await Promise.all(Array.from({ length: AT_ONCE }, worker));
  const shardSeconds = (performance.now() - t) / 1000;

  t = performance.now();
  const merge = spawnSync(
    '/usr/bin/time',
    ['-f', '%M', process.execPath, 'bin/nines.js', 'merge', ...parts, '--json'],
    { encoding: 'utf8', maxBuffer: 1 << 26 },
  );
  const mergeSeconds = (performance.now() - t) / 1000;
  const haveTime = merge.error === undefined && merge.status === 0;
  const fallback = haveTime
    ? merge
    : spawnSync(process.execPath, ['bin/nines.js', 'merge', ...parts, '--json'], {
        encoding: 'utf8',
        maxBuffer: 1 << 26,
      });
  const peakKiB = haveTime ? Number(merge.stderr.trim().split('\n').pop()) : NaN;
  const bytes = parts.reduce((s, p) => s + statSync(p).size, 0);

  console.log(
    `sharded simulation of ${model}: ${Number(TRIALS).toLocaleString('en-US')} snapshot trials + 100,000 timeline years`,
  );
  console.log(`  machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, node ${process.version}`);
  console.log(`  single process (--workers 1)      ${singleSeconds.toFixed(2)} s`);
  console.log(
    `  ${SHARDS} shards, ${AT_ONCE} at a time            ${shardSeconds.toFixed(2)} s wall (${(singleSeconds / shardSeconds).toFixed(2)}× the single process)`,
  );
  console.log(
    `  merge                              ${mergeSeconds.toFixed(2)} s, peak RSS ${Number.isFinite(peakKiB) ? `${(peakKiB / 1024).toFixed(0)} MiB` : 'n/a (no /usr/bin/time)'}`,
  );
  console.log(`  parts                              ${(bytes / 1e6).toFixed(2)} MB in ${SHARDS} files`);
  console.log(`  merged JSON identical to the single run: ${fallback.stdout === single.stdout ? 'yes' : 'NO'}`);
  if (fallback.stdout !== single.stdout) process.exitCode = 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
