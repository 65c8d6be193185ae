import type { Model } from '../model/types.js';
import { decodeModelBytes } from '../config/decode.js';
import { type loadModel, loadModelDocument, type ModelDocument } from '../config/load.js';
import type { Problem } from '../config/problem.js';
import { renderProblems } from '../report/text/problems.js';
import type { Output } from './context.js';
import { readModelInput } from './io.js';
import type { Proc } from './proc.js';

export type Loaded =
  | {
      readonly ok: true;
      readonly model: Model;
      readonly warnings: readonly Problem[];
      readonly fileLabel: string;
      readonly source: Uint8Array;
    }
  | { readonly ok: false; readonly problems: readonly Problem[]; readonly fileLabel: string };

/** Reads and validates a model file ('-' = stdin). Problems are returned, not printed. */
export async function readModel(proc: Proc, file: string, edit?: Parameters<typeof loadModel>[1]): Promise<Loaded> {
  const bytes = await readModelInput(proc, file);
  return loadModelBytes(bytes, file === '-' ? '<stdin>' : file, edit);
}

/** Validates model bytes read elsewhere (the model source a simulation part carries). */
export async function loadModelBytes(
  bytes: Uint8Array,
  fileLabel: string,
  edit?: Parameters<typeof loadModel>[1],
): Promise<Loaded> {
  // Loaded on first use: the parser, schema validator and units are most of the bundle, and
  // `--help` or `budget` never need them (esbuild splits this into its own chunk).
  const { loadModel: load } = await import('../config/load.js');
  const result = load(bytes, edit);
  return result.ok
    ? { ok: true, model: result.value, warnings: result.warnings, fileLabel, source: bytes }
    : { ok: false, problems: result.problems, fileLabel };
}

/** A model read with its text and document, for the commands that re-run or explain it. */
export type LoadedDocument =
  | {
      readonly ok: true;
      readonly document: ModelDocument;
      readonly text: string;
      readonly warnings: readonly Problem[];
      readonly fileLabel: string;
    }
  | { readonly ok: false; readonly problems: readonly Problem[]; readonly fileLabel: string };

/** Reads a model file ('-' = stdin) keeping its text and document. */
export async function readModelDocument(
  proc: Proc,
  file: string,
  edit?: Parameters<typeof loadModel>[1],
): Promise<LoadedDocument> {
  const bytes = await readModelInput(proc, file);
  const fileLabel = file === '-' ? '<stdin>' : file;
  const decoded = decodeModelBytes(bytes);
  if (!decoded.ok) return { ok: false, problems: [decoded.problem], fileLabel };
  const result = loadModelDocument(decoded.text, edit);
  return result.ok
    ? { ok: true, document: result.value, text: decoded.text, warnings: result.warnings, fileLabel }
    : { ok: false, problems: result.problems, fileLabel };
}

/** Prints problems to stderr as file:line:col lines (also in --json runs: stderr is for people). */
export function printProblems(o: Output, fileLabel: string, problems: readonly Problem[]): void {
  if (problems.length === 0) return;
  if (o.quiet && problems.every((p) => p.severity === 'warning')) return;
  o.err(renderProblems(fileLabel, problems, o.errStyle));
}
