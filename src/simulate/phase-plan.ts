/**
 * The phases whose size is known before a run starts: snapshot trials, timeline trials and the
 * durability busy periods, each with a fixed total when no relative-error stop is asked for.
 * The run itself and a shard of it (`--shard I/N`) read their totals from here, so a shard
 * computes exactly the chunks the single-machine run would ask for. Importance-sampling phases
 * are not here: whether they run, and for how long, depends on the results before them.
 */
import type { Phase, RunSetup } from './chunks.js';
import type { SimulateOptions } from './types.js';

export const DEFAULT_TRIALS = 10_000_000;
export const DEFAULT_TIMELINE_TRIALS = 100_000;
export const DEFAULT_DATA_LOSS_TRIALS = 1 << 16;
/** Upper limits of the phases that run until a relative error is reached. */
export const REL_MAX_SNAPSHOT = 1e12;
export const REL_MAX_TIMELINE = 1e9;

/** Snapshot trials: `trials` (default 10⁷), or the relative-error ceiling. */
export function snapshotTotal(options: SimulateOptions): number {
  return options.relError === undefined ? (options.trials ?? DEFAULT_TRIALS) : REL_MAX_SNAPSHOT;
}

/** Timeline trials: `trials` in timeline mode, `timelineTrials` in both (default 10⁵), or the ceiling. */
export function timelineTotal(options: SimulateOptions): number {
  if (options.relError !== undefined) return REL_MAX_TIMELINE;
  return options.mode === 'timeline' ? (options.trials ?? DEFAULT_TIMELINE_TRIALS) : (options.timelineTrials ?? DEFAULT_TIMELINE_TRIALS);
}

/** Busy periods of the durability phase (default 2¹⁶). */
export function durabilityTotal(options: SimulateOptions): number {
  return options.dataLossTrials ?? DEFAULT_DATA_LOSS_TRIALS;
}

/** Whether the run has a timeline phase: asked for, and every component has time behaviour. */
export function hasTimeline(setup: RunSetup, options: SimulateOptions): boolean {
  const mode = options.mode ?? 'both';
  return (mode === 'timeline' || mode === 'both') && setup.model.staticComponents.length === 0;
}

/** Whether the run has a durability phase: a storage group with its analytic figures. */
export function hasDurability(setup: RunSetup): boolean {
  return setup.dataLoss?.durability !== undefined && setup.dataLoss.durabilityAnalytic !== undefined;
}

/**
 * The fixed-size phases of a run, in the order it runs them.
 * @example fixedPhases(setup, { trials: 1e6 }).map((p) => p.kind) // ['snapshot', 'timeline']
 */
export function fixedPhases(setup: RunSetup, options: SimulateOptions): Phase[] {
  const mode = options.mode ?? 'both';
  const phases: Phase[] = [];
  if (mode === 'snapshot' || mode === 'both') phases.push({ kind: 'snapshot', total: snapshotTotal(options) });
  if (hasTimeline(setup, options)) phases.push({ kind: 'timeline', total: timelineTotal(options) });
  if (hasDurability(setup)) phases.push({ kind: 'durability', total: durabilityTotal(options) });
  return phases;
}
