/**
 * Conditioning a Model on failures: a copy in which the failed zones, regions, tiers and nodes
 * have unavailability 1 (and, for the structural question, every other component 0). The
 * availability engine then computes E[A | failure] unchanged: no special case in the engine.
 */
import type { Component } from './component.js';
import type { Model, NodeGroup, Tier } from './types.js';
import { type ResolvedModel, resolveModel } from './resolve.js';
import { downSet, type FailureRef } from './down-set.js';

/** A component that is always down. Its rate is kept (or 0) so it is not "static": its
 * frequency term (1 − q)·λ·I_B is 0, and the others' frequencies stay defined. */
export function alwaysDown(c: Component | undefined): Component {
  if (c === undefined) {
    return {
      source: 'probability',
      unavailability: 1,
      failureRate: 0,
      repairRate: undefined,
      mtbfSeconds: undefined,
      mttrSeconds: undefined,
      lifetime: { type: 'exponential' },
      repair: { type: 'exponential' },
    };
  }
  return { ...c, unavailability: 1, failureRate: c.failureRate ?? 0 };
}

/**
 * A component that never fails (for the structural question "everything else up"): rate 0 too,
 * so that no failover starts a switchover in the structural answer.
 */
export function alwaysUp(c: Component): Component {
  return { ...c, unavailability: 0, failureRate: 0 };
}

export type ConditionMode = 'as-usual' | 'others-up';

/**
 * The model with the failures forced down. `others-up` also makes every other zone, region and
 * node perfect, so that the service is either up (1) or down (0): does it survive structurally?
 * `resolved`: the model's own resolution, when the caller has it (many conditionings of one model).
 * @example conditionModel(model, [{ kind: 'zone', name: 'az-a' }]).zones[0].failure.unavailability // 1
 */
export function conditionModel(
  model: Model,
  failures: readonly FailureRef[],
  mode: ConditionMode = 'as-usual',
  resolved: ResolvedModel = resolveModel(model),
): Model {
  const down = downSet(resolved, failures);
  const other = (c: Component | undefined): Component | undefined =>
    mode === 'others-up' && c !== undefined ? alwaysUp(c) : c;
  const otherNode = (c: Component): Component => (mode === 'others-up' ? alwaysUp(c) : c);
  return {
    ...model,
    regions: model.regions.map((r, i) => ({
      ...r,
      failure: down.regions.has(i) ? alwaysDown(r.failure) : other(r.failure),
    })),
    zones: model.zones.map((z, i) => ({ ...z, failure: down.zones.has(i) ? alwaysDown(z.failure) : other(z.failure) })),
    tiers: model.tiers.map((tier, t): Tier => {
      if (down.tiers.has(t))
        return { ...tier, groups: tier.groups.map((g) => ({ ...g, failure: alwaysDown(g.failure) })) };
      return { ...tier, groups: splitGroups(tier.groups, down.nodes.get(t) ?? new Set(), otherNode) };
    }),
  };
}

/**
 * The model with one zone, region or node never failing (q = 0, rate 0): the "never down" state
 * Q(0_i) of importance measures, the counterpart of {@link conditionModel}'s forced down. A
 * tier is a gate, not a component: it is returned unchanged.
 * @example neverDown(model, { kind: 'node', name: 'db[0]', tier: 'db', index: 0 }).tiers[0].groups[0].failure.unavailability // 0
 */
export function neverDown(model: Model, ref: FailureRef): Model {
  const up = (c: Component | undefined): Component | undefined => (c === undefined ? c : alwaysUp(c));
  switch (ref.kind) {
    case 'zone':
      return { ...model, zones: model.zones.map((z) => (z.name === ref.name ? { ...z, failure: up(z.failure) } : z)) };
    case 'region':
      return {
        ...model,
        regions: model.regions.map((r) => (r.name === ref.name ? { ...r, failure: up(r.failure) } : r)),
      };
    case 'node':
      return {
        ...model,
        tiers: model.tiers.map((t) =>
          t.name === ref.tier ? { ...t, groups: splitGroups(t.groups, new Set([ref.index]), (c) => c, alwaysUp) } : t,
        ),
      };
    case 'tier':
      return model;
    default: {
      const never: never = ref;
      throw new Error(`unknown failure ${JSON.stringify(never)}`);
    }
  }
}

/**
 * Nodes i (from 0, in group order) in `picked`: each group splits into the picked nodes (their
 * failure made `pick`, down by default) and the rest (`other`).
 */
function splitGroups(
  groups: readonly NodeGroup[],
  picked: ReadonlySet<number>,
  other: (c: Component) => Component,
  pick: (c: Component) => Component = alwaysDown,
): NodeGroup[] {
  const out: NodeGroup[] = [];
  let first = 0;
  for (const g of groups) {
    // Over the failed nodes, not the group's: a group may hold 10^9 nodes.
    let failed = 0;
    for (const i of picked) if (i >= first && i < first + g.count) failed++;
    if (failed > 0) out.push({ ...g, count: failed, failure: pick(g.failure) });
    if (g.count - failed > 0) out.push({ ...g, count: g.count - failed, failure: other(g.failure) });
    first += g.count;
  }
  return out;
}
