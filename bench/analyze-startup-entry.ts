// Bench entry, bundled by bench/analyze-startup.mjs and run once per fresh process: the CPU of
// one cold `nines analyze` split into its phases (what the CLI does, minus commander and I/O).
import { readFileSync } from 'node:fs';
import { runAnalyze } from '../src/app/analyze.js';
import { loadSource } from '../src/app/source.js';
import { renderAvailabilityWarnings } from '../src/report/text/availability.js';
import { renderAnalyze } from '../src/report/text/analyze.js';
import { textStyle } from '../src/report/style.js';

/** CPU milliseconds (user + system) since `from`. */
const since = (from: NodeJS.CpuUsage): number => {
  const u = process.cpuUsage(from);
  return (u.user + u.system) / 1000;
};

/** Validate, analyse and render `file` once; CPU ms of each phase. */
export function phases(file: string): { validate: number; analysis: number; render: number; chars: number } {
  let t = process.cpuUsage();
  const loaded = loadSource(readFileSync(file, 'utf8'), { file });
  if (!loaded.ok) throw new Error(`${file} does not validate`);
  const validate = since(t);
  t = process.cpuUsage();
  const outcome = runAnalyze(loaded);
  const analysis = since(t);
  t = process.cpuUsage();
  const style = textStyle(false, { width: 100 });
  const text =
    renderAnalyze(outcome.view, style) + renderAvailabilityWarnings(outcome.view.analysis.availability, style);
  return { validate, analysis, render: since(t), chars: text.length };
}
