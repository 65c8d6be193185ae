/**
 * Durations, sizes and throughputs as an SRE writes them ("4 h", "2 TiB", "500 MB/s") → base
 * units (seconds, bytes, bytes per second).
 */
import { RATE_TIME_SECONDS, SIZE_BYTES, TIME_SECONDS, toBaseUnits } from './unit-table.js';

export type QuantityKind = 'duration' | 'size' | 'throughput';

/** A parse result: the value in base units, or a message saying what was expected. */
export type Parsed = { readonly ok: true; readonly value: number } | { readonly ok: false; readonly message: string };

const TIME = new Set(Object.keys(TIME_SECONDS));
const SIZE = new Set(Object.keys(SIZE_BYTES));
const RATE_TIME = new Set(Object.keys(RATE_TIME_SECONDS));

const EXAMPLE: Record<QuantityKind, string> = {
  duration: "a duration like '30 s', '15 minute', '4 h', '2 d', '1 week' or '1 year'",
  size: "a size like '500 GB' or '2 TiB'",
  throughput: "a throughput like '500 MB/s' or '2 TB/h'",
};

const NUMBER_AND_UNIT = /^\s*([+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?)\s*([A-Za-z]+(?:\/[A-Za-z]+)?)?\s*$/;

/** What kind of quantity a unit token denotes, if any. */
function kindOfUnit(unit: string): QuantityKind | undefined {
  if (TIME.has(unit)) return 'duration';
  if (SIZE.has(unit)) return 'size';
  const [size, per] = unit.split('/');
  if (size !== undefined && per !== undefined && SIZE.has(size) && RATE_TIME.has(per)) return 'throughput';
  return undefined;
}

/**
 * Parses `text` as a quantity of `kind` into base units.
 * @example parseQuantity('4 h', 'duration') // { ok: true, value: 14400 }
 * @example parseQuantity('5 GB', 'duration') // { ok: false, message: "expected a duration … got '5 GB', a size" }
 */
export function parseQuantity(input: unknown, kind: QuantityKind): Parsed {
  if (typeof input !== 'string') return parseUncached(input, kind);
  // mathjs's unit parser dominates the normalisation of a model; a sweep normalises the same
  // texts thousands of times, so results (pure, immutable) are remembered, up to a bound.
  const key = `${kind}|${input}`;
  const known = MEMO.get(key);
  if (known !== undefined) return known;
  const parsed = parseUncached(input, kind);
  if (MEMO.size >= MEMO_LIMIT) MEMO.clear();
  MEMO.set(key, parsed);
  return parsed;
}

const MEMO = new Map<string, Parsed>();
const MEMO_LIMIT = 10_000;

function parseUncached(input: unknown, kind: QuantityKind): Parsed {
  const expected = `expected ${EXAMPLE[kind]}`;
  if (typeof input === 'number') {
    return { ok: false, message: `${expected}; a bare number has no unit (write e.g. '${input} ${unitHint(kind)}')` };
  }
  if (typeof input !== 'string') return { ok: false, message: `${expected}, got ${describe(input)}` };
  const match = NUMBER_AND_UNIT.exec(input);
  if (!match) return { ok: false, message: `${expected}, got '${input}'` };
  const [, numberText = '', unit] = match;
  if (unit === undefined) {
    return { ok: false, message: `${expected}; '${input}' has no unit (write e.g. '${numberText} ${unitHint(kind)}')` };
  }
  const actual = kindOfUnit(unit);
  if (actual === undefined) return { ok: false, message: `${expected}; unknown unit '${unit}' in '${input}'` };
  if (actual !== kind) return { ok: false, message: `${expected}, got '${input}', a ${actual}` };
  const value = toBaseUnits(Number(numberText), unit);
  if (value === undefined || !Number.isFinite(value))
    return { ok: false, message: `${expected}; '${input}' is too large` };
  return { ok: true, value };
}

function unitHint(kind: QuantityKind): string {
  return kind === 'duration' ? 'h' : kind === 'size' ? 'GB' : 'MB/s';
}

/** A short description of a YAML value for messages: "a number (5)", "a list", … */
export function describe(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `'${value}'`;
  if (typeof value === 'number') return `the number ${value}`;
  return `${typeof value} ${String(value)}`;
}
