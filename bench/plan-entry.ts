// Bench entry, bundled by bench/plan.mjs: times planCapacity (no CLI start-up) on the examples.
import { readFileSync } from 'node:fs';
import { planCapacity } from '../src/analytic/capacity/index.js';
import { loadModelText } from '../src/config/load.js';
import { SECONDS_PER_MONTH, SECONDS_PER_YEAR } from '../src/units/conventions.js';

export function run(file: string, years: number): { ms: number; additions: number; runways: number } {
  const loaded = loadModelText(readFileSync(file, 'utf8'));
  if (!loaded.ok) throw new Error(`${file} is invalid`);
  const start = performance.now();
  const plan = planCapacity(loaded.value, { horizonSeconds: years * SECONDS_PER_YEAR, stepSeconds: SECONDS_PER_MONTH });
  return { ms: performance.now() - start, additions: plan.additions.length, runways: plan.runway.length };
}
