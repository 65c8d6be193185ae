/**
 * `nines plan`: capacity over time. Demand grows per tier (compound), the data and its
 * backups grow with data.yearlyGrowth; the runway of each limit is when it first breaks with
 * the nodes and storage the model has, and the plan is the nodes to add, by when, so that
 * every tier keeps its demand, N+1 after the worst single loss, and the availability targets.
 *
 * Demand only changes what a tier needs at the crossings d(t) = j·perNode, so runways and
 * additions are computed at those exact instants (not on the display grid of `steps`).
 */
import type { Model, Target } from '../../model/types.js';
import { SECONDS_PER_DAY } from '../../units/conventions.js';
import { analyzeAvailability } from '../availability/index.js';
import { analyzeJob, type JobResult } from './goodput.js';
import { crossingTime } from './growth.js';
import { analyzeSpares, type SparesResult } from './spares.js';
import { locationSeries } from './storage-runway.js';
import { type PlanOptions, type PlanStep, planSteps } from './plan-steps.js';

export type { PlanOptions, PlanStep, PlanStorageStep, PlanTierStep } from './plan-steps.js';
import {
  after,
  availabilityRunways,
  type Check,
  demandRunways,
  type PlanContext,
  storageRunways,
  targetName,
} from './plan-runway.js';
import { activeNodes, additionsForLoss, demandAt, nodesFor, withTier } from './tier-needs.js';

import type { Runway } from './plan-runway.js';
export type { Runway, RunwayKind } from './plan-runway.js';

export type Addition = {
  readonly tier: string;
  /** Nodes must be in service by then. */
  readonly bySeconds: number;
  readonly addNodes: number;
  /** Serving nodes after the addition (spares not counted). */
  readonly totalNodes: number;
  readonly reason: 'demand' | 'zone-loss' | 'availability';
};

export type PlanResult = {
  readonly horizonSeconds: number;
  readonly stepSeconds: number;
  readonly runway: readonly Runway[];
  readonly steps: readonly PlanStep[];
  readonly additions: readonly Addition[];
  readonly spares: readonly SparesResult[];
  readonly jobs: readonly JobResult[];
  /** Limits of the plan, for a person. */
  readonly planNotes: readonly string[];
};

/** At most this many demand crossings per tier are evaluated (a note says when more exist). */
const MAX_EVENTS_PER_TIER = 400;
/** At most this many nodes are added one by one for the availability targets at one instant. */
const MAX_GREEDY = 64;

/**
 * The capacity plan of a model.
 * @example planCapacity(model, { horizonSeconds: 3 * 31_536_000, stepSeconds: 2_592_000 }).runway
 */
export function planCapacity(model: Model, options: PlanOptions): PlanResult {
  const H = options.horizonSeconds;
  const notes: string[] = [];
  const growing = model.tiers.flatMap((tier, i) => (tier.capacity === undefined ? [] : [i]));
  const events = crossings(model, growing, H, notes);
  const targets = model.targets.filter((t) => t.metric === 'availability');
  const check = availabilityCheck(targets);
  const kAt = (i: number, t: number): number => {
    const tier = model.tiers[i];
    const cap = tier?.capacity;
    return tier === undefined || cap === undefined
      ? (tier?.minHealthy ?? 0)
      : Math.max(tier.minHealthy, nodesFor(demandAt(tier, t), cap.perNode));
  };

  const runway: Runway[] = demandRunways(model, growing, H);

  runway.push(...availabilityRunways(model, { growing, events, targets, check, kAt }));

  const series = model.data === undefined ? [] : locationSeries(model.data, H);
  runway.push(...storageRunways(model, series, H));

  // The plan: nodes to add at each crossing.
  const { additions, plannedAt } = planAdditions(model, { growing, events, targets, check, kAt }, notes);

  const steps = planSteps(model, { growing, targets, series, plannedAt }, options);

  const spares = model.tiers
    .filter((t) => (t.spares ?? 0) > 0 || t.job !== undefined)
    .map((tier) => {
      const target = targets.find((t) => t.tier === tier.name);
      return analyzeSpares(tier, target?.thresholdComplement === undefined ? [] : [target.thresholdComplement]);
    });
  const jobs = model.tiers.flatMap((tier) =>
    tier.job === undefined
      ? []
      : [analyzeJob(tier.name, tier.minHealthy, tier.job, interruptionRate(model, tier.name))],
  );
  return {
    horizonSeconds: H,
    stepSeconds: options.stepSeconds,
    runway,
    steps,
    additions,
    spares,
    jobs,
    planNotes: notes,
  };
}

/** The nodes to add at each crossing (demand, zone loss, then greedily for missed targets). */
function planAdditions(
  model: Model,
  ctx: PlanContext,
  notes: string[],
): { additions: Addition[]; plannedAt: { t: number; added: number[] }[] } {
  const { growing, events, targets, check, kAt } = ctx;
  const added = model.tiers.map(() => 0);
  const additions: Addition[] = [];
  const plannedAt: { t: number; added: number[] }[] = [];
  for (const t of events) {
    const before = [...added];
    const reasons = new Map<number, Addition['reason']>();
    for (const i of growing) {
      const tier = model.tiers[i];
      if (tier === undefined || tier.capacity === undefined) continue;
      const m = nodesFor(demandAt(tier, after(t)), tier.capacity.perNode);
      const demandNeed = Math.max(0, m - activeNodes(tier));
      const lossNeed = additionsForLoss(tier, m);
      const need = Math.max(demandNeed, Number.isFinite(lossNeed) ? lossNeed : 0);
      if (need > (added[i] ?? 0)) {
        added[i] = need;
        reasons.set(i, lossNeed > demandNeed ? 'zone-loss' : 'demand');
      }
    }
    if (targets.length > 0) {
      const build = (adds: readonly number[]): Model =>
        adds.reduce<Model>((m, a, i) => withTier(m, i, a, kAt(i, after(t))), model);
      let state = check(build(added));
      for (let step = 0; state.missed.length > 0 && step < MAX_GREEDY; step++) {
        let best: { i: number; score: number } | undefined;
        for (let i = 0; i < model.tiers.length; i++) {
          const trial = added.map((a, j) => (j === i ? a + 1 : a));
          const score = check(build(trial)).score;
          if (best === undefined || score < best.score) best = { i, score };
        }
        if (best === undefined || !(best.score < state.score)) {
          notes.push(
            `at ${days(t)}: adding nodes does not bring ${state.missed.join(', ')} back to its target (another limit, such as a zone, dominates)`,
          );
          break;
        }
        added[best.i] = (added[best.i] ?? 0) + 1;
        reasons.set(best.i, 'availability');
        state = check(build(added));
      }
    }
    model.tiers.forEach((tier, i) => {
      const add = (added[i] ?? 0) - (before[i] ?? 0);
      if (add > 0)
        additions.push({
          tier: tier.name,
          bySeconds: t,
          addNodes: add,
          totalNodes: activeNodes(tier) + (added[i] ?? 0),
          reason: reasons.get(i) ?? 'demand',
        });
    });
    plannedAt.push({ t, added: [...added] });
  }
  return { additions, plannedAt };
}

/**
 * Interruptions per second of a job on a tier: each of its k nodes at its failure rate, plus
 * every zone and region holding its nodes (a static component adds none).
 */
export function interruptionRate(model: Model, tierName: string): number {
  const tier = model.tiers.find((t) => t.name === tierName);
  if (tier === undefined) return 0;
  const zones = new Set(tier.groups.flatMap((g) => (g.zone === undefined ? [] : [g.zone])));
  const regions = new Set(
    model.zones.filter((z) => zones.has(z.name)).flatMap((z) => (z.region === undefined ? [] : [z.region])),
  );
  let rate = tier.minHealthy * (tier.failure.failureRate ?? 0);
  for (const z of model.zones) if (zones.has(z.name)) rate += z.failure?.failureRate ?? 0;
  for (const r of model.regions) if (regions.has(r.name)) rate += r.failure?.failureRate ?? 0;
  return rate;
}

/** Every instant in [0, H) at which some tier's ⌈d(t)/perNode⌉ rises, with 0. */
function crossings(model: Model, growing: readonly number[], H: number, notes: string[]): number[] {
  const times = new Set<number>([0]);
  for (const i of growing) {
    const tier = model.tiers[i];
    const cap = tier?.capacity;
    if (tier === undefined || cap === undefined || cap.growth === undefined) continue;
    let j = nodesFor(cap.demand, cap.perNode);
    for (let n = 0; ; n++) {
      const t = crossingTime(cap.demand, cap.growth, j * cap.perNode);
      if (!(t < H)) break;
      if (n >= MAX_EVENTS_PER_TIER) {
        notes.push(
          `tier ${tier.name}: more than ${MAX_EVENTS_PER_TIER} node increments within the horizon; the plan stops at ${days(t)}`,
        );
        break;
      }
      times.add(t);
      j++;
    }
  }
  return [...times].sort((a, b) => a - b);
}

/** Availability targets of a model variant: the ids missed, and Σ max(0, log(q / q_target)) to minimise. */
function availabilityCheck(targets: readonly Target[]): (m: Model) => Check {
  const cache = new Map<string, Check>();
  return (m) => {
    if (targets.length === 0) return { missed: [], score: 0 };
    const key = m.tiers.map((t) => `${t.nodes}/${t.minHealthy}`).join(',');
    const hit = cache.get(key);
    if (hit !== undefined) return hit;
    const result = analyzeAvailability(m);
    const missed: string[] = [];
    let score = 0;
    for (const target of targets) {
      const q =
        target.tier === undefined
          ? result.service.unavailability
          : result.tiers.find((t) => t.name === target.tier)?.unavailability;
      const limit = target.thresholdComplement ?? 1 - target.threshold;
      if (q === undefined || !(q > limit)) continue;
      missed.push(targetName(target));
      score += Math.log(q / Math.max(limit, 1e-300));
    }
    const check = { missed, score };
    cache.set(key, check);
    return check;
  };
}

function days(t: number): string {
  return `day ${Math.floor(t / SECONDS_PER_DAY)}`;
}
