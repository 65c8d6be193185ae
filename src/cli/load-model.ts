import type { Model } from '../model/types.js';
import type { loadModel } from '../config/load.js';
import type { Problem } from '../config/problem.js';
import { renderProblems } from '../report/text/problems.js';
import type { Output } from './context.js';
import { readModelInput } from './io.js';
import type { Proc } from './proc.js';

export type Loaded =
  | { readonly ok: true; readonly model: Model; readonly warnings: readonly Problem[]; readonly fileLabel: string; readonly source: Uint8Array }
  | { readonly ok: false; readonly problems: readonly Problem[]; readonly fileLabel: string };

/** Reads and validates a model file ('-' = stdin). Problems are returned, not printed. */
export async function readModel(proc: Proc, file: string, edit?: Parameters<typeof loadModel>[1]): Promise<Loaded> {
  const bytes = await readModelInput(proc, file);
  return loadModelBytes(bytes, file === '-' ? '<stdin>' : file, edit);
}

/** Validates model bytes read elsewhere (the model source a simulation part carries). */
export async function loadModelBytes(bytes: Uint8Array, fileLabel: string, edit?: Parameters<typeof loadModel>[1]): Promise<Loaded> {
  // Loaded on first use: the parser, schema validator and units are most of the bundle, and
  // `--help` or `budget` never need them (esbuild splits this into its own chunk).
  const { loadModel: load } = await import('../config/load.js');
  const result = load(bytes, edit);
  return result.ok ? { ok: true, model: result.value, warnings: result.warnings, fileLabel, source: bytes } : { ok: false, problems: result.problems, fileLabel };
}

/** Prints problems to stderr as file:line:col lines (also in --json runs: stderr is for people). */
export function printProblems(o: Output, fileLabel: string, problems: readonly Problem[]): void {
  if (problems.length === 0) return;
  if (o.quiet && problems.every((p) => p.severity === 'warning')) return;
  o.err(renderProblems(fileLabel, problems, o.errStyle));
}
