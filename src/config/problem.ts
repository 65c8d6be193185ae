import type { ProblemCode } from './problem-codes.js';

export type { ProblemCode } from './problem-codes.js';

/** A problem found in a model file: where it is, what is wrong, and what is expected. */
export type Problem = {
  /** Stable machine code, one of {@link ProblemCode} (its meaning and fix: `PROBLEM_CODES`). */
  readonly code: ProblemCode;
  readonly severity: 'error' | 'warning';
  /** Where in the document, e.g. `tiers[0].failure.mttr` (`` for the whole document). */
  readonly path: string;
  /** 1-based line and column in the file. */
  readonly line: number;
  readonly col: number;
  readonly message: string;
};

/** A document path as keys and list indices. */
export type Path = readonly (string | number)[];

/** `['tiers', 0, 'failure']` → `tiers[0].failure`. */
export function formatPath(path: Path): string {
  let text = '';
  for (const part of path) {
    if (typeof part === 'number') text += `[${part}]`;
    else if (/^[A-Za-z_][A-Za-z0-9_-]*$/.test(part)) text += text === '' ? part : `.${part}`;
    else text += `[${JSON.stringify(part)}]`;
  }
  return text;
}

/** The outcome of reading a model: the value, or every problem found. */
export type Validation<T> =
  | { readonly ok: true; readonly value: T; readonly warnings: readonly Problem[] }
  | { readonly ok: false; readonly problems: readonly Problem[] };

/** Problems sorted by position, errors before warnings on the same spot, duplicates removed. */
export function sortProblems(problems: readonly Problem[]): Problem[] {
  const seen = new Set<string>();
  const unique = problems.filter((p) => {
    const key = `${p.line}:${p.col}:${p.path}:${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return unique.sort(
    (a, b) => a.line - b.line || a.col - b.col || (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1),
  );
}
