/**
 * A model prepared for many variations (sweep, design): the text is parsed and validated once;
 * each `--vary` value is validated once against the base; each point is then the base document
 * with the axes' values set copy-on-write and normalised (units, defaults, ranges) without
 * parsing any text again.
 */
import type { Model } from '../model/types.js';
import { normalise } from './normalise/model.js';
import { Reader, isRaw, type Raw } from './normalise/reader.js';
import { applyOverrides, touchesOverride, type Override } from './overrides.js';
import { UNREADABLE, validateRaw } from './load.js';
import { parseModelText, type Locator } from './parse.js';
import { formatPath, sortProblems, type Path, type Problem, type Validation } from './problem.js';
import { runRules, VALUE_RULES } from './rules/index.js';
import type { Axis } from './vary.js';

export type Variation = {
  /** The validated base model (the file with `--set` applied). */
  readonly base: Model;
  readonly warnings: readonly Problem[];
  readonly axes: readonly Axis[];
  /** Each axis's document path, list items by index (for patching the file). */
  readonly paths: readonly Path[];
  /** The `--set` overrides as document edits (the same at every point). */
  readonly setEdits: readonly { readonly path: Path; readonly value: unknown }[];
  /** The model at one point: `indices[i]` picks a value of axis i. */
  point(indices: readonly number[]): Validation<Model>;
};

export type Prepared =
  | { readonly ok: true; readonly value: Variation }
  | { readonly ok: false; readonly problems: readonly Problem[] }
  | { readonly ok: false; readonly message: string };

/**
 * A list's values are validated one by one; a range's values share their kind, so past this
 * many only its ends are (a bound such as "at least 1" is met by all values once by both ends).
 */
const VALIDATE_ALL_UP_TO = 20;

/**
 * Parses and validates `text` with `sets` applied, then checks that every axis names a field
 * that exists (or may) and that its values fit it: a value whose problem lies at the axis's
 * path (a unit that does not fit, a number out of range) is an error naming the flag.
 * @example prepareVariation(text, [], [axis]).ok
 */
export function prepareVariation(text: string, sets: readonly Override[], axes: readonly Axis[]): Prepared {
  const parsed = parseModelText(text);
  if (!parsed.ok) return { ok: false, problems: sortProblems(parsed.problems) };
  if (!isRaw(parsed.data)) return { ok: false, problems: [] };
  const baseRaw = parsed.data;
  const setApplied = applyOverrides(baseRaw, sets);
  if (!setApplied.ok) return { ok: false, message: setApplied.message };
  const base = validateRaw(baseRaw, parsed.locate);
  if (!base.ok) return base;
  const paths: Path[] = [];
  for (const axis of axes) {
    const probe = structuredClone(baseRaw);
    const applied = applyOverrides(probe, [
      { text: axis.text, segments: axis.segments, value: axis.values[0] ?? null },
    ]);
    if (!applied.ok) return { ok: false, message: applied.message.replace(/^--set /, '--vary ') };
    const path = applied.value[0]?.path ?? [];
    paths.push(path);
    const checked =
      axis.kind === 'list' || axis.values.length <= VALIDATE_ALL_UP_TO
        ? axis.values.map((_, i) => i)
        : [0, axis.values.length - 1];
    for (const i of checked) {
      const result = validateRaw(setAt(baseRaw, path, axis.values[i]), parsed.locate);
      if (result.ok) continue;
      const own = result.problems.find((p) => p.severity === 'error' && touchesOverride(p.path, path));
      if (own !== undefined)
        return { ok: false, message: `--vary ${axis.text}: at ${axis.labels[i] ?? ''}: ${own.path}: ${own.message}` };
    }
  }
  const locate = parsed.locate;
  return {
    ok: true,
    value: {
      base: base.value,
      warnings: base.warnings,
      axes,
      paths,
      setEdits: setApplied.value.map((a, i) => ({ path: a.path, value: sets[i]?.value ?? null })),
      point: (indices) => build(pointRaw(baseRaw, paths, axes, indices), locate),
    },
  };
}

/** The base document with each axis's chosen value set (copy-on-write: the base is untouched). */
function pointRaw(base: Raw, paths: readonly Path[], axes: readonly Axis[], indices: readonly number[]): Raw {
  let raw = base;
  axes.forEach((axis, i) => {
    raw = setAt(raw, paths[i] ?? [], axis.values[indices[i] ?? 0]);
  });
  return raw;
}

/**
 * Normalisation and the rules on values (units, defaults, ranges, quorum): what a point needs
 * once its values were validated (its names are the base's, checked once).
 */
function build(raw: Raw, locate: Locator): Validation<Model> {
  const reader = new Reader(locate);
  const model = runRules(normalise(raw, reader), reader, VALUE_RULES);
  const errors = reader.problems.filter((p) => p.severity === 'error');
  if (errors.length > 0 || model === undefined) {
    return { ok: false, problems: errors.length > 0 ? errors : [UNREADABLE] };
  }
  return { ok: true, value: model, warnings: reader.problems };
}

/**
 * `root` with `value` at `path`, copying only the containers along the path (missing maps are
 * created); `null` removes the field or list item.
 * @example setAt({ a: { b: 1 } }, ['a', 'b'], 2) // { a: { b: 2 } }, the input unchanged
 */
export function setAt(root: Raw, path: Path, value: unknown): Raw {
  const copy = (node: unknown, depth: number): unknown => {
    const key = path[depth];
    if (key === undefined) return value;
    const last = depth === path.length - 1;
    if (Array.isArray(node) && typeof key === 'number') {
      const list = [...(node as unknown[])];
      if (last && value === null) list.splice(key, 1);
      else list[key] = copy(list[key], depth + 1);
      return list;
    }
    const map: Raw = isRaw(node) ? { ...node } : {};
    const name = String(key);
    if (last && value === null) delete map[name];
    else map[name] = copy(map[name], depth + 1);
    return map;
  };
  const result = copy(root, 0);
  if (!isRaw(result)) throw new Error(`setAt: ${formatPath(path)} replaced the document`);
  return result;
}
