/**
 * The explanation of one numeric leaf of `nines analyze --json` by its jq path: a rule matches
 * the path and gives the derivation; the value is the leaf itself (never a recomputation).
 */
import type { Analysis } from '../../analytic/analyze-model.js';
import type { Model } from '../../model/types.js';
import type { ExplainInput, ExplainStep, Unit } from '../../report/explain-view.js';
import { formatAmount, formatBytes, formatCount, formatDuration, formatProbability } from '../../report/format.js';
import type { ExplainContext } from './sources.js';

/** What a rule reads: the context, the model, the analysis and the leaf's value. */
export type LeafEnv = {
  readonly ctx: ExplainContext;
  readonly model: Model;
  readonly analysis: Analysis;
  readonly value: number | null;
};

/** A derivation without its value: label, formula, unit, inputs and steps. */
export type Body = {
  readonly label: string;
  readonly formula: string;
  readonly unit: Unit;
  readonly inputs?: readonly ExplainInput[];
  readonly steps?: readonly ExplainStep[];
  readonly conventions?: readonly string[];
};

/** A path pattern and what explains the paths it matches (undefined: no such item). */
export type Rule = {
  readonly pattern: RegExp;
  readonly explain: (env: LeafEnv, m: RegExpExecArray) => Body | undefined;
};

/** A value for people in its unit. */
export function displayOf(unit: Unit, value: number | string | null): string {
  if (value === null) return 'none';
  if (typeof value === 'string') return value;
  switch (unit) {
    case 'fraction':
      return formatProbability(value);
    case 'seconds':
      return formatDuration(value);
    case 'bytes':
      return formatBytes(value);
    case 'bytesPerSecond':
      return `${formatBytes(value)}/s`;
    case 'count':
      return formatCount(value);
    case 'perYear':
      return `${formatCount(value)} a year`;
    case 'nines':
      return `${value.toFixed(4)} nines`;
    case 'amount':
      return formatAmount(value);
    case 'text':
      return String(value);
    default: {
      const never: never = unit;
      throw new Error(`unknown unit ${String(never)}`);
    }
  }
}

/** The index in a match group (`[3]` → 3). */
export const at = (m: RegExpExecArray, group: number): number => Number(m[group] ?? -1);

/** Formulas and units of the fields of one item, by field name. */
export type Formulas = Record<string, [string, Unit]>;

/** The body for `field` from its formula, or undefined when the field has none. */
export function pick(
  f: Formulas,
  field: string,
  label: string,
  rest: Omit<Body, 'label' | 'formula' | 'unit'> = {},
): Body | undefined {
  const x = f[field];
  return x && { label, formula: x[0], unit: x[1], ...rest };
}
