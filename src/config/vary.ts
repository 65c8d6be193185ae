/**
 * `--vary PATH=RANGE` (sweep, design): one axis of a sweep, its path read like `--set` and its
 * range expanded into the values to set, each as the text a model file would hold.
 *
 *   1..7        integers 1 to 7            1..7:2       1, 3, 5, 7 (a step)
 *   3,5,7       a list (YAML scalars)      [{…}, {…}]   a YAML flow list of any values
 *   1 h..8 h:1 h  durations (sizes, throughputs likewise; the step defaults to 1 of A's unit)
 *   99%..99.9%:0.1%  percentages           3 nines..5 nines:0.5   nines
 *   with log: A..B[:N] takes N points per decade (default 1) from A to B, both included;
 *   percentages from 50% up and nines are spaced on 1 − x, so 99%..99.99% is 99%, 99.9%, 99.99%.
 * A linear range holds A, A + S, … up to B (B included when the steps land on it).
 */
import { parse } from 'yaml';
import { parseQuantity, type QuantityKind } from '../units/quantity.js';
import { nines } from '../units/nines.js';
import { parseOverride } from './overrides.js';

export type Axis = {
  /** The flag's text, `PATH=RANGE`. */
  readonly text: string;
  readonly path: string;
  readonly segments: readonly string[];
  readonly range: string;
  /** A list names each value; a range generates values of one kind between two ends. */
  readonly kind: 'list' | 'range';
  /** The values to set, as YAML values (numbers, strings such as '2 h' or '99.9%'). */
  readonly values: readonly unknown[];
  /** Each value as written back into `--set PATH=LABEL`. */
  readonly labels: readonly string[];
};

export type VaryResult = { readonly ok: true; readonly axis: Axis } | { readonly ok: false; readonly message: string };

/** Most values one axis may hold. */
export const MAX_AXIS_POINTS = 100_000;

const NUMBER = /^\s*([+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?)\s*$/;
const PERCENT = /^\s*([+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?)\s*%\s*$/;
const NINES = /^\s*((?:\d+(?:\.\d*)?|\.\d+))\s*nines?\s*$/;
const QUANTITY = /^\s*([+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?)\s*([A-Za-z]+(?:\/[A-Za-z]+)?)\s*$/;

/** One end or step of a range: its kind and value (a quantity in base units). */
type Term =
  | { readonly kind: 'number'; readonly value: number; readonly integer: boolean }
  | { readonly kind: 'percent'; readonly value: number }
  | { readonly kind: 'nines'; readonly value: number }
  | { readonly kind: QuantityKind; readonly value: number; readonly unit: string; readonly unitSize: number };

/**
 * Parses one `--vary` flag.
 * @example parseVary('tiers.db.nodes=1..7:2') // { ok: true, axis: { values: [1, 3, 5, 7], … } }
 */
export function parseVary(text: string, options: { log?: boolean } = {}): VaryResult {
  const eq = text.indexOf('=');
  if (eq < 0) return fail(`expected PATH=RANGE, e.g. 'tiers.db.nodes=3..7', got '${text}'`);
  const range = text.slice(eq + 1).trim();
  const path = parseOverride(`${text.slice(0, eq)}=0`);
  if (!path.ok) return fail(path.message);
  if (range === '') return fail("no range after '='; write e.g. '1..7', '1..7:2', '3,5,7' or '1 h..8 h:1 h'");
  const values = expand(range, options.log === true);
  if (!values.ok) return fail(values.message);
  if (values.values.length === 0) return fail(`the range '${range}' holds no value`);
  if (values.values.length > MAX_AXIS_POINTS)
    return fail(
      `the range '${range}' holds ${values.values.length.toLocaleString('en-US')} values, more than ${MAX_AXIS_POINTS.toLocaleString('en-US')}; use a larger step`,
    );
  const labels = values.values.map(label);
  const kind = range.startsWith('[') || !range.includes('..') ? 'list' : 'range';
  return {
    ok: true,
    axis: {
      text,
      path: text.slice(0, eq).trim(),
      segments: path.value.segments,
      range,
      kind,
      values: values.values,
      labels,
    },
  };
}

type Expanded = { readonly ok: true; readonly values: unknown[] } | { readonly ok: false; readonly message: string };

function expand(range: string, log: boolean): Expanded {
  const dots = range.indexOf('..');
  if (range.startsWith('[') || dots < 0) return list(range);
  const [lower = '', rest = ''] = [range.slice(0, dots), range.slice(dots + 2)];
  const colon = rest.lastIndexOf(':');
  const upper = colon < 0 ? rest : rest.slice(0, colon);
  const stepText = colon < 0 ? undefined : rest.slice(colon + 1);
  const a = term(lower);
  const b = term(upper);
  if (a === undefined)
    return failed(`cannot read '${lower.trim()}' in '${range}' as a number, percentage, nines or quantity`);
  if (b === undefined)
    return failed(`cannot read '${upper.trim()}' in '${range}' as a number, percentage, nines or quantity`);
  if (a.kind !== b.kind)
    return failed(`the ends of '${range}' differ in kind: ${describeKind(a)} and ${describeKind(b)}`);
  if (b.value < a.value) return failed(`the range '${range}' runs downwards; write '${upper.trim()}..${lower.trim()}'`);
  if (log) return logRange(range, a, b, stepText);
  let step: Term | undefined;
  if (stepText !== undefined) {
    step = term(stepText);
    // A number after a quantity or a percentage is in that unit: 1 h..8 h:2 means 2 h.
    if (step?.kind === 'number' && a.kind !== 'number')
      step = {
        ...a,
        value: a.kind === 'percent' ? step.value / 100 : 'unitSize' in a ? step.value * a.unitSize : step.value,
      };
    if (step === undefined) return failed(`cannot read the step '${stepText.trim()}' in '${range}'`);
    if (step.kind !== a.kind)
      return failed(`the step of '${range}' is ${describeKind(step)}, its ends ${describeKind(a)}`);
  } else if (a.kind === 'percent') {
    return failed(
      `give a step for a range of percentages, e.g. '${lower.trim()}..${upper.trim()}:0.01%', or use --log`,
    );
  } else {
    step = a.kind === 'number' || a.kind === 'nines' ? { ...a, value: 1 } : { ...a, value: a.unitSize };
  }
  if (!(step.value > 0)) return failed(`the step of '${range}' must be greater than zero`);
  const count = Math.floor((b.value - a.value) / step.value + 1e-9) + 1;
  if (count > MAX_AXIS_POINTS)
    return failed(
      `the range '${range}' holds ${count.toLocaleString('en-US')} values, more than ${MAX_AXIS_POINTS.toLocaleString('en-US')}; use a larger step`,
    );
  return { ok: true, values: Array.from({ length: count }, (_, i) => render(a, round(a.value + i * step.value))) };
}

/** N points per decade from a to b, both included; percentages spaced on their complement. */
function logRange(range: string, a: Term, b: Term, stepText: string | undefined): Expanded {
  const perDecade = stepText === undefined ? 1 : Number(stepText);
  if (!Number.isInteger(perDecade) || perDecade < 1)
    return failed(
      `with --log the number after ':' is points per decade, a whole number ≥ 1; got '${stepText ?? ''}' in '${range}'`,
    );
  // Availabilities (percentages from 50% up, nines) are spaced on their complement; a small
  // fraction such as an AFR (1%..20%) on itself.
  const complement = a.kind === 'nines' || (a.kind === 'percent' && a.value >= 0.5);
  const lo = a.kind === 'nines' ? 10 ** -a.value : complement ? 1 - a.value : a.value;
  const hi = b.kind === 'nines' ? 10 ** -b.value : complement ? 1 - b.value : b.value;
  if (!(lo > 0) || !(hi > 0))
    return failed(`a --log range needs ends greater than zero${complement ? ' and below 100%' : ''}: '${range}'`);
  const decades = Math.abs(Math.log10(hi / lo));
  const count = Math.max(2, Math.round(decades * perDecade) + 1);
  if (count > MAX_AXIS_POINTS) return failed(`the range '${range}' holds too many values`);
  // Log-spaced values keep 4 significant digits (of 1 − x for availabilities): 2.154%, 99.9%.
  const values = Array.from({ length: count }, (_, i) => {
    const x = Number((lo * (hi / lo) ** (i / (count - 1))).toPrecision(4));
    if (a.kind === 'nines') return render(a, round(nines(x)));
    return render(a, round(complement ? 1 - x : x));
  });
  const integral = a.kind === 'number' && a.integer && b.kind === 'number' && b.integer;
  return {
    ok: true,
    values: integral ? [...new Set(values.map((v) => Math.round(v as number)))] : [...new Set(values)],
  };
}

/** `3,5,7` or a YAML flow list: each item read as YAML (numbers, names, '2 h', mappings). */
function list(range: string): Expanded {
  try {
    const parsed: unknown = parse(range.startsWith('[') ? range : `[${range}]`, {
      strict: true,
      uniqueKeys: true,
      maxAliasCount: 0,
    });
    if (!Array.isArray(parsed)) return failed(`cannot read '${range}' as a list`);
    return { ok: true, values: parsed };
  } catch (error) {
    return failed(
      `cannot read '${range}' as a list of values: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`,
    );
  }
}

function term(text: string): Term | undefined {
  const number = NUMBER.exec(text);
  if (number) {
    const value = Number(number[1]);
    return { kind: 'number', value, integer: Number.isInteger(value) };
  }
  const percent = PERCENT.exec(text);
  if (percent) return { kind: 'percent', value: Number(percent[1]) / 100 };
  const nines = NINES.exec(text);
  if (nines) return { kind: 'nines', value: Number(nines[1]) };
  const quantity = QUANTITY.exec(text);
  if (!quantity) return undefined;
  const [, amount = '', unit = ''] = quantity;
  for (const kind of ['duration', 'size', 'throughput'] as const) {
    const one = parseQuantity(`1 ${unit}`, kind);
    if (one.ok) return { kind, value: Number(amount) * one.value, unit, unitSize: one.value };
  }
  return undefined;
}

/** The value as a model file would hold it, in the lower end's unit. */
function render(a: Term, value: number): unknown {
  switch (a.kind) {
    case 'number':
      return value;
    case 'percent':
      return `${round(value * 100)}%`;
    case 'nines':
      return `${value} nines`;
    case 'duration':
    case 'size':
    case 'throughput':
      return `${round(value / a.unitSize)} ${a.unit}`;
    default: {
      const never: never = a;
      throw new Error(`unknown term ${JSON.stringify(never)}`);
    }
  }
}

/** Twelve significant digits: 0.1 + 0.2 → 0.3, so labels and values stay as written. */
function round(x: number): number {
  return Number(x.toPrecision(12));
}

/** A value as `--set` text: scalars as written, anything else as YAML flow. */
function label(value: unknown): string {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

function describeKind(t: Term): string {
  return t.kind === 'number'
    ? 'a number'
    : t.kind === 'percent'
      ? 'a percentage'
      : t.kind === 'nines'
        ? 'nines'
        : `a ${t.kind}`;
}

function fail(message: string): VaryResult {
  return { ok: false, message };
}

function failed(message: string): Expanded {
  return { ok: false, message };
}
