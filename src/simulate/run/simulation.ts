/**
 * The whole simulation as one generator of chunk requests: snapshot trials and importance
 * sampling for the events naive sampling cannot see (snapshot-phase.ts), then timeline trials,
 * then the data-loss phases; it returns the result.
 */
import { ninesError } from '../../errors.js';
import type { Model } from '../../model/types.js';
import { SECONDS_PER_YEAR } from '../../units/conventions.js';
import { hasTimedEvents, type CompiledModel } from '../compile/compile.js';
import { meanEstimate, relativeHalfWidth } from '../estimate/estimators.js';
import { summariseFailovers, summariseTimeline, type TimelineAcc } from '../estimate/summarise.js';
import { GENERATOR } from '../random/rng.js';
import type { AnalyticFigures, SimulateOptions, SimulationResult, UnavailabilityEstimate } from '../types.js';
import {
  DURABILITY_CHUNK,
  IMPORTANCE_CHUNK,
  SNAPSHOT_CHUNK,
  TIMELINE_CHUNK,
  type ChunkResult,
  type RunSetup,
} from './chunks.js';
import { dataLossFor, simulateDataLoss } from './data-loss.js';
import { fixedProgress, foldTimeline, runPhase, type DriverContext, type Request } from './driver.js';
import { hasTimeline, timelineTotal } from './phase-plan.js';
import { snapshotHalf, type PhaseContext, type SnapshotFigures } from './snapshot-phase.js';

export const DEFAULT_SEED = 1;
export { DEFAULT_TRIALS, DEFAULT_TIMELINE_TRIALS } from './phase-plan.js';

/** The run's fixed settings, resolved from the options. */
export function runSetup(model: Model, compiled: CompiledModel, options: SimulateOptions): RunSetup {
  const years = options.years ?? model.horizonSeconds / SECONDS_PER_YEAR;
  const horizonSeconds = years * SECONDS_PER_YEAR;
  const dataLoss = dataLossFor(model, horizonSeconds, options);
  return {
    model: compiled,
    seed: options.seed ?? DEFAULT_SEED,
    horizonSeconds,
    start: options.start ?? 'steady',
    ...(dataLoss === undefined ? {} : { dataLoss }),
  };
}

/** The service's availability target and its exact complement, if the model has one (availability, ≥, no tier). */
function availabilityTarget(model: Model): { readonly target: number; readonly unavailability: number } | undefined {
  const t = model.targets.find((x) => x.metric === 'availability' && x.tier === undefined && x.operator === '>=');
  return t === undefined
    ? undefined
    : { target: t.threshold, unavailability: t.thresholdComplement ?? 1 - t.threshold };
}

/** Drives the simulation; yields chunk requests, returns the result. */
export function* simulation(
  model: Model,
  setup: RunSetup,
  options: SimulateOptions,
  analytic: AnalyticFigures | undefined,
  ctx: DriverContext,
): Generator<Request, SimulationResult, ChunkResult[]> {
  const m = setup.model;
  const mode = options.mode ?? 'both';
  // A snapshot has no time: a tier's declared interruptions are invisible to it.
  const interrupted = new Set(m.tierNames.filter((_, t) => (m.tierInterruption[t] ?? 0) > 0));
  const exact = (event: number): number | undefined => {
    if (event < 0) return analytic?.serviceUnavailability;
    const name = m.tierNames[event] ?? '';
    return interrupted.has(name) ? undefined : analytic?.tiers?.[name];
  };
  const p: PhaseContext = { setup, options, analytic, ctx, notes: [], stops: [], exact };
  const failover = hasTimedEvents(m);
  const snapshot = mode === 'snapshot' || mode === 'both' ? yield* snapshotHalf(p, failover) : undefined;
  const timeline = mode === 'timeline' || mode === 'both' ? yield* timelineHalf(p, model) : {};
  const dataLoss = yield* simulateDataLoss(setup, options, ctx);
  if (dataLoss !== undefined) p.notes.push(...dataLoss.notes);
  return resultOf(p, snapshot, timeline, failover, dataLoss?.result);
}

/** Timeline trials, when every component has time behaviour (else a note and nothing). */
function* timelineHalf(p: PhaseContext, model: Model): Generator<Request, Partial<SimulationResult>, ChunkResult[]> {
  const { setup, options } = p;
  const m = setup.model;
  const rel = options.relError;
  if (!hasTimeline(setup, options)) {
    p.notes.push(
      `no timeline: components without an mttr have no time behaviour (${m.staticComponents.slice(0, 3).join(', ')}${m.staticComponents.length > 3 ? ', …' : ''})`,
    );
    return {};
  }
  const phase = { kind: 'timeline', total: timelineTotal(options, setup, p.notes, model) } as const;
  const init: TimelineAcc = { chunks: [], trials: 0, sumU: 0, sumU2: 0 };
  const { acc, stoppedBy } = yield* runPhase(
    {
      phase,
      init,
      fold: foldTimeline(setup.horizonSeconds),
      ...(rel === undefined
        ? {}
        : {
            done: (a: TimelineAcc) =>
              a.sumU > 0 && relativeHalfWidth(a.sumU / a.trials, meanEstimate(a.sumU, a.sumU2, a.trials).ci) <= rel,
          }),
      progress: (_a, done) => (rel === undefined ? fixedProgress(phase, done) : 0),
    },
    p.ctx,
  );
  p.stops.push(stoppedBy);
  const years = setup.horizonSeconds / SECONDS_PER_YEAR;
  const tAnalytic = setup.start === 'steady' ? p.analytic?.serviceUnavailability : undefined;
  const fields = summariseTimeline(acc, setup.horizonSeconds, years, setup.start, availabilityTarget(model), tAnalytic);
  return m.failoverCount > 0
    ? { ...fields, failovers: summariseFailovers(acc.chunks, m.failoverCount, years) }
    : fields;
}

/** The result document from the two halves: the service figure from the timeline when failovers need time. */
function resultOf(
  p: PhaseContext,
  snapshot: SnapshotFigures | undefined,
  timelineFields: Partial<SimulationResult>,
  failover: boolean,
  dataLoss: SimulationResult['dataLoss'],
): SimulationResult {
  const { setup, notes } = p;
  const m = setup.model;
  const tl = timelineFields.timeline;
  if (snapshot === undefined && tl === undefined) {
    throw ninesError(
      'simulation-refused',
      'timeline trials',
      `this model has components without an mttr (${m.staticComponents.slice(0, 3).join(', ')}), which have no time behaviour; give them an mttr, or simulate snapshots (--mode snapshot or both)`,
    );
  }
  if (failover && tl === undefined) {
    notes.push(
      'a snapshot has no time: it sees each failover as the parallel of its primary and standby and no logical corruption; switchover windows and corruption downtime need the timeline (--mode timeline or both)',
    );
  }
  const svc: UnavailabilityEstimate =
    failover && tl !== undefined ? fromTimeline(tl) : (snapshot?.service ?? fromTimeline(tl));
  return {
    version: 1,
    generator: GENERATOR,
    seed: setup.seed,
    chunkSize: {
      snapshot: SNAPSHOT_CHUNK,
      importance: IMPORTANCE_CHUNK,
      timeline: TIMELINE_CHUNK,
      durability: DURABILITY_CHUNK,
    },
    trials: snapshot === undefined ? (tl?.trials ?? 0) : snapshot.trials,
    method: snapshot === undefined ? 'timeline' : tl === undefined ? 'snapshot' : 'snapshot+timeline',
    estimator: svc.estimator,
    effectiveSampleSize: svc.effectiveSampleSize ?? svc.trials,
    varianceReduction: svc.varianceReduction ?? 1,
    stoppedBy: p.stops.includes('maxTime') ? 'maxTime' : p.options.relError !== undefined ? 'relError' : 'trials',
    service: { unavailability: svc },
    tiers: snapshot === undefined ? [] : snapshot.tiers,
    ...timelineFields,
    ...(dataLoss === undefined ? {} : { dataLoss }),
    notes,
  };
}

/** The service figure of a timeline-only run: the time-average unavailability. */
function fromTimeline(tl: SimulationResult['timeline']): UnavailabilityEstimate {
  if (tl === undefined) throw new Error('simulate: no timeline result');
  const u = tl.unavailability;
  return {
    estimate: u.estimate,
    stdErr: u.stdErr,
    ci: u.ci,
    trials: u.trials,
    events: tl.outageWithinHorizon.events,
    estimator: 'naive',
    ...(u.upperBound === undefined ? {} : { upperBound: u.upperBound }),
    ...(u.analytic === undefined ? {} : { analytic: u.analytic }),
    ...(u.agrees === undefined ? {} : { agrees: u.agrees }),
  };
}
