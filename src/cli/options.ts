import { InvalidArgumentError } from 'commander';

/** A commander parser for a positive number (`--years 10`, `--tolerance 0.01`). */
export function positiveNumber(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError(`expected a positive number, got '${value}'`);
  return n;
}

/** A commander parser for a whole number ≥ 1 (`--trials 1000000`, `--workers 2`). */
export function positiveInteger(value: string): number {
  const n = Number(value.replace(/_/g, ''));
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError(`expected a whole number ≥ 1, got '${value}'`);
  return n;
}

/** A commander parser for a seed: a whole number in [0, 2^53). */
export function seedNumber(value: string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < 0) throw new InvalidArgumentError(`expected a whole number ≥ 0, got '${value}'`);
  return n;
}
