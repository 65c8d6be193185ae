/** What the candidate families of `nines recommend` share: the change type, the inputs, helpers. */
import type { Analysis } from '../../analytic/analyze-model.js';
import type { GateRecord } from '../../gate/index.js';
import type { Model, TargetMetric } from '../../model/types.js';
import { formatDuration } from '../../report/format.js';

/** One change: the `--set`s that make it (usually one) and the change in words. */
export type Candidate = { readonly sets: readonly string[]; readonly change: string };

export const AVAILABILITY: readonly TargetMetric[] = ['availability', 'downtimePerYear', 'outagesPerYear'];

/** A duration as the model grammar reads it: "2 h", "52.6 min", "30 s". */
export function durationText(seconds: number): string {
  return formatDuration(seconds).replace(/ min$/, ' minute').replace(/ y$/, ' year');
}

export type Raw = Record<string, unknown>;
export const isRaw = (x: unknown): x is Raw => typeof x === 'object' && x !== null && !Array.isArray(x);
export const list = (x: unknown): Raw[] => (Array.isArray(x) ? x.filter(isRaw) : []);

/** What every candidate family reads, and `add` to collect (once per set of `--set`s). */
export type Env = {
  readonly model: Model;
  readonly raw: Raw;
  readonly analysis: Analysis;
  readonly missed: readonly GateRecord[];
  readonly want: (...m: TargetMetric[]) => boolean;
  readonly add: (set: string | readonly string[], change: string) => void;
};
