/**
 * The validate use case (`nines validate`): a model's problems (errors, or the warnings of a
 * valid model) and the JSON document. No I/O.
 */
import type { Problem } from '../config/problem.js';
import { envelope } from '../report/json/envelope.js';
import type { Loaded } from './source.js';

export type ValidateOutcome = {
  readonly valid: boolean;
  /** The errors of an invalid model, or the warnings of a valid one. */
  readonly problems: readonly Problem[];
  readonly document: Record<string, unknown>;
};

export function runValidate(loaded: Loaded): ValidateOutcome {
  const problems = loaded.ok ? loaded.warnings : loaded.problems;
  const document = {
    ...envelope('validate'),
    file: loaded.fileLabel,
    valid: loaded.ok,
    ...(loaded.ok ? { model: { name: loaded.model.name } } : {}),
    problems,
  };
  return { valid: loaded.ok, problems, document };
}
