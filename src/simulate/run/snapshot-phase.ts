/**
 * The snapshot half of a simulation: naive snapshot trials, then importance sampling for the
 * events (the service, each tier) that naive sampling saw too rarely to estimate.
 */
import type { CompiledModel } from '../compile/compile.js';
import { StructureEvaluator } from '../compile/structure.js';
import { DEFAULT_MAX_WORK } from '../compile/work-budget.js';
import { proportion, relativeHalfWidth, Z95 } from '../estimate/estimators.js';
import { tuneBiasing, type TuningCache } from '../estimate/importance-tuning.js';
import { effectiveSampleSize, naiveEstimate, weightedEstimate, weightedRelError } from '../estimate/summarise.js';
import { collapsed, MIN_EFFECTIVE_SAMPLE_SIZE } from '../estimate/trust.js';
import type { AnalyticFigures, SimulateOptions, UnavailabilityEstimate } from '../types.js';
import { IMPORTANCE_CHUNK, STREAM_TUNING, type ChunkResult, type RunSetup } from './chunks.js';
import {
  fixedProgress,
  foldSnapshot,
  foldWeighted,
  runPhase,
  type DriverContext,
  type Request,
  type SnapshotAcc,
  type StopReason,
  type WeightedAcc,
} from './driver.js';
import { snapshotTotal } from './phase-plan.js';
import { serviceTierCutSets } from '../../model/cut-sets.js';

/** Fewer naive events than this and `auto` switches the event to importance sampling. */
export const AUTO_IS_EVENTS = 100;
const IS_REL_ERROR = 0.02;
const IS_MAX_TRIALS = 1 << 24;

/** What the snapshot half found: the service and tier estimates, and the naive trials run. */
export type SnapshotFigures = {
  readonly service: UnavailabilityEstimate;
  readonly tiers: { name: string; unavailability: UnavailabilityEstimate }[];
  readonly trials: number;
};

/** What both halves of a run share: its setup, options, exact figures, notes and stop reasons. */
export type PhaseContext = {
  readonly setup: RunSetup;
  readonly options: SimulateOptions;
  readonly analytic: AnalyticFigures | undefined;
  readonly ctx: DriverContext;
  readonly notes: string[];
  readonly stops: StopReason[];
  /** The exact figure an event's estimate is checked against (−1 the service, t tier t). */
  readonly exact: (event: number) => number | undefined;
};

/** Naive snapshot trials, then importance sampling where `estimator` asks for it. */
export function* snapshotHalf(p: PhaseContext, failover: boolean): Generator<Request, SnapshotFigures, ChunkResult[]> {
  const { setup, options, analytic, ctx } = p;
  const m = setup.model;
  const rel = options.relError;
  const phase = { kind: 'snapshot', total: snapshotTotal(options, setup, p.notes) } as const;
  const handOver = (options.estimator ?? 'auto') !== 'naive';
  const rare = rel !== undefined && analyticallyRare(analytic, m.tierNames, rel);
  const { acc, stoppedBy } = yield* runPhase(
    {
      phase,
      init: { trials: 0, serviceDown: 0, tierDown: m.tierNames.map(() => 0) } as SnapshotAcc,
      fold: foldSnapshot,
      ...(rel === undefined ? {} : { done: (a: SnapshotAcc) => naiveDone(a, rel, handOver, rare) }),
      progress: (a, done) =>
        rel === undefined ? fixedProgress(phase, done) : predictedFraction(proportion(a.serviceDown, a.trials), rel),
    },
    ctx,
  );
  p.stops.push(stoppedBy);
  // A snapshot has no time: it sees a failover as the parallel of primary and standby, so
  // its service figure is not comparable with the analytic one (switchovers included).
  let service = naiveEstimate(acc.serviceDown, acc.trials, failover ? undefined : p.exact(-1));
  let tiers = m.tierNames.map((name, t) => ({
    name,
    unavailability: naiveEstimate(acc.tierDown[t] ?? 0, acc.trials, p.exact(t)),
  }));
  const choice = options.estimator ?? 'auto';
  if (choice === 'naive') return { service, tiers, trials: acc.trials };
  const evaluator = new StructureEvaluator(m);
  const cache: TuningCache = new Map();
  // The service down exactly when tier `sole` is (its tier-level cut sets are [[sole]]): one event, one run.
  const sole = failover ? -1 : soleTier(m);
  let serviceSums: WeightedAcc | undefined;
  const fitted: string[] = [];
  for (const event of [...(failover ? [] : [-1]), ...m.tierNames.map((_, t) => t)]) {
    const current = event < 0 ? service : tiers[event]?.unavailability;
    if (current === undefined) continue;
    const precise =
      current.events >= AUTO_IS_EVENTS && (rel === undefined || relativeHalfWidth(current.estimate, current.ci) <= rel);
    if (choice === 'auto' && precise) continue;
    if (ctx.now() > ctx.deadline) break;
    const run =
      event === sole && serviceSums !== undefined
        ? { sums: serviceSums, estimate: weightedEstimate(serviceSums, p.exact(event)) }
        : yield* importanceFor(p, evaluator, event, current, cache, fitted);
    if (run === undefined) continue;
    if (event < 0) {
      service = run.estimate;
      serviceSums = run.sums;
    } else tiers = tiers.map((x, t) => (t === event ? { name: x.name, unavailability: run.estimate } : x));
  }
  if (fitted.length > 0) {
    p.notes.push(
      `importance sampling for ${fitted.join(', ')}: too many minimal cut sets to enumerate, so proposals tuned by cross-entropy ran; failure paths much rarer than the main one may be under-sampled`,
    );
  }
  return { service, tiers, trials: acc.trials };
}

/** The tier t whose outage is the service's (the service's tier-level cut sets are [[t]]), or −1. */
function soleTier(m: CompiledModel): number {
  const sets = serviceTierCutSets(m, 1);
  return sets?.length === 1 && sets[0]?.length === 1 ? (sets[0][0] ?? -1) : -1;
}

/**
 * Importance sampling of one event (−1 the service, t tier t) until the relative error asked
 * (default 2%) or its draw budget: the estimate and its sums; `undefined`, with a note, when no
 * proposal can be tuned or the sampler collapsed (the naive estimate `current` then stays).
 */
function* importanceFor(
  p: PhaseContext,
  evaluator: StructureEvaluator,
  event: number,
  current: UnavailabilityEstimate,
  cache: TuningCache,
  fitted: string[],
): Generator<Request, { estimate: UnavailabilityEstimate; sums: WeightedAcc } | undefined, ChunkResult[]> {
  const m: CompiledModel = p.setup.model;
  const maxWork = p.options.maxWork ?? DEFAULT_MAX_WORK;
  const subject = event < 0 ? 'the service' : `tier ${m.tierNames[event] ?? ''}`;
  const tuned = tuneBiasing(m, evaluator, event, p.setup.seed, STREAM_TUNING + 1, { maxDraws: maxWork / 10, cache });
  if (tuned === undefined || 'untunable' in tuned) {
    const what = event < 0 ? 'the service outage' : `tier ${m.tierNames[event]} down`;
    p.notes.push(
      tuned === undefined
        ? `importance sampling found no way to reach ${what}; naive estimate kept`
        : `${what} ${tuned.untunable}; naive estimate kept`,
    );
    return undefined;
  }
  const target = p.options.relError ?? IS_REL_ERROR;
  // At most a tenth of the phase budget of draws per event (several events may need it);
  // a proposal whose weights all underflow stops at once and collapses to the naive one.
  const total = Math.min(
    IS_MAX_TRIALS,
    Math.max(IMPORTANCE_CHUNK, Math.floor(maxWork / 10 / Math.max(1, m.componentCount))),
  );
  const r = yield* runPhase(
    {
      phase: { kind: 'importance', event, v: tuned.v, total },
      init: { trials: 0, hits: 0, sumW: 0, sumW2: 0 },
      fold: foldWeighted,
      // Precise enough, and on enough effective samples to be kept (trust.ts): a heavy-tailed
      // prefix can look precise on a handful of large weights, and stopping there both discarded
      // the run (ESS < 100, collapsed) and understated the standard error of the runs it kept.
      done: (a) =>
        (weightedRelError(a) <= target && effectiveSampleSize(a) >= MIN_EFFECTIVE_SAMPLE_SIZE) ||
        (a.hits >= 1000 && a.sumW === 0),
      progress: (a) => Math.min(1, (target / Math.max(target, weightedRelError(a))) ** 2),
    },
    p.ctx,
  );
  p.stops.push(r.stoppedBy);
  const estimate = weightedEstimate(r.acc, p.exact(event));
  if (tuned.method === 'tier-mixture') {
    const n = tuned.members ?? 1;
    fitted.push(n === 1 ? subject : `${subject} (a mixture of ${n}, one per set of tiers whose outage causes it)`);
  }
  // A collapsed importance sampler (zero-width interval, tiny effective sample size) is
  // not an estimate: the naive one (k/N, or the rule-of-three bound 3/N) stays honest.
  const collapse = collapsed(estimate);
  if (collapse === undefined) return { estimate, sums: r.acc };
  p.notes.push(
    `importance sampling for ${subject} collapsed (${collapse}); the naive estimate from ${current.trials.toLocaleString('en-US')} trials is kept`,
  );
  return undefined;
}

/** Fraction of a relative-error run done: N now / N predicted, N ∝ (half-width / target)². */
function predictedFraction(p: { estimate: number; ci: readonly [number, number] }, rel: number): number {
  const r = relativeHalfWidth(p.estimate, p.ci);
  return Number.isFinite(r) ? Math.min(1, (rel / Math.max(rel, r)) ** 2) : 0;
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
