/** The capacity plan sampled every step (plan.ts): demand and needs per tier, bytes per location. */
import type { Model, Target } from '../../model/types.js';
import { dataSizeAt, type locationSeries, storedAt } from './storage-runway.js';
import { activeNodes, demandAt, nodesFor, nodesForLoss } from './tier-needs.js';

export type PlanTierStep = {
  readonly tier: string;
  readonly demand: number;
  /** Serving nodes the model has. */
  readonly nodes: number;
  readonly capacity: number;
  readonly neededForDemand: number;
  /** Serving nodes, spread evenly over the tier's zones, to carry the demand after the worst single loss. */
  readonly neededForLoss: number | null;
  /** Serving nodes in the plan (demand, N+1 and the availability targets), null without availability targets. */
  readonly neededForTarget: number | null;
};

export type PlanStorageStep = {
  readonly subject: string;
  readonly kind: 'backup-storage' | 'data-capacity';
  readonly bytes: number;
  readonly capacityBytes: number | null;
};

export type PlanStep = {
  readonly atSeconds: number;
  readonly tiers: readonly PlanTierStep[];
  readonly storage: readonly PlanStorageStep[];
};

export type PlanOptions = { readonly horizonSeconds: number; readonly stepSeconds: number };

/** The plan sampled every step: each growing tier's demand and needs, each location's bytes. */
export function planSteps(
  model: Model,
  ctx: {
    readonly growing: readonly number[];
    readonly targets: readonly Target[];
    readonly series: ReturnType<typeof locationSeries>;
    readonly plannedAt: readonly { t: number; added: number[] }[];
  },
  options: PlanOptions,
): PlanStep[] {
  const { growing, targets, series, plannedAt } = ctx;
  const H = options.horizonSeconds;
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
  return steps;
}
