/**
 * The phases whose size is known before a run starts: snapshot trials, timeline trials and the
 * durability busy periods, each with a fixed total when no relative-error stop is asked for.
 * The run itself and a shard of it (`--shard I/N`) read their totals from here, so a shard
 * computes exactly the chunks the single-machine run would ask for. Importance-sampling phases
 * are not here: whether they run, and for how long, depends on the results before them.
 */
import type { Model } from '../../model/types.js';
import type { Phase, RunSetup } from './chunks.js';
import type { SimulateOptions } from '../types.js';
import { formatDuration } from '../../units/format.js';
import { boundTrials, componentName, DEFAULT_MAX_WORK, timelineEventsPerTrial } from '../compile/work-budget.js';

export const DEFAULT_TRIALS = 10_000_000;
export const DEFAULT_TIMELINE_TRIALS = 100_000;
export const DEFAULT_DATA_LOSS_TRIALS = 1 << 16;
/** Upper limits of the phases that run until a relative error is reached. */
export const REL_MAX_SNAPSHOT = 1e12;
export const REL_MAX_TIMELINE = 1e9;

/**
 * Snapshot trials: `trials` (default 10⁷) within the work budget (work-budget.ts: a default is
 * lowered with a note in `notes`, an explicit count over it refused), or the relative-error ceiling.
 */
export function snapshotTotal(options: SimulateOptions, setup: RunSetup, notes: string[] = []): number {
  if (options.relError !== undefined) return REL_MAX_SNAPSHOT;
  const phase = { what: 'snapshot trials', flag: '--trials', unit: 'draws' };
  return boundTrials(
    phase,
    options.trials ?? DEFAULT_TRIALS,
    options.trials !== undefined,
    setup.model.componentCount,
    options.maxWork ?? DEFAULT_MAX_WORK,
    notes,
  );
}

/**
 * Timeline trials: `trials` in timeline mode, `timelineTrials` in both (default 10⁵), within the
 * work budget of their expected events, or the ceiling (one trial must still fit the budget).
 * `model` only names the busiest component in a refusal.
 */
export function timelineTotal(options: SimulateOptions, setup: RunSetup, notes: string[] = [], model?: Model): number {
  const m = setup.model;
  const timelineOnly = options.mode === 'timeline';
  const asked = timelineOnly ? options.trials : options.timelineTrials;
  const perTrial = timelineEventsPerTrial(m, setup.horizonSeconds);
  const busiest = perTrial.busiest;
  const phase = {
    what: 'timeline trials',
    flag: timelineOnly ? '--trials' : '--timeline-trials',
    unit: `work units (an event is ${Number(perTrial.workPerEvent.toPrecision(3))})`,
    hint:
      busiest < 0 || model === undefined
        ? ''
        : ` (${componentName(model, m, busiest)} fails and is repaired every ${formatDuration((m.meanUp[busiest] ?? 0) + (m.meanDown[busiest] ?? 0))} on average)`,
  };
  const maxWork = options.maxWork ?? DEFAULT_MAX_WORK;
  const work = perTrial.events * perTrial.workPerEvent;
  if (options.relError !== undefined) {
    boundTrials(phase, 1, true, work, maxWork, notes);
    return REL_MAX_TIMELINE;
  }
  return boundTrials(phase, asked ?? DEFAULT_TIMELINE_TRIALS, asked !== undefined, work, maxWork, notes);
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
  if (mode === 'snapshot' || mode === 'both') phases.push({ kind: 'snapshot', total: snapshotTotal(options, setup) });
  if (hasTimeline(setup, options)) phases.push({ kind: 'timeline', total: timelineTotal(options, setup) });
  if (hasDurability(setup)) phases.push({ kind: 'durability', total: durabilityTotal(options) });
  return phases;
}
