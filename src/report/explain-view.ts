/**
 * An explanation of one figure: a tree of steps, each with its formula, value (in base units)
 * and display, the inputs it reads and where each came from.
 */

/** Where an input came from: a place in the model file, a `--set`, a default, or a derivation. */
export type Source =
  | { readonly kind: 'file'; readonly file: string; readonly line: number; readonly col: number }
  | { readonly kind: 'override'; readonly set: string }
  | { readonly kind: 'default'; readonly rule: string }
  | { readonly kind: 'drill'; readonly fail: readonly string[] };

/** `amount`: money, currency-neutral (cost figures). */
export type Unit =
  | 'fraction'
  | 'seconds'
  | 'bytes'
  | 'bytesPerSecond'
  | 'count'
  | 'perYear'
  | 'nines'
  | 'amount'
  | 'text';

/** One input of a step: a model field, as written and in base units. */
export type ExplainInput = {
  readonly name: string;
  /** The model path, e.g. `tiers[0].failure.afr`. */
  readonly path: string;
  /** As written in the file (or the --set), null for a default. */
  readonly written: string | number | null;
  readonly value: number | string;
  readonly unit: Unit;
  readonly source: Source;
};

export type ExplainStep = {
  readonly label: string;
  /** The formula in symbols with the numbers put in. */
  readonly formula: string;
  readonly value: number | string | null;
  readonly unit: Unit;
  readonly display: string;
  readonly inputs: readonly ExplainInput[];
  readonly steps: readonly ExplainStep[];
};

/** The explanation of one figure of `nines analyze --json`. */
export type Explanation = ExplainStep & {
  /** The figure id asked for, e.g. `service.availability`, `rpo[region]`. */
  readonly figure: string;
  /** Where the same number is in `nines analyze --json` (a jq path). */
  readonly jsonPath: string;
  readonly conventions: readonly string[];
};
