/**
 * The model file's JSON Schema, compiled once with Ajv (draft 2020-12), and its errors turned
 * into problems a person can act on: one message per mistake, at the key or value it is about.
 */
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import modelSchema from '../../schemas/model.schema.json' with { type: 'json' };
import type { Locator } from './parse.js';
import { formatPath, type Path, type Problem } from './problem.js';
import { didYouMean } from './suggest.js';
import { describe } from '../units/quantity.js';

export { modelSchema };

/**
 * Values whose format is checked by the units parser in build/, which knows what was meant
 * ("expected a duration, got '5 GB', a size"); their schema errors would only repeat it.
 */
const UNIT_DEFINITIONS = ['duration', 'size', 'throughput', 'fraction', 'availability'];
const UNIT_PATH = new RegExp(`#/definitions/(${UNIT_DEFINITIONS.join('|')})/`);

let compiled: ValidateFunction | undefined;

function validator(): ValidateFunction {
  compiled ??= new Ajv2020({ allErrors: true, verbose: true, strict: true }).compile(modelSchema);
  return compiled;
}

/** Checks `data` against the model schema; returns every problem, located. */
export function checkSchema(data: unknown, locate: Locator): Problem[] {
  const validate = validator();
  if (validate(data)) return [];
  const errors = (validate.errors ?? []).filter((e) => !UNIT_PATH.test(`${e.schemaPath}/`));
  return resolveUnions(errors).map((e) => toProblem(e, data, locate));
}

/**
 * Replaces each failed oneOf/anyOf by what the user most likely meant: the one branch whose
 * type matches the value, or a single "expected …" message when no branch (or several) does.
 */
function resolveUnions(errors: readonly ErrorObject[]): ErrorObject[] {
  const union = errors
    .filter((e) => e.keyword === 'oneOf' || e.keyword === 'anyOf')
    .sort((a, b) => a.instancePath.length - b.instancePath.length || a.schemaPath.length - b.schemaPath.length)[0];
  if (!union) return [...errors];
  const prefix = `${union.schemaPath}/`;
  const inside = errors.filter((e) => e.schemaPath.startsWith(prefix));
  const rest = errors.filter((e) => e !== union && !e.schemaPath.startsWith(prefix));
  const byBranch = new Map<string, ErrorObject[]>();
  for (const e of inside) {
    const branch = e.schemaPath.slice(prefix.length).split('/')[0] ?? '';
    byBranch.set(branch, [...(byBranch.get(branch) ?? []), e]);
  }
  const branches = Array.isArray(union.schema) ? (union.schema as unknown[]) : [];
  const fitting = [...branches.keys()]
    .map(String)
    .filter((b) => !(byBranch.get(b) ?? []).some((e) => isShapeMismatch(e, union.instancePath)));
  const passing = (union.params as { passingSchemas?: unknown }).passingSchemas;
  if (fitting.length === 1 && passing == null && !allRequiredOnly(branches)) {
    return resolveUnions([...rest, ...(byBranch.get(fitting[0] ?? '') ?? [])]);
  }
  return resolveUnions([...rest, union]);
}

/** A branch error that says the value is of another kind altogether (type or literal). */
function isShapeMismatch(e: ErrorObject, at: string): boolean {
  return e.instancePath === at && (e.keyword === 'type' || e.keyword === 'const' || e.keyword === 'enum');
}

function allRequiredOnly(branches: readonly unknown[]): boolean {
  return branches.length > 0 && branches.every((b) => isObject(b) && Object.keys(b).every((k) => k === 'required' || k === 'description'));
}

function toProblem(e: ErrorObject, data: unknown, locate: Locator): Problem {
  const path = pointerToPath(e.instancePath, data);
  const at = (p: Path, where: 'key' | 'value' = 'value') => {
    const { line, col } = locate(p, where);
    return { path: formatPath(p), line, col };
  };
  const parent = isObject(e.parentSchema) ? e.parentSchema : {};
  switch (e.keyword) {
    case 'additionalProperties': {
      const key = String((e.params as { additionalProperty: string }).additionalProperty);
      const known = isObject(parent['properties']) ? Object.keys(parent['properties']) : [];
      const hint = didYouMean(key, known) || (known.length > 0 ? `; expected one of: ${known.join(', ')}` : '');
      return { code: 'unknown-key', severity: 'error', ...at([...path, key], 'key'), message: `unknown key '${key}'${hint}` };
    }
    case 'required': {
      const key = String((e.params as { missingProperty: string }).missingProperty);
      return { code: 'missing-key', severity: 'error', ...at(path), message: `missing required key '${key}'${describeField(parent, key)}` };
    }
    case 'type': {
      const expected = String((e.params as { type: string }).type).replace(',', ' or ');
      return { code: 'wrong-type', severity: 'error', ...at(path), message: `expected ${article(expected)}, got ${describe(e.data)}` };
    }
    case 'enum': {
      const allowed = (e.params as { allowedValues: unknown[] }).allowedValues.map(String);
      const hint = typeof e.data === 'string' ? didYouMean(e.data, allowed) : '';
      return { code: 'invalid-value', severity: 'error', ...at(path), message: `expected one of ${allowed.join(', ')}, got ${describe(e.data)}${hint}` };
    }
    case 'const':
      return { code: 'invalid-value', severity: 'error', ...at(path), message: `expected ${JSON.stringify((e.params as { allowedValue: unknown }).allowedValue)}, got ${describe(e.data)}` };
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum': {
      const { comparison, limit } = e.params as { comparison: string; limit: number };
      return { code: 'out-of-range', severity: 'error', ...at(path), message: `must be ${comparison.replace('>=', '≥').replace('<=', '≤')} ${limit}, got ${describe(e.data)}` };
    }
    case 'minItems':
      return { code: 'out-of-range', severity: 'error', ...at(path), message: `needs at least ${(e.params as { limit: number }).limit} item(s)` };
    case 'pattern':
      return { code: 'invalid-name', severity: 'error', ...at(path), message: `${describe(e.data)} is not a valid name: use up to 63 letters, digits, '-' or '_', starting with a letter or digit` };
    case 'propertyNames': {
      const key = String((e.params as { propertyName: string }).propertyName);
      return { code: 'invalid-name', severity: 'error', ...at([...path, key], 'key'), message: `'${key}' is not a valid name: use up to 63 letters, digits, '-' or '_', starting with a letter or digit` };
    }
    case 'oneOf':
    case 'anyOf':
      return { code: 'invalid-value', severity: 'error', ...at(path), message: unionMessage(e) };
    default:
      return { code: 'invalid-value', severity: 'error', ...at(path), message: e.message ?? 'invalid value' };
  }
}

/** "expected exactly one of {mtbf, mttr}, {afr, mttr}, …; found mtbf, afr" or "expected a number or a mapping …". */
function unionMessage(e: ErrorObject): string {
  const branches = Array.isArray(e.schema) ? (e.schema as unknown[]) : [];
  if (allRequiredOnly(branches)) {
    const options = branches.map((b) => `{${((b as { required: string[] }).required).join(', ')}}`);
    const found = isObject(e.data) ? Object.keys(e.data).join(', ') || 'nothing' : describe(e.data);
    return `expected exactly one of ${options.join(', ')}; found ${found}`;
  }
  const kinds = branches.map(branchKind).filter((k, i, all) => all.indexOf(k) === i);
  return `expected ${kinds.join(' or ')}, got ${describe(e.data)}`;
}

function branchKind(branch: unknown): string {
  if (!isObject(branch)) return 'a value';
  if (typeof branch['description'] === 'string' && branch['description'].length < 60) return branch['description'];
  if (typeof branch['$ref'] === 'string') return article(branch['$ref'].split('/').pop() ?? 'value');
  if ('const' in branch) return JSON.stringify(branch['const']);
  if (Array.isArray(branch['enum'])) return (branch['enum'] as unknown[]).map((v) => JSON.stringify(v)).join(' or ');
  return article(String(branch['type'] ?? 'value'));
}

function describeField(parent: Record<string, unknown>, key: string): string {
  const props = parent['properties'];
  const field = isObject(props) ? props[key] : undefined;
  const text = isObject(field) && typeof field['description'] === 'string' ? field['description'] : '';
  const first = text.split(/(?<=\.)\s/)[0] ?? '';
  return first ? ` (${first.replace(/\.$/, '')})` : '';
}

function article(noun: string): string {
  const words: Record<string, string> = { object: 'a mapping', array: 'a list', integer: 'a whole number', number: 'a number', string: 'a string', boolean: 'true or false', null: 'nothing' };
  return noun
    .split(' or ')
    .map((n) => words[n] ?? (/^[aeiou]/i.test(n) ? `an ${n}` : `a ${n}`))
    .join(' or ');
}

/** JSON pointer → path, with list indices as numbers (decided by the data, not the text). */
function pointerToPath(pointer: string, data: unknown): Path {
  if (pointer === '') return [];
  const path: (string | number)[] = [];
  let node = data;
  for (const raw of pointer.slice(1).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(node)) {
      const index = Number(key);
      path.push(index);
      node = node[index];
    } else {
      path.push(key);
      node = isObject(node) ? node[key] : undefined;
    }
  }
  return path;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
