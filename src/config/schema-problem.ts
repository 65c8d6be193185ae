/**
 * One schema error worded as a problem a person can act on, at the key or value it is about:
 * the unknown key with the closest known one, the missing key with what it is for, the
 * expected type, the allowed values, the range, the union's alternatives.
 */
import type { ErrorObject } from 'ajv/dist/2020.js';
import { didYouMean } from '../lib/suggest.js';
import { describe } from '../units/quantity.js';
import type { Locator } from './parse.js';
import { formatPath, type Path, type Problem, type ProblemCode } from './problem.js';
import { allRequiredOnly, branchesOf, isObject, resolve } from './schema-document.js';

export function toProblem(e: ErrorObject, data: unknown, locate: Locator): Problem {
  const path = pointerToPath(e.instancePath, data);
  const { code, at = path, where = 'value', message } = worded(e, path);
  const { line, col } = locate(at, where);
  return { code, severity: 'error', path: formatPath(at), line, col, message };
}

/** A schema error's code and message, and where it is about (default: the value at its path). */
type Worded = { readonly code: ProblemCode; readonly message: string; readonly at?: Path; readonly where?: 'key' };

function worded(e: ErrorObject, path: Path): Worded {
  const parent = isObject(e.parentSchema) ? e.parentSchema : {};
  switch (e.keyword) {
    case 'additionalProperties': {
      const key = String((e.params as { additionalProperty: string }).additionalProperty);
      const known = isObject(parent['properties']) ? Object.keys(parent['properties']) : [];
      const hint = didYouMean(key, known) || (known.length > 0 ? `; expected one of: ${known.join(', ')}` : '');
      return { code: 'unknown-key', at: [...path, key], where: 'key', message: `unknown key '${key}'${hint}` };
    }
    case 'required': {
      const key = String((e.params as { missingProperty: string }).missingProperty);
      return { code: 'missing-key', message: `missing required key '${key}'${describeField(parent, key)}` };
    }
    case 'type': {
      const expected = String((e.params as { type: string }).type).replace(',', ' or ');
      return { code: 'wrong-type', message: `expected ${article(expected)}, got ${describe(e.data)}` };
    }
    case 'enum': {
      const allowed = (e.params as { allowedValues: unknown[] }).allowedValues.map(String);
      const hint = typeof e.data === 'string' ? didYouMean(e.data, allowed) : '';
      return {
        code: 'invalid-value',
        message: `expected one of ${allowed.join(', ')}, got ${describe(e.data)}${hint}`,
      };
    }
    case 'const': {
      const allowed = JSON.stringify((e.params as { allowedValue: unknown }).allowedValue);
      return { code: 'invalid-value', message: `expected ${allowed}, got ${describe(e.data)}` };
    }
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum': {
      const { comparison, limit } = e.params as { comparison: string; limit: number };
      const bound = comparison.replace('>=', '≥').replace('<=', '≤');
      return { code: 'out-of-range', message: `must be ${bound} ${limit}, got ${describe(e.data)}` };
    }
    case 'minItems':
      return { code: 'out-of-range', message: `needs at least ${(e.params as { limit: number }).limit} item(s)` };
    case 'pattern':
      return { code: 'invalid-name', message: `${describe(e.data)} is not a valid name: ${NAME_RULE}` };
    case 'propertyNames': {
      const key = String((e.params as { propertyName: string }).propertyName);
      return {
        code: 'invalid-name',
        at: [...path, key],
        where: 'key',
        message: `'${key}' is not a valid name: ${NAME_RULE}`,
      };
    }
    case 'oneOf':
    case 'anyOf':
      return { code: 'invalid-value', message: unionMessage(e) };
    default:
      return { code: 'invalid-value', message: e.message ?? 'invalid value' };
  }
}

const NAME_RULE = "use up to 63 letters, digits, '-' or '_', starting with a letter or digit";

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
