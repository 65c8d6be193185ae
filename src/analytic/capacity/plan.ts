/**
 * `nines plan`: capacity over time. Demand grows per tier (compound), the data and its
 * backups grow with data.yearlyGrowth; the runway of each limit is when it first breaks with
 * the nodes and storage the model has, and the plan is the nodes to add, by when, so that
 * every tier keeps its demand, N+1 after the worst single loss, and the availability targets.
 *
 * Demand only changes what a tier needs at the crossings d(t) = j·perNode, so runways and
 * additions are computed at those exact instants (not on the display grid of `steps`).
 */
import type { Model } from '../../model/types.js';
import { SECONDS_PER_DAY } from '../../units/conventions.js';
import { availabilityCheck, targetName } from './availability-check.js';
import { interruptionRate } from './interruption-rate.js';
import { after, tierRunway } from './tier-runway.js';
import { analyzeJob } from './goodput.js';
import { crossingTime } from './growth.js';
import { analyzeSpares } from './spares.js';
import { dataBreaksAt, dataSizeAt, locationSeries, storedAt } from './storage-runway.js';
import {
  activeNodes,
  additionsForLoss,
  demandAt,
  nodesFor,
  nodesForLoss,
  servingAfterLoss,
  withTier,
} from './tier-needs.js';

import type {
  Addition,
  PlanOptions,
  PlanResult,
  PlanStep,
  PlanStorageStep,
  PlanTierStep,
  Runway,
} from './plan-types.js';

export type * from './plan-types.js';
export { interruptionRate } from './interruption-rate.js';

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

  const runway: Runway[] = [];
  for (const i of growing) {
    const tier = model.tiers[i];
    const cap = tier?.capacity;
    if (tier === undefined || cap === undefined) continue;
    const active = activeNodes(tier);
    runway.push(
      tierRunway(
        tier.name,
        'demand',
        cap.demand,
        cap.growth,
        active * cap.perNode,
        `${active} node(s) × ${cap.perNode} carry less than the demand`,
        H,
      ),
    );
    const left = servingAfterLoss(tier);
    runway.push(
      tierRunway(
        tier.name,
        'zone-loss',
        cap.demand,
        cap.growth,
        left * cap.perNode,
        `after losing its largest zone (or a node) ${left} node(s) × ${cap.perNode} carry less than the demand`,
        H,
      ),
    );
  }

  // Availability targets with the nodes the model has, as k(t) rises.
  const broken = new Map<string, number>();
  for (const t of events) {
    if (broken.size === targets.length) break;
    let m = model;
    for (const i of growing) m = withTier(m, i, 0, kAt(i, after(t)));
    for (const miss of check(m).missed) if (!broken.has(miss)) broken.set(miss, t);
  }
  for (const target of targets) {
    const id = targetName(target);
    const at = broken.get(id);
    runway.push({
      subject: id,
      kind: 'availability',
      breaksAtSeconds: at ?? null,
      reason:
        at === undefined
          ? 'met within the horizon'
          : at === 0
            ? 'missed today'
            : 'the tiers need more healthy nodes as demand grows and miss the target',
    });
  }

  // Storage.
  const series = model.data === undefined ? [] : locationSeries(model.data, H);
  for (const s of series) {
    if (s.capacityBytes === undefined) continue;
    const at = s.breaksAtSeconds;
    runway.push({
      subject: s.name,
      kind: 'backup-storage',
      breaksAtSeconds: Number.isFinite(at) && at < H ? at : null,
      reason: 'a backup written there no longer fits its capacity',
    });
  }
  if (model.data?.capacityBytes !== undefined) {
    const at = dataBreaksAt(model.data);
    runway.push({
      subject: 'data',
      kind: 'data-capacity',
      breaksAtSeconds: at < H ? at : null,
      reason: 'the live data outgrows the data tier capacity',
    });
  }

  // The plan: nodes to add at each crossing.
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

  const steps: PlanStep[] = [];
  for (let t = 0; t <= H + 1e-6; t += options.stepSeconds) {
    const plan = [...plannedAt].reverse().find((p) => p.t <= t);
    const tiers = growing.flatMap((i): PlanTierStep[] => {
      const tier = model.tiers[i];
      const cap = tier?.capacity;
      if (tier === undefined || cap === undefined) return [];
      const demand = demandAt(tier, t);
      const m = nodesFor(demand, cap.perNode);
      const loss = nodesForLoss(tier, m);
      return [
        {
          tier: tier.name,
          demand,
          nodes: activeNodes(tier),
          capacity: activeNodes(tier) * cap.perNode,
          neededForDemand: m,
          neededForLoss: Number.isFinite(loss) ? loss : null,
          neededForTarget: targets.length === 0 ? null : activeNodes(tier) + (plan?.added[i] ?? 0),
        },
      ];
    });
    const storage: PlanStorageStep[] = series.map((s) => ({
      subject: s.name,
      kind: 'backup-storage',
      bytes: storedAt(s, t),
      capacityBytes: s.capacityBytes ?? null,
    }));
    if (model.data?.capacityBytes !== undefined)
      storage.push({
        subject: 'data',
        kind: 'data-capacity',
        bytes: dataSizeAt(model.data, t),
        capacityBytes: model.data.capacityBytes,
      });
    steps.push({ atSeconds: t, tiers, storage });
  }

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

function days(t: number): string {
  return `day ${Math.floor(t / SECONDS_PER_DAY)}`;
}
