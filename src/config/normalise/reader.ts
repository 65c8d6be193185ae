/**
 * Reads typed values out of the raw document, parsing units once and recording a located
 * problem for each value that does not parse. Defensive: the schema may already have
 * reported a wrong shape, so a missing or odd value just yields `undefined`.
 */
import { parseFraction, parseGrowth, parseRate } from '../../units/fraction.js';
import { parseGrowthRate } from '../../units/growth-rate.js';
import { parseQuantity, type QuantityKind } from '../../units/quantity.js';
import type { Growth } from '../../model/types.js';
import type { Locator } from '../parse.js';
import { Origins } from './origins.js';
import { formatPath, type Path, type Problem, type ProblemCode } from '../problem.js';

export type Raw = Record<string, unknown>;

export type Bound = 'positive' | 'non-negative' | 'any';

/**
 * Magnitudes a quantity may have, so that every rate (1/x), product and square the engines
 * form stays a finite double: a denormal MTBF of 1e-320 s would make the failure rate ∞.
 */
const RANGE: Record<QuantityKind, { readonly min: number; readonly max: number; readonly text: string }> = {
  duration: { min: 1e-6, max: 1e9 * 365 * 86_400, text: 'between 1 µs and 10⁹ years' },
  size: { min: 1, max: 1e24, text: 'between 1 B and 10²⁴ B (1,000,000 EB)' },
  throughput: { min: 1e-3, max: 1e24, text: 'between 0.001 B/s and 10²⁴ B/s' },
};

export class Reader {
  readonly problems: Problem[] = [];
  /** Where each normalised entity was written, for the rules that run on the normalised model. */
  readonly origins = new Origins();
  constructor(readonly locate: Locator) {}

  /** Records a problem at `path` (its key with `at: 'key'`). */
  report(
    code: ProblemCode,
    path: Path,
    message: string,
    at: 'key' | 'value' = 'value',
    severity: 'error' | 'warning' = 'error',
  ): void {
    const { line, col } = this.locate(path, at);
    this.problems.push({ code, severity, path: formatPath(path), line, col, message });
  }

  quantity(value: unknown, path: Path, kind: QuantityKind, bound: Bound = 'positive'): number | undefined {
    if (value === undefined) return undefined;
    const parsed = parseQuantity(value, kind);
    if (!parsed.ok) {
      this.report('invalid-unit', path, parsed.message);
      return undefined;
    }
    return this.bounded(parsed.value, path, bound, kind);
  }

  duration(value: unknown, path: Path, bound: Bound = 'positive'): number | undefined {
    return this.quantity(value, path, 'duration', bound);
  }

  size(value: unknown, path: Path, bound: Bound = 'non-negative'): number | undefined {
    return this.quantity(value, path, 'size', bound);
  }

  throughput(value: unknown, path: Path): number | undefined {
    return this.quantity(value, path, 'throughput', 'positive');
  }

  /** A fraction in [0, 1] (number or percentage); with `nines`, also "N nines". */
  fraction(value: unknown, path: Path, nines = false): { value: number; complement: number } | undefined {
    if (value === undefined) return undefined;
    const parsed = parseFraction(value, nines);
    if (!parsed.ok) {
      this.report('invalid-unit', path, parsed.message);
      return undefined;
    }
    return { value: parsed.value, complement: parsed.complement };
  }

  /** A growth rate ≥ 0 (percentages may pass 100%). */
  growth(value: unknown, path: Path): number | undefined {
    return this.parsed(value, path, parseGrowth);
  }

  /** A value read by a unit parser of its own (growth, prices); its message reported at `path`. */
  parsed(
    value: unknown,
    path: Path,
    parse: (input: unknown) => { ok: true; value: number } | { ok: false; message: string },
  ): number | undefined {
    if (value === undefined) return undefined;
    const result = parse(value);
    if (!result.ok) {
      this.report('invalid-unit', path, result.message);
      return undefined;
    }
    return result.value;
  }

  /** A compound growth rate per year or per month ("40%/year", "3%/month", 0.4). */
  growthRate(value: unknown, path: Path): Growth | undefined {
    if (value === undefined) return undefined;
    const parsed = parseGrowthRate(value);
    if (!parsed.ok) {
      this.report('invalid-unit', path, parsed.message);
      return undefined;
    }
    return { rate: parsed.rate, periodSeconds: parsed.periodSeconds };
  }

  /** An annual failure rate ≥ 0 (percentages may pass 100%). */
  rate(value: unknown, path: Path): number | undefined {
    if (value === undefined) return undefined;
    const parsed = parseRate(value);
    if (!parsed.ok) {
      this.report('invalid-unit', path, parsed.message);
      return undefined;
    }
    return parsed.value;
  }

  private bounded(value: number, path: Path, bound: Bound, kind: QuantityKind): number | undefined {
    if (bound === 'positive' && !(value > 0)) {
      this.report('out-of-range', path, `a ${kind} here must be greater than zero`);
      return undefined;
    }
    if (bound === 'non-negative' && value < 0) {
      this.report('out-of-range', path, `a ${kind} cannot be negative`);
      return undefined;
    }
    const range = RANGE[kind];
    if ((value !== 0 && Math.abs(value) < range.min) || Math.abs(value) > range.max) {
      this.report('out-of-range', path, `a ${kind} must be ${bound === 'positive' ? '' : 'zero or '}${range.text}`);
      return undefined;
    }
    return value;
  }
}

export function isRaw(value: unknown): value is Raw {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

export function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

export function int(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) ? value : undefined;
}
