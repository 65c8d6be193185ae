import { decodeModelBytes } from '../config/decode.js';
import { type loadModel, loadModelDocument, type ModelDocument } from '../config/load.js';
import type { Problem } from '../config/problem.js';
import { renderProblems } from '../report/text/problems.js';
import type { DocumentSource, Loaded as LoadedSource } from '../app/source.js';
import type { SetOverrides } from '../app/what-if.js';
import { EXIT } from '../errors.js';
import type { CommandContext, Output } from './context.js';
import { explainOverrideProblems } from '../app/what-if.js';
import type { AppliedOverride } from '../config/overrides.js';
import { readModelInput } from './io.js';
import type { Proc } from './proc.js';

/** A model read with its text and document, for the commands that re-run or explain it. */
export type LoadedDocument =
  | {
      readonly ok: true;
      readonly document: ModelDocument;
      readonly text: string;
      readonly warnings: readonly Problem[];
      readonly fileLabel: string;
      readonly bytes: Uint8Array;
    }
  | { readonly ok: false; readonly problems: readonly Problem[]; readonly fileLabel: string };

/** Reads a model file ('-' = stdin) keeping its bytes, text and document. */
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
    ? { ok: true, document: result.value, text: decoded.text, warnings: result.warnings, fileLabel, bytes }
    : { ok: false, problems: result.problems, fileLabel };
}

/** Prints problems to stderr as file:line:col lines (also in --json runs: stderr is for people). */
export function printProblems(o: Output, fileLabel: string, problems: readonly Problem[]): void {
  if (problems.length === 0) return;
  if (o.quiet && problems.every((p) => p.severity === 'warning')) return;
  o.err(renderProblems(fileLabel, problems, o.errStyle));
}

/**
 * Reads a model file ('-' = stdin) with the `--set` overrides into the source the use cases run
 * on (with its bytes), or its problems.
 */
export async function readSource(
  proc: Proc,
  file: string,
  overrides?: SetOverrides,
): Promise<(Source & { readonly ok: true }) | Extract<LoadedSource, { ok: false }>> {
  const read = await readModelDocument(proc, file, overrides?.edit);
  if (!read.ok) return read;
  const { document, text, fileLabel, warnings, bytes } = read;
  const applied = overrides?.applied() ?? [];
  return { ok: true, model: document.model, text, fileLabel, warnings, bytes, document, applied };
}

/** A validated model source with its document, the warnings its loading gave and the bytes it was read from. */
export type Source = DocumentSource & { readonly warnings: readonly Problem[]; readonly bytes: Uint8Array };

/**
 * The load-or-fail step of every computing command: reads and validates the model with the
 * `--set` overrides, prints its problems (or warnings) on stderr; on failure prints the failure
 * document with --json, sets exit 2 and returns undefined.
 */
export async function loadOrFail(
  ctx: CommandContext,
  o: Output,
  file: string,
  overrides: SetOverrides,
  failure: (problems: readonly Problem[]) => unknown,
  onFailure?: (loaded: { readonly fileLabel: string; readonly problems: readonly Problem[] }) => void,
): Promise<Source | undefined> {
  const loaded = await loadAllOrFail(ctx, o, [{ file, overrides }], failure, onFailure);
  return loaded?.[0];
}

/**
 * {@link loadOrFail} for several models (compare): every one is read and its problems printed
 * before the run fails, and the failure document holds the problems of all.
 */
export async function loadAllOrFail(
  ctx: CommandContext,
  o: Output,
  inputs: readonly { readonly file: string; readonly overrides?: SetOverrides | undefined }[],
  failure: (problems: readonly Problem[]) => unknown,
  onFailure?: (loaded: { readonly fileLabel: string; readonly problems: readonly Problem[] }) => void,
): Promise<Source[] | undefined> {
  const sources: Source[] = [];
  const problems: Problem[] = [];
  for (const { file, overrides } of inputs) {
    const loaded = await readSource(ctx.proc, file, overrides);
    const applied = overrides?.applied() ?? [];
    printLoadProblems(o, loaded.fileLabel, loaded.ok ? loaded.warnings : loaded.problems, applied);
    if (loaded.ok) sources.push(loaded);
    else {
      onFailure?.(loaded);
      problems.push(...loaded.problems);
    }
  }
  if (sources.length === inputs.length) return sources;
  if (o.json) o.outJson(failure(problems));
  ctx.exitCode = EXIT.input;
  return undefined;
}

/** Prints load problems (changed fields explained) and, when `--set` was used, a note saying so. */
export function printLoadProblems(
  o: Output,
  fileLabel: string,
  problems: readonly Problem[],
  applied: readonly AppliedOverride[],
): void {
  printProblems(o, fileLabel, explainOverrideProblems(problems, applied));
  if (applied.length > 0 && problems.some((p) => p.severity === 'error')) {
    o.err(`note: the model was changed by ${applied.map((a) => `--set ${a.text}`).join(', ')} before validation\n`);
  }
}
