/**
 * The runways of a capacity plan (plan.ts): when each growing tier stops carrying its demand
 * (as it is, and after losing its largest zone), when each availability target is missed as
 * k(t) rises, and when backup locations and the data tier run out of space.
 */
import type { Model, Target } from '../../model/types.js';
import { crossingTime } from './growth.js';
import { dataBreaksAt, type locationSeries } from './storage-runway.js';
import { activeNodes, servingAfterLoss, withTier } from './tier-needs.js';

export type RunwayKind = 'demand' | 'zone-loss' | 'availability' | 'backup-storage' | 'data-capacity';

export type Runway = {
  /** A tier, a target id (`availability`, `availability[db]`), a backup location, or `data`. */
  readonly subject: string;
  readonly kind: RunwayKind;
  /** When it first breaks with what the model has; null: not within the horizon. */
  readonly breaksAtSeconds: number | null;
  readonly reason: string;
};

/** What an availability check says of a model: the targets it misses and a score to minimise. */
export type Check = { readonly missed: readonly string[]; readonly score: number };

/** The inputs of the availability runway and of the additions (plan.ts). */
export type PlanContext = {
  readonly growing: readonly number[];
  readonly events: readonly number[];
  readonly targets: readonly Target[];
  readonly check: (m: Model) => Check;
  readonly kAt: (i: number, t: number) => number;
};

/** Demand and zone-loss runways of the growing tiers. */
export function demandRunways(model: Model, growing: readonly number[], H: number): Runway[] {
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
  return runway;
}

/** Availability targets with the nodes the model has, as k(t) rises: when each is first missed. */
export function availabilityRunways(model: Model, ctx: PlanContext): Runway[] {
  const { growing, events, targets, check, kAt } = ctx;
  const runway: Runway[] = [];
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
  return runway;
}

/** Backup locations and the data tier: when a backup or the live data no longer fits. */
export function storageRunways(model: Model, series: ReturnType<typeof locationSeries>, H: number): Runway[] {
  const runway: Runway[] = [];
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
  return runway;
}

/**
 * A crossing t* is the last instant demand still fits; needs are read one second later, when
 * ⌈d/perNode⌉ has risen (d grows by a relative ~1e-8 per second at 40%/year).
 */
export function after(t: number): number {
  return t === 0 ? 0 : t + 1;
}

function tierRunway(
  subject: string,
  kind: RunwayKind,
  d0: number,
  growth: Parameters<typeof crossingTime>[1],
  limit: number,
  reason: string,
  H: number,
): Runway {
  const at = crossingTime(d0, growth, limit);
  return { subject, kind, breaksAtSeconds: at < H ? at : null, reason: at === 0 ? `short today: ${reason}` : reason };
}

/** The id of an availability target (its tier, or the service). */
export function targetName(target: Target): string {
  return target.tier === undefined ? 'availability' : `availability[${target.tier}]`;
}
