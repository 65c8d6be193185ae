/**
 * Combining the model file's targets with `--target` flags: a flag replaces every file target
 * of the same metric, scenario and tier (the command line wins, as with linters' CLI rules).
 */
import type { Target } from '../model/types.js';
import type { GateTarget } from './types.js';

const key = (t: Target): string => `${t.metric}|${t.scenario ?? ''}|${t.tier ?? ''}`;

/**
 * File targets (in file order) without those a flag overrides, then the flags (in order).
 * @example mergeTargets(fileTargets, flagTargets).length
 */
export function mergeTargets(file: readonly GateTarget[], flags: readonly GateTarget[]): GateTarget[] {
  const overridden = new Set(flags.map((f) => key(f.target)));
  return [...file.filter((f) => !overridden.has(key(f.target))), ...flags];
}

/** The model's targets with their file positions as sources. */
export function fileTargets(targets: readonly Target[], file: string): GateTarget[] {
  return targets.map((target) => ({
    target,
    source: { file, line: target.position?.line ?? 1, col: target.position?.col ?? 1 },
  }));
}
