/**
 * The model file's JSON Schema and its errors turned into problems a person can act on: one
 * message per mistake, at the key or value it is about.
 *
 * Validation runs the validator precompiled by scripts/generate-validator.mjs, in which each
 * subschema carries its JSON pointer in `$comment`; an error's `parentSchema.$comment` says
 * exactly which part of the schema failed, through $ref and inlining alike.
 */
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import schemaDocument from '../../schemas/model.schema.json' with { type: 'json' };
import validateModel, { annotatedSchema } from './generated/model-validator.js';
import type { Locator } from './parse.js';
import { formatPath, type Path, type Problem } from './problem.js';
import { didYouMean } from '../lib/suggest.js';
import { describe } from '../units/quantity.js';

/** The JSON Schema of the model file (schemas/model.schema.json), as plain data. */
export const modelSchema: Readonly<Record<string, unknown>> = schemaDocument;

type Schema = Record<string, unknown>;

/**
 * Values whose format is checked by the units parser in normalise/, which knows what was meant
 * ("expected a duration, got '5 GB', a size"), and the SLO window, label names and SLI queries,
 * which normalise/slo.ts checks with their own wording; their schema errors would only repeat it.
 */
const UNIT_POINTER =
  /^\/definitions\/(duration|size|throughput|fraction|availability|growth|growthRate|sloWindow|costRate|storagePrice)(\/|$)|^\/definitions\/slo\/properties\/(labels|sli\/properties\/(errorQuery|totalQuery))(\/|$)/;

/** Checks `data` against the model schema; returns every problem, located. */
export function checkSchema(data: unknown, locate: Locator): Problem[] {
  if (validateModel(data)) return [];
  // `if` errors only say "must match then schema"; the `then` errors say what is missing.
  const errors = (validateModel.errors ?? []).filter((e) => e.keyword !== 'if');
  const resolved = resolveUnions(errors).filter((e) => !UNIT_POINTER.test(pointerOf(e.parentSchema)));
  // An unknown key explains a failed "exactly one of" on the same mapping (a typo'd `mtbff`).
  const unknownKeyAt = new Set(resolved.filter((e) => e.keyword === 'additionalProperties').map((e) => e.instancePath));
  return resolved
    .filter((e) => !(isUnion(e) && unknownKeyAt.has(e.instancePath)))
    .map((e) => toProblem(e, data, locate));
}

/**
 * Replaces each failed oneOf/anyOf by what the user most likely meant: when exactly one branch
 * has the value's shape (type, const, enum, required keys), that branch's own errors;
 * otherwise one "expected …" message.
 */
function resolveUnions(errors: readonly ErrorObject[]): ErrorObject[] {
  let current = [...errors];
  const kept = new Set<ErrorObject>();
  for (let round = 0; round < 1000; round++) {
    const union = current
      .filter((e) => isUnion(e) && !kept.has(e))
      .sort((a, b) => a.instancePath.length - b.instancePath.length)[0];
    if (!union) return current;
    const branches = branchesOf(union);
    const results = branches.map((pointer) => branchErrors(pointer, union));
    const fromBranches = new Set(results.flat().map(signature));
    const rest = current.filter((e) => e !== union && !fromBranches.has(signature(e)));
    const fitting = results.filter((_, i) => admits(resolve(branches[i] ?? ''), union.data));
    const passing = (union.params as { passingSchemas?: unknown }).passingSchemas;
    if (fitting.length === 1 && passing == null && !allRequiredOnly(branches.map(resolve))) {
      current = [...rest, ...(fitting[0] ?? [])];
    } else {
      kept.add(union);
      current = [...rest, union];
    }
  }
  return current;
}

function isUnion(e: ErrorObject): boolean {
  return e.keyword === 'oneOf' || e.keyword === 'anyOf';
}

/** The JSON pointers of a union's branches (each branch schema carries its own). */
function branchesOf(union: ErrorObject): string[] {
  return Array.isArray(union.schema) ? (union.schema as unknown[]).map(pointerOf) : [];
}

function pointerOf(schema: unknown): string {
  return isObject(schema) && typeof schema['$comment'] === 'string' ? schema['$comment'] : '';
}

/** The subschema of the (clean) model schema at a JSON pointer. */
function resolve(pointer: string): Schema {
  let node: unknown = modelSchema;
  for (const raw of pointer.split('/').slice(1)) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    node = Array.isArray(node) ? node[Number(key)] : isObject(node) ? node[key] : undefined;
  }
  return isObject(node) ? node : {};
}

let lenient: Ajv2020 | undefined;
const branchValidators = new Map<string, ValidateFunction>();

/**
 * The errors one branch of a union gives for the union's value, at absolute instance paths.
 * Compiled on demand (error path only) in a lenient instance: a branch such as
 * {required: [mtbf, mttr]} is not a complete schema for strict mode.
 */
function branchErrors(pointer: string, union: ErrorObject): ErrorObject[] {
  if (pointer === '') return [];
  let validate = branchValidators.get(pointer);
  if (!validate) {
    if (!lenient) {
      lenient = new Ajv2020({ allErrors: true, verbose: true, strict: false });
      lenient.addSchema(annotatedSchema);
    }
    validate = lenient.compile({ $ref: `${(modelSchema as { $id: string }).$id}#${pointer}` });
    branchValidators.set(pointer, validate);
  }
  if (validate(union.data)) return [];
  return (validate.errors ?? []).map((e) => ({ ...e, instancePath: union.instancePath + e.instancePath }));
}

function signature(e: ErrorObject): string {
  return `${e.instancePath}|${e.keyword}|${JSON.stringify(e.params)}`;
}

/**
 * Whether a schema admits the value's shape at all: its type, const or enum (through $ref and
 * nested unions). Shape, not validity: `99` is shaped like an availability, just out of range.
 */
function admits(schema: unknown, value: unknown): boolean {
  if (!isObject(schema)) return true;
  const ref = schema['$ref'];
  if (typeof ref === 'string' && ref.startsWith('#/definitions/')) {
    const definitions = (modelSchema as { definitions?: Record<string, unknown> }).definitions ?? {};
    return admits(definitions[ref.slice('#/definitions/'.length)], value);
  }
  if ('const' in schema) return schema['const'] === value;
  if (Array.isArray(schema['enum'])) return (schema['enum'] as unknown[]).includes(value);
  // A mapping is shaped like an alternative when it has that alternative's required keys
  // ({all: …} vs {any: …}).
  if (
    isObject(value) &&
    Array.isArray(schema['required']) &&
    !schema['required'].every((k) => typeof k === 'string' && k in value)
  )
    return false;
  // … and whose discriminating keys ({type: weibull} vs {type: lognormal}) it matches.
  const properties = schema['properties'];
  if (isObject(value) && isObject(properties)) {
    for (const [key, sub] of Object.entries(properties)) {
      if (key in value && isObject(sub) && ('const' in sub || Array.isArray(sub['enum'])) && !admits(sub, value[key]))
        return false;
    }
  }
  const type = schema['type'];
  if (typeof type === 'string' || Array.isArray(type)) {
    const types: unknown[] = Array.isArray(type) ? type : [type];
    if (!types.some((t) => hasType(value, String(t)))) return false;
  }
  for (const key of ['oneOf', 'anyOf'] as const) {
    const branches = schema[key];
    if (Array.isArray(branches) && !allRequiredOnly(branches) && !branches.some((b) => admits(b, value))) return false;
  }
  return true;
}

function hasType(value: unknown, type: string): boolean {
  switch (type) {
    case 'integer':
      return Number.isInteger(value);
    case 'number':
      return typeof value === 'number';
    case 'string':
      return typeof value === 'string';
    case 'boolean':
      return typeof value === 'boolean';
    case 'array':
      return Array.isArray(value);
    case 'object':
      return isObject(value);
    case 'null':
      return value === null;
    default:
      return true;
  }
}

function allRequiredOnly(branches: readonly unknown[]): boolean {
  return (
    branches.length > 0 &&
    branches.every((b) => isObject(b) && Object.keys(b).every((k) => k === 'required' || k === 'description'))
  );
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
      return {
        code: 'unknown-key',
        severity: 'error',
        ...at([...path, key], 'key'),
        message: `unknown key '${key}'${hint}`,
      };
    }
    case 'required': {
      const key = String((e.params as { missingProperty: string }).missingProperty);
      return {
        code: 'missing-key',
        severity: 'error',
        ...at(path),
        message: `missing required key '${key}'${describeField(parent, key)}`,
      };
    }
    case 'type': {
      const expected = String((e.params as { type: string }).type).replace(',', ' or ');
      return {
        code: 'wrong-type',
        severity: 'error',
        ...at(path),
        message: `expected ${article(expected)}, got ${describe(e.data)}`,
      };
    }
    case 'enum': {
      const allowed = (e.params as { allowedValues: unknown[] }).allowedValues.map(String);
      const hint = typeof e.data === 'string' ? didYouMean(e.data, allowed) : '';
      return {
        code: 'invalid-value',
        severity: 'error',
        ...at(path),
        message: `expected one of ${allowed.join(', ')}, got ${describe(e.data)}${hint}`,
      };
    }
    case 'const':
      return {
        code: 'invalid-value',
        severity: 'error',
        ...at(path),
        message: `expected ${JSON.stringify((e.params as { allowedValue: unknown }).allowedValue)}, got ${describe(e.data)}`,
      };
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum': {
      const { comparison, limit } = e.params as { comparison: string; limit: number };
      return {
        code: 'out-of-range',
        severity: 'error',
        ...at(path),
        message: `must be ${comparison.replace('>=', '≥').replace('<=', '≤')} ${limit}, got ${describe(e.data)}`,
      };
    }
    case 'minItems':
      return {
        code: 'out-of-range',
        severity: 'error',
        ...at(path),
        message: `needs at least ${(e.params as { limit: number }).limit} item(s)`,
      };
    case 'pattern':
      return {
        code: 'invalid-name',
        severity: 'error',
        ...at(path),
        message: `${describe(e.data)} is not a valid name: use up to 63 letters, digits, '-' or '_', starting with a letter or digit`,
      };
    case 'propertyNames': {
      const key = String((e.params as { propertyName: string }).propertyName);
      return {
        code: 'invalid-name',
        severity: 'error',
        ...at([...path, key], 'key'),
        message: `'${key}' is not a valid name: use up to 63 letters, digits, '-' or '_', starting with a letter or digit`,
      };
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
  const branches = branchesOf(e).map(resolve);
  if (allRequiredOnly(branches)) {
    const required = branches.map((b) => (b as { required: string[] }).required);
    const options = required.map((keys) => `{${keys.join(', ')}}`);
    const relevant = new Set(required.flat());
    const found = isObject(e.data)
      ? Object.keys(e.data)
          .filter((k) => relevant.has(k))
          .join(', ') || 'none of them'
      : describe(e.data);
    const keys = isObject(e.data) ? Object.keys(e.data).filter((k) => relevant.has(k)) : [];
    const completes = required.find(
      (r) => keys.length > 0 && keys.every((k) => r.includes(k)) && r.length > keys.length,
    );
    if (completes) {
      const missing = completes.filter((k) => !keys.includes(k));
      return `${keys.join(' and ')} needs ${missing.join(' and ')} too; expected exactly one of ${options.join(', ')}`;
    }
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
  const first = text.split(/(?<!e\.g|i\.e)\.\s/)[0] ?? '';
  return first ? ` (${first.replace(/\.$/, '')})` : '';
}

function article(noun: string): string {
  const words: Record<string, string> = {
    object: 'a mapping',
    array: 'a list',
    integer: 'a whole number',
    number: 'a number',
    string: 'a string',
    boolean: 'true or false',
    null: 'nothing',
  };
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
