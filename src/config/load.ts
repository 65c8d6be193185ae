/**
 * Model file bytes → validated Model, or every problem at once: text checks, YAML syntax,
 * schema, semantic rules and units, each problem with its line and column.
 */
import type { Model } from '../model/types.js';
import { normalise } from './normalise/model.js';
import { Reader, isRaw } from './normalise/reader.js';
import { decodeModelBytes } from './decode.js';
import { parseModelText, type Locator, type Parsed } from './parse.js';

export { parseModelText, type Parsed } from './parse.js';
import { sortProblems, type Problem, type Validation } from './problem.js';
import { runRules } from './rules/index.js';
import { checkSchema } from './schema.js';

/** Validates model bytes; `edit` may change the plain data before validation (what-if overrides). */
export function loadModel(
  bytes: Uint8Array,
  edit?: (data: Record<string, unknown>) => readonly Problem[],
): Validation<Model> {
  const decoded = decodeModelBytes(bytes);
  if (!decoded.ok) return { ok: false, problems: [decoded.problem] };
  return loadModelText(decoded.text, edit);
}

export function loadModelText(
  text: string,
  edit?: (data: Record<string, unknown>) => readonly Problem[],
): Validation<Model> {
  const result = loadModelDocument(text, edit);
  return result.ok ? { ok: true, value: result.value.model, warnings: result.warnings } : result;
}

/** A validated model with the document it was built from (after `edit`) and its positions. */
export type ModelDocument = {
  readonly model: Model;
  readonly data: Record<string, unknown>;
  /** Positions in the file text (an edited field: its nearest original ancestor). */
  readonly locate: Locator;
};

/** As {@link loadModelText}, keeping the document and the locator (for `nines explain`). */
export function loadModelDocument(
  text: string,
  edit?: (data: Record<string, unknown>) => readonly Problem[],
): Validation<ModelDocument> {
  return loadParsed(parseModelText(text), edit);
}

/**
 * Validates text parsed once by {@link parseModelText}, on a copy of its data (so one parse
 * serves many what-ifs: `nines recommend` and the sensitivity analysis re-run a model often).
 */
export function loadParsed(
  parsed: Parsed,
  edit?: (data: Record<string, unknown>) => readonly Problem[],
): Validation<ModelDocument> {
  if (!parsed.ok) return { ok: false, problems: sortProblems(parsed.problems) };
  const raw: unknown = structuredClone(parsed.data);
  if (!isRaw(raw)) return { ok: false, problems: [] };
  const editProblems = edit ? edit(raw) : [];
  if (editProblems.length > 0) return { ok: false, problems: editProblems };
  const validation = validateRaw(raw, parsed.locate);
  if (!validation.ok) return validation;
  return {
    ok: true,
    value: { model: validation.value, data: raw, locate: parsed.locate },
    warnings: validation.warnings,
  };
}

/** What a failed normalisation says when no rule said why (it should not happen). */
export const UNREADABLE: Problem = {
  code: 'invalid-model',
  severity: 'error',
  path: '',
  line: 1,
  col: 1,
  message: 'the model could not be read',
};

/** Full validation of a plain document: schema, normalisation, semantic rules (warnings kept). */
export function validateRaw(raw: Record<string, unknown>, locate: Locator): Validation<Model> {
  const reader = new Reader(locate);
  const schemaProblems = checkSchema(raw, locate);
  const model = runRules(normalise(raw, reader), reader);
  const problems = sortProblems([...schemaProblems, ...reader.problems]);
  if (problems.some((p) => p.severity === 'error') || model === undefined) {
    return { ok: false, problems: problems.length > 0 ? problems : [UNREADABLE] };
  }
  return { ok: true, value: model, warnings: problems };
}
