/**
 * The merge use case (`nines merge`): the parts of a sharded simulation, read back → the report
 * one machine would print (its view and JSON document are `nines simulate`'s), with the work of
 * the adaptive phases that ran here. Parts that do not belong together, or whose model no longer
 * validates, are a coded error (`bad-parts`). No I/O.
 */
import { loadModel } from '../config/load.js';
import { ninesError } from '../errors.js';
import { checkParts, mergeParts, type MergeWork, type SimulationPart } from '../simulate/run/merge-parts.js';
import type { ShardableOptions } from '../simulate/run/shard.js';
import { analyticFigures, simulationOutcome, type SimulateOutcome } from './simulate.js';
import { setOverrides } from './what-if.js';

/** A part as `nines merge` reads it: the shard's chunks, the model's bytes, and the run's options and `--set`. */
export type MergePart = SimulationPart & {
  readonly source: Uint8Array;
  readonly file: string;
  readonly run: { readonly options: ShardableOptions; readonly set: readonly string[] };
};

/** The merged report and the importance-sampling work that ran in the merge (0 chunks: none). */
export type MergeRunOutcome = SimulateOutcome & { readonly local: MergeWork };

/**
 * Merges the parts of one run, in any order.
 * @example runMerge([part1, part2]).document // the document of `nines simulate` with the same options
 */
export function runMerge(parts: readonly MergePart[]): MergeRunOutcome {
  const check = checkParts(parts);
  if (!check.ok) throw ninesError('bad-parts', check.problems);
  const first = parts[0] as MergePart;
  const loaded = loadModel(first.source, setOverrides(first.run.set).edit);
  if (!loaded.ok)
    throw ninesError('bad-parts', [
      `${first.label}: its model no longer validates with this nines (${loaded.problems[0]?.message ?? 'invalid'})`,
    ]);
  const model = loaded.value;
  const merged = mergeParts(model, first.run.options, analyticFigures(model), parts);
  if (!merged.ok) throw ninesError('bad-parts', merged.problems);
  return { ...simulationOutcome({ model, fileLabel: first.file }, merged.result, first.run.set), local: merged.local };
}
