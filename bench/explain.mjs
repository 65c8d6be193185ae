// Benchmark of the "why" figures: explain + importance (and cut sets: analyze computes them)
// + sensitivity, in-process, on every example model. Bundles bench/explain-entry.ts with
// esbuild and prints the median of 3 runs. Usage: node bench/explain.mjs
import { importBundled } from '../scripts/bundle.mjs';
import { readdirSync, readFileSync } from 'node:fs';

const { run } = await importBundled('bench/explain-entry.ts');

console.log('model                       analyze+importance   explain (figures)   sensitivity (re-runs)   total');
for (const name of readdirSync('models')
  .filter((f) => f.endsWith('.yaml'))
  .sort()) {
  const text = readFileSync(`models/${name}`, 'utf8');
  const runs = [run(text, name), run(text, name), run(text, name)].sort((a, b) => a.total - b.total);
  const m = runs[1];
  console.log(
    `${name.padEnd(27)} ${m.analyze.toFixed(1).padStart(15)} ms ${m.explain.toFixed(1).padStart(7)} ms (${String(m.figures).padStart(4)}) ${m.sensitivity.toFixed(1).padStart(11)} ms (${String(m.reruns).padStart(3)}) ${m.total.toFixed(1).padStart(9)} ms`,
  );
}
console.log('(median of 3; the machine is shared by parallel work, so figures vary with its load)');
