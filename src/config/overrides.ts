/**
 * What-if overrides: `--set PATH=VALUE` changes the plain model data before validation, so the
 * changed model is validated exactly like a file. Paths are dot-separated keys; list items are
 * addressed by their `name` (or index): `tiers.db.nodes`, `data.backups.nightly.every`,
 * `zones[az-a].failure.mttr`, `tiers[0].nodes`. VALUE is a YAML scalar or flow value (`5` is a
 * number, `4 h` a string, `{afr: 2%, mttr: 4 h}` a mapping); `null` removes the field.
 */
import { parse } from 'yaml';
import { isRaw } from './normalise/reader.js';
import { formatPath, type Path } from './problem.js';
import { suggest } from '../lib/suggest.js';

export type Override = { readonly text: string; readonly segments: readonly string[]; readonly value: unknown };

/** An override as applied: its text and the document path it changed (list items by index). */
export type AppliedOverride = { readonly text: string; readonly path: Path };

export type OverrideResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly message: string };

const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);
const SEGMENT = /([^.[\]]+)|\[([^\]]*)\]/g;
const WHOLE_PATH = /^(?:[^.[\]]+|\[[^\]]*\])(?:\.[^.[\]]+|\[[^\]]*\])*$/;

/**
 * Splits `PATH=VALUE` at the first `=` and parses VALUE as YAML.
 * @example parseOverride('tiers.db.nodes=5') // { ok: true, value: { segments: ['tiers', 'db', 'nodes'], value: 5, … } }
 */
export function parseOverride(text: string): OverrideResult<Override> {
  const eq = text.indexOf('=');
  if (eq < 0) return { ok: false, message: `expected PATH=VALUE, e.g. 'tiers.db.nodes=5', got '${text}'` };
  const pathText = text.slice(0, eq).trim();
  const valueText = text.slice(eq + 1).trim();
  if (!WHOLE_PATH.test(pathText)) {
    return {
      ok: false,
      message: `cannot read the path '${pathText}'; write keys separated by dots, e.g. 'data.backups.nightly.every' or 'tiers[db].nodes'`,
    };
  }
  const segments: string[] = [];
  for (const m of pathText.matchAll(SEGMENT)) {
    const segment = (m[1] ?? m[2] ?? '').trim();
    if (segment === '') return { ok: false, message: `an empty part in the path '${pathText}'` };
    segments.push(segment);
  }
  const forbidden = segments.find((s) => FORBIDDEN.has(s));
  if (forbidden !== undefined) return { ok: false, message: `'${forbidden}' cannot be set` };
  if (valueText === '')
    return {
      ok: false,
      message: `no value after '='; write e.g. '${pathText}=5', or '${pathText}=null' to remove the field`,
    };
  let value: unknown;
  try {
    value = parse(valueText, { strict: true, uniqueKeys: true, maxAliasCount: 0 });
  } catch (error) {
    return {
      ok: false,
      message: `cannot read the value '${valueText}' as YAML: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`,
    };
  }
  return { ok: true, value: { text, segments, value } };
}

/**
 * Applies overrides in order to `data` (mutated: it is the freshly parsed document). A key that
 * does not exist is created unless it looks like a misspelt existing key; a list item must exist.
 * @example applyOverrides(data, [override]) // { ok: true, value: [{ text, path: ['tiers', 0, 'nodes'] }] }
 */
export function applyOverrides(
  data: Record<string, unknown>,
  overrides: readonly Override[],
): OverrideResult<AppliedOverride[]> {
  const applied: AppliedOverride[] = [];
  for (const o of overrides) {
    const result = applyOne(data, o);
    if (!result.ok) return { ok: false, message: `--set ${o.text}: ${result.message}` };
    applied.push({ text: o.text, path: result.value });
  }
  return { ok: true, value: applied };
}

function applyOne(data: Record<string, unknown>, o: Override): OverrideResult<Path> {
  let current: unknown = data;
  const path: (string | number)[] = [];
  for (let i = 0; i < o.segments.length; i++) {
    const segment = o.segments[i] ?? '';
    const last = i === o.segments.length - 1;
    const where = path.length === 0 ? 'the model' : `'${formatPath(path)}'`;
    if (Array.isArray(current)) {
      const list: unknown[] = current;
      const index = findItem(list, segment);
      if (index === undefined) {
        const names = list.flatMap((item) => (isRaw(item) && typeof item['name'] === 'string' ? [item['name']] : []));
        const hint = suggest(segment, names);
        const known = names.length > 0 ? `items: ${names.join(', ')}` : `indices 0–${list.length - 1}`;
        return fail(`no item '${segment}' in ${where}${hint ? ` (did you mean '${hint}'?)` : ''}; ${known}`);
      }
      path.push(index);
      if (last) {
        if (o.value === null) list.splice(index, 1);
        else list[index] = o.value;
        return { ok: true, value: path };
      }
      current = list[index];
      continue;
    }
    if (!isRaw(current)) return fail(`${where} is a value (${JSON.stringify(current)}), not a mapping or a list`);
    const map = current;
    path.push(segment);
    const exists = Object.hasOwn(map, segment);
    if (!exists) {
      const hint = suggest(segment, Object.keys(map));
      if (hint !== undefined) return fail(`no key '${segment}' in ${where} (did you mean '${hint}'?)`);
    }
    if (last) {
      if (o.value === null) delete map[segment];
      else map[segment] = o.value;
      return { ok: true, value: path };
    }
    if (!exists || map[segment] === null || map[segment] === undefined) map[segment] = {};
    current = map[segment];
  }
  return { ok: true, value: path };
}

/** The index of the item named `segment`, else `segment` read as an index. */
function findItem(list: readonly unknown[], segment: string): number | undefined {
  const byName = list.findIndex((item) => isRaw(item) && item['name'] === segment);
  if (byName >= 0) return byName;
  if (/^\d+$/.test(segment)) {
    const i = Number(segment);
    if (i < list.length) return i;
  }
  return undefined;
}

function fail<T>(message: string): OverrideResult<T> {
  return { ok: false, message };
}

/**
 * Whether a problem at `problemPath` (formatted, e.g. `tiers[0].nodes`) concerns the field an
 * override changed: the same path, inside it, or its parent.
 * @example touchesOverride('tiers[0].nodes', ['tiers', 0, 'nodes']) // true
 */
export function touchesOverride(problemPath: string, overridden: Path): boolean {
  const changed = formatPath(overridden);
  if (problemPath === changed || problemPath.startsWith(`${changed}.`) || problemPath.startsWith(`${changed}[`))
    return true;
  return problemPath !== '' && (changed.startsWith(`${problemPath}.`) || changed.startsWith(`${problemPath}[`));
}
