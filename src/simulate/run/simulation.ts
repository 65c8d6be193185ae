/**
 * The whole simulation as one generator of chunk requests: snapshot trials, importance sampling
 * for the events naive sampling cannot see, then timeline trials; it returns the result.
 */
import { ninesError } from '../../errors.js';
import type { Model } from '../../model/types.js';
import { SECONDS_PER_YEAR } from '../../units/conventions.js';
import { dataLossFor, simulateDataLoss } from './data-loss.js';
import {
  DURABILITY_CHUNK,
  IMPORTANCE_CHUNK,
  SNAPSHOT_CHUNK,
  STREAM_TUNING,
  TIMELINE_CHUNK,
  type ChunkResult,
  type RunSetup,
} from './chunks.js';
import { hasTimedEvents, type CompiledModel } from '../compile/compile.js';
import {
  fixedProgress,
  foldSnapshot,
  foldTimeline,
  foldWeighted,
  runPhase,
  type DriverContext,
  type Request,
  type SnapshotAcc,
  type StopReason,
  type TimelineAcc,
} from './driver.js';
import { proportion, relativeHalfWidth, Z95 } from '../estimate/estimators.js';
import { tuneBiasing } from '../estimate/importance-tuning.js';
import { hasTimeline, snapshotTotal, timelineTotal } from './phase-plan.js';
import { GENERATOR } from '../random/rng.js';
import { StructureEvaluator } from '../compile/structure.js';
import { collapsed } from '../estimate/trust.js';
import { DEFAULT_MAX_WORK } from '../compile/work-budget.js';
import { meanEstimate } from '../estimate/estimators.js';
import {
  naiveEstimate,
  summariseFailovers,
  summariseTimeline,
  weightedEstimate,
  weightedRelError,
} from '../estimate/summarise.js';
import type { AnalyticFigures, SimulateOptions, SimulationResult, UnavailabilityEstimate } from '../types.js';

export const DEFAULT_SEED = 1;
export { DEFAULT_TRIALS, DEFAULT_TIMELINE_TRIALS } from './phase-plan.js';
/** Fewer naive events than this and `auto` switches the event to importance sampling. */
export const AUTO_IS_EVENTS = 100;
const IS_REL_ERROR = 0.02;
const IS_MAX_TRIALS = 1 << 24;

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
  const rel = options.relError;
  const notes: string[] = [];
  const stops: StopReason[] = [];
  const years = setup.horizonSeconds / SECONDS_PER_YEAR;
  // A snapshot has no time: a tier's declared interruptions are invisible to it.
  const interrupted = new Set(m.tierNames.filter((_, t) => (m.tierInterruption[t] ?? 0) > 0));
  const tierAnalytic = (name: string): number | undefined =>
    interrupted.has(name) ? undefined : analytic?.tiers?.[name];
  const failover = hasTimedEvents(m);
  const maxWork = options.maxWork ?? DEFAULT_MAX_WORK;

  let service: UnavailabilityEstimate | undefined;
  let tiers: { name: string; unavailability: UnavailabilityEstimate }[] = [];
  let snapshotTrials = 0;

  if (mode === 'snapshot' || mode === 'both') {
    const phase = { kind: 'snapshot', total: snapshotTotal(options, setup, notes) } as const;
    const init: SnapshotAcc = { trials: 0, serviceDown: 0, tierDown: m.tierNames.map(() => 0) };
    const { acc, stoppedBy } = yield* runPhase(
      {
        phase,
        init,
        fold: foldSnapshot,
        ...(rel === undefined
          ? {}
          : {
              done: (a: SnapshotAcc) =>
                naiveDone(
                  a,
                  rel,
                  (options.estimator ?? 'auto') !== 'naive',
                  analyticallyRare(analytic, m.tierNames, rel),
                ),
            }),
        progress: (a, done) =>
          rel === undefined ? fixedProgress(phase, done) : predictedFraction(proportion(a.serviceDown, a.trials), rel),
      },
      ctx,
    );
    stops.push(stoppedBy);
    snapshotTrials = acc.trials;
    // A snapshot has no time: it sees a failover as the parallel of primary and standby, so
    // its service figure is not comparable with the analytic one (switchovers included).
    service = naiveEstimate(acc.serviceDown, acc.trials, failover ? undefined : analytic?.serviceUnavailability);
    tiers = m.tierNames.map((name, t) => ({
      name,
      unavailability: naiveEstimate(acc.tierDown[t] ?? 0, acc.trials, tierAnalytic(name)),
    }));

    const choice = options.estimator ?? 'auto';
    if (choice !== 'naive') {
      const evaluator = new StructureEvaluator(m);
      const events = [...(failover ? [] : [-1]), ...m.tierNames.map((_, t) => t)];
      for (const event of events) {
        const current = event < 0 ? service : tiers[event]?.unavailability;
        if (current === undefined) continue;
        const precise =
          current.events >= AUTO_IS_EVENTS &&
          (rel === undefined || relativeHalfWidth(current.estimate, current.ci) <= rel);
        if (choice === 'auto' && precise) continue;
        if (ctx.now() > ctx.deadline) break;
        const tuned = tuneBiasing(m, evaluator, event, setup.seed, STREAM_TUNING + event + 1, {
          maxDraws: maxWork / 10,
        });
        if (tuned === undefined) {
          notes.push(
            `importance sampling found no way to reach ${event < 0 ? 'the service outage' : `tier ${m.tierNames[event]} down`}; naive estimate kept`,
          );
          continue;
        }
        if ('untunable' in tuned) {
          notes.push(
            `${event < 0 ? 'the service outage' : `tier ${m.tierNames[event]} down`} ${tuned.untunable}; naive estimate kept`,
          );
          continue;
        }
        const target = rel ?? IS_REL_ERROR;
        // At most a tenth of the phase budget of draws per event (several events may need it);
        // a proposal whose weights all underflow stops at once and collapses to the naive one.
        const isTotal = Math.min(
          IS_MAX_TRIALS,
          Math.max(IMPORTANCE_CHUNK, Math.floor(maxWork / 10 / Math.max(1, m.componentCount))),
        );
        const isPhase = { kind: 'importance', event, v: tuned.v, total: isTotal } as const;
        const r = yield* runPhase(
          {
            phase: isPhase,
            init: { trials: 0, hits: 0, sumW: 0, sumW2: 0 },
            fold: foldWeighted,
            done: (a) => weightedRelError(a) <= target || (a.hits >= 1000 && a.sumW === 0),
            progress: (a) => Math.min(1, (target / Math.max(target, weightedRelError(a))) ** 2),
          },
          ctx,
        );
        stops.push(r.stoppedBy === 'trials' ? 'trials' : r.stoppedBy);
        const name = m.tierNames[event] ?? '';
        const estimate = weightedEstimate(r.acc, event < 0 ? analytic?.serviceUnavailability : tierAnalytic(name));
        const subject = event < 0 ? 'the service' : `tier ${name}`;
        if (tuned.method === 'defensive-mixture') {
          notes.push(
            `importance sampling for ${subject}: too many minimal cut sets to enumerate, so a defensive mixture ran; failure paths much rarer than the main one may be under-sampled`,
          );
        }
        // A collapsed importance sampler (zero-width interval, tiny effective sample size) is
        // not an estimate: the naive one (k/N, or the rule-of-three bound 3/N) stays honest.
        const collapse = collapsed(estimate);
        if (collapse !== undefined) {
          notes.push(
            `importance sampling for ${subject} collapsed (${collapse}); the naive estimate from ${current.trials.toLocaleString('en-US')} trials is kept`,
          );
          continue;
        }
        if (event < 0) service = estimate;
        else tiers = tiers.map((x, t) => (t === event ? { name, unavailability: estimate } : x));
      }
    }
  }

  let timelineFields: Partial<SimulationResult> = {};
  if (mode === 'timeline' || mode === 'both') {
    if (!hasTimeline(setup, options)) {
      notes.push(
        `no timeline: components without an mttr have no time behaviour (${m.staticComponents.slice(0, 3).join(', ')}${m.staticComponents.length > 3 ? ', …' : ''})`,
      );
    } else {
      const phase = { kind: 'timeline', total: timelineTotal(options, setup, notes, model) } as const;
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
        ctx,
      );
      stops.push(stoppedBy);
      const tAnalytic = setup.start === 'steady' ? analytic?.serviceUnavailability : undefined;
      timelineFields = summariseTimeline(
        acc,
        setup.horizonSeconds,
        years,
        setup.start,
        availabilityTarget(model),
        tAnalytic,
      );
      if (m.failoverCount > 0)
        timelineFields = { ...timelineFields, failovers: summariseFailovers(acc.chunks, m.failoverCount, years) };
    }
  }

  const dataLoss = yield* simulateDataLoss(setup, options, ctx);
  if (dataLoss !== undefined) notes.push(...dataLoss.notes);
  const timelineOnly = service === undefined;
  const tl = timelineFields.timeline;
  if (timelineOnly && tl === undefined) {
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
  const svc: UnavailabilityEstimate = failover && tl !== undefined ? fromTimeline(tl) : (service ?? fromTimeline(tl));
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
    trials: timelineOnly ? (tl?.trials ?? 0) : snapshotTrials,
    method: timelineOnly ? 'timeline' : tl === undefined ? 'snapshot' : 'snapshot+timeline',
    estimator: svc.estimator,
    effectiveSampleSize: svc.effectiveSampleSize ?? svc.trials,
    varianceReduction: svc.varianceReduction ?? 1,
    stoppedBy: stops.includes('maxTime') ? 'maxTime' : rel !== undefined ? 'relError' : 'trials',
    service: { unavailability: svc },
    tiers: timelineOnly ? [] : tiers,
    ...timelineFields,
    ...(dataLoss === undefined ? {} : { dataLoss: dataLoss.result }),
    notes,
  };
}

/** Fraction of a relative-error run done: N now / N predicted, N ∝ (half-width / target)². */
function predictedFraction(p: { estimate: number; ci: readonly [number, number] }, rel: number): number {
  const r = relativeHalfWidth(p.estimate, p.ci);
  return Number.isFinite(r) ? Math.min(1, (rel / Math.max(rel, r)) ** 2) : 0;
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

/**
 * True when the exact figures of the service and of every tier each need over 100 × 2^20
 * naive trials for the relative error asked (N* = z²(1 − q)/(r²q)): then the 2^20-trial naive
 * pre-run would only confirm that it sees nothing, and importance sampling takes over at once.
 */
function analyticallyRare(analytic: AnalyticFigures | undefined, tiers: readonly string[], rel: number): boolean {
  if (analytic === undefined) return false;
  const rare = (q: number | undefined): boolean =>
    q !== undefined && q > 0 && (Z95 * Z95 * (1 - q)) / (rel * rel * q) > 100 * 2 ** 20;
  return rare(analytic.serviceUnavailability) && tiers.every((t) => rare(analytic.tiers?.[t]));
}

/**
 * Stop rule of the naive phase with relError: the service interval is tight enough, or (when
 * importance sampling may take over) naive sampling would need over 100 times the trials run so
 * far, N* = z²(1 − p)/(r²p) with p ≥ 1/N, once at least 2^20 trials ran.
 */
function naiveDone(a: SnapshotAcc, rel: number, handOver: boolean, rare: boolean): boolean {
  const p = proportion(a.serviceDown, a.trials);
  if (relativeHalfWidth(p.estimate, p.ci) <= rel) return true;
  // The analytic figures say every event is too rare for naive sampling: one chunk, then hand over.
  if (handOver && rare && a.trials > 0) return true;
  if (!handOver || a.trials < 1 << 20) return false;
  const pHat = Math.max(a.serviceDown, 1) / a.trials;
  const needed = (Z95 * Z95 * (1 - pHat)) / (rel * rel * pHat);
  return needed > 100 * a.trials;
}
