// Bench entry, bundled by bench/sweep.mjs: times a 10^4-point analytic sweep of database-dr.
import { readFileSync } from 'node:fs';
import { runSweep } from '../src/app/sweep/run.js';
import { prepareVariation } from '../src/config/variation.js';
import { parseVary } from '../src/config/vary.js';

export function run(ranges: readonly string[]): {
  points: number;
  prepareMs: number;
  sweepMs: number;
  cpuMs: number;
  passing: number;
} {
  const text = readFileSync('models/database-dr.yaml', 'utf8');
  const t0 = performance.now();
  const axes = ranges.map((r) => {
    const parsed = parseVary(r);
    if (!parsed.ok) throw new Error(parsed.message);
    return parsed.axis;
  });
  const prepared = prepareVariation(text, [], axes);
  if (!prepared.ok) throw new Error(JSON.stringify(prepared));
  const t1 = performance.now();
  const cpu = process.cpuUsage();
  const view = runSweep(
    prepared.value,
    {
      file: 'models/database-dr.yaml',
      flagTargets: [],
      method: 'analytic',
      seed: 1,
      trials: 1,
      mcDecision: 'pessimistic',
    },
    'models/database-dr.yaml',
  );
  const t2 = performance.now();
  const used = process.cpuUsage(cpu);
  return {
    points: view.points.length,
    prepareMs: t1 - t0,
    sweepMs: t2 - t1,
    cpuMs: (used.user + used.system) / 1000,
    passing: view.points.filter((p) => p.status === 'pass').length,
  };
}
