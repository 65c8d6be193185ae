/**
 * The model file's JSON Schema and its errors turned into problems a person can act on: one
 * message per mistake, at the key or value it is about.
 *
 * Validation runs the validator precompiled by scripts/generate-validator.mjs, in which each
 * subschema carries its JSON pointer in `$comment`; an error's `parentSchema.$comment` says
 * exactly which part of the schema failed, through $ref and inlining alike.
 */
import { createRequire } from 'node:module';
import type { Ajv2020, ErrorObject, ValidateFunction } from 'ajv/dist/2020.js';
import validateModel, { annotatedSchema } from './generated/model-validator.js';
import type { Locator } from './parse.js';
import type { Problem } from './problem.js';
import { allRequiredOnly, branchesOf, isObject, isUnion, modelSchema, pointerOf, resolve } from './schema-document.js';
import { toProblem } from './schema-problem.js';

export { modelSchema } from './schema-document.js';

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
      // ajv itself only on this error path: its set-up was a tenth of every start-up.
      const ajv: typeof import('ajv/dist/2020.js') = createRequire(import.meta.url)('ajv/dist/2020.js');
      lenient = new ajv.Ajv2020({ allErrors: true, verbose: true, strict: false });
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
