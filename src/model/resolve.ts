/**
 * The model resolved once after validation: names turned into indices, failure-domain
 * membership, and the service structure as one typed tree that every engine reads (the
 * analytic engine, the simulator, drills, data protection, the text summary).
 */
import type { Location } from './data-protection.js';
import type { Failover, Model, ServiceExpr } from './types.js';

/** A failover node of the structure, numbered in post-order (inner failovers first). */
export type FailoverNode = {
  readonly kind: 'failover';
  /** Index into {@link ResolvedModel.failovers}. */
  readonly index: number;
  readonly primary: Structure;
  readonly standby: Structure;
  readonly spec: Failover;
};

/** The service structure with tiers as indices into `model.tiers`; exhaustive over its kinds. */
export type Structure =
  | { readonly kind: 'tier'; readonly tier: number }
  | { readonly kind: 'all'; readonly of: readonly Structure[] }
  | { readonly kind: 'any'; readonly of: readonly Structure[] }
  | { readonly kind: 'atLeast'; readonly k: number; readonly of: readonly Structure[] }
  | FailoverNode;

/** Which failure domain separates a failover's primary from its standby. */
export type FailoverScope = 'region' | 'zone' | 'node';

export type ResolvedFailover = {
  readonly node: FailoverNode;
  /** Tiers of the primary and of the standby. */
  readonly primaryTiers: readonly number[];
  readonly standbyTiers: readonly number[];
  /**
   * `region` when no region holds both sides, else `zone` when no zone does, else `node`:
   * the disruption whose recovery phases set the switchover.
   */
  readonly scope: FailoverScope;
  /** Regions and zones (indices) holding nodes of both sides: their loss takes both. */
  readonly sharedRegions: readonly number[];
  readonly sharedZones: readonly number[];
};

/**
 * Where something lives, by index (DESIGN §4: a disruption leaves only what is outside its
 * failure domain): `zone` scope for nodes and zone locations (zone −1: an unplaced node, which
 * shares the fate of an unplaced primary), `region` scope for regional storage (spread over
 * the region's zones: survives a zone loss), `offsite` outside every modelled domain. Region
 * −1: none. A copy or backup in a zone or region the model does not hold (validation reports it)
 * gets {@link UNKNOWN}, which no disruption of the model reaches.
 */
export type Place = { readonly scope: 'zone' | 'region' | 'offsite'; readonly zone: number; readonly region: number };

/** The index of a place named but not in the model. */
export const UNKNOWN = -2;

/** The data section's places: its tier, its primary, its copies and backups (in model order). */
export type ResolvedData = {
  /** Index of the data tier in `model.tiers`, −1: none. */
  readonly tier: number;
  /** The place of the data tier's first node group: the primary. */
  readonly primary: Place;
  readonly copies: readonly Place[];
  readonly backups: readonly Place[];
};

export type ResolvedModel = {
  readonly model: Model;
  readonly regionIndex: ReadonlyMap<string, number>;
  readonly zoneIndex: ReadonlyMap<string, number>;
  readonly tierIndex: ReadonlyMap<string, number>;
  /** Zone → region index, −1: none. */
  readonly zoneRegion: readonly number[];
  /** Per tier, per node group: zone index, −1: none. */
  readonly groupZone: readonly (readonly number[])[];
  readonly structure: Structure;
  readonly failovers: readonly ResolvedFailover[];
  /** undefined when the model has no data section. */
  readonly data: ResolvedData | undefined;
};

/**
 * Resolves a validated model. Unknown names (rejected by validation) throw: they mean a bug.
 * @example resolveModel(model).structure // { kind: 'all', of: [{ kind: 'tier', tier: 0 }] }
 */
export function resolveModel(model: Model): ResolvedModel {
  const regionIndex = new Map(model.regions.map((r, i) => [r.name, i] as const));
  const zoneIndex = new Map(model.zones.map((z, i) => [z.name, i] as const));
  const tierIndex = new Map(model.tiers.map((t, i) => [t.name, i] as const));
  const zoneRegion = model.zones.map((z) => (z.region === undefined ? -1 : lookup(regionIndex, z.region, 'region')));
  const groupZone = model.tiers.map((t) =>
    t.groups.map((g) => (g.zone === undefined ? -1 : lookup(zoneIndex, g.zone, 'zone'))),
  );
  const nodes: FailoverNode[] = [];
  const build = (e: ServiceExpr): Structure => {
    switch (e.kind) {
      case 'tier':
        return { kind: 'tier', tier: lookup(tierIndex, e.tier, 'tier') };
      case 'all':
      case 'any':
        return { kind: e.kind, of: e.of.map(build) };
      case 'atLeast':
        return { kind: 'atLeast', k: e.k, of: e.of.map(build) };
      case 'failover': {
        const primary = build(e.primary);
        const standby = build(e.standby);
        const node: FailoverNode = { kind: 'failover', index: nodes.length, primary, standby, spec: e };
        nodes.push(node);
        return node;
      }
      default: {
        const never: never = e;
        throw new Error(`unknown service expression ${JSON.stringify(never)}`);
      }
    }
  };
  const structure = build(model.service);
  const failovers = nodes.map((node) => resolveFailover(node, groupZone, zoneRegion));
  const indices = { regionIndex, zoneIndex, tierIndex, zoneRegion, groupZone };
  const data = resolveData(model, indices);
  return { model, regionIndex, zoneIndex, tierIndex, zoneRegion, groupZone, structure, failovers, data };
}

/** A failover's sides, the domains they share and the scope that separates them. */
function resolveFailover(
  node: FailoverNode,
  groupZone: ResolvedModel['groupZone'],
  zoneRegion: ResolvedModel['zoneRegion'],
): ResolvedFailover {
  const domainsOf = (tiers: readonly number[]): { zones: Set<number>; regions: Set<number> } => {
    const zones = new Set<number>();
    const regions = new Set<number>();
    for (const t of tiers) {
      for (const z of groupZone[t] ?? []) {
        if (z < 0) continue;
        zones.add(z);
        const r = zoneRegion[z] ?? -1;
        if (r >= 0) regions.add(r);
      }
    }
    return { zones, regions };
  };
  const primaryTiers = tiersOf(node.primary);
  const standbyTiers = tiersOf(node.standby);
  const p = domainsOf(primaryTiers);
  const s = domainsOf(standbyTiers);
  const sharedRegions = [...p.regions].filter((r) => s.regions.has(r));
  const sharedZones = [...p.zones].filter((z) => s.zones.has(z));
  const unplaced = (tiers: readonly number[]): boolean => tiers.some((t) => (groupZone[t] ?? []).some((z) => z < 0));
  const regionless = (d: { zones: Set<number> }, tiers: readonly number[]): boolean =>
    unplaced(tiers) || [...d.zones].some((z) => (zoneRegion[z] ?? -1) < 0);
  const scope: FailoverScope =
    sharedRegions.length === 0 && !(regionless(p, primaryTiers) && regionless(s, standbyTiers))
      ? 'region'
      : sharedZones.length === 0 && !(unplaced(primaryTiers) && unplaced(standbyTiers))
        ? 'zone'
        : 'node';
  return { node, primaryTiers, standbyTiers, scope, sharedRegions, sharedZones };
}

type Indices = Pick<ResolvedModel, 'regionIndex' | 'zoneIndex' | 'tierIndex' | 'zoneRegion' | 'groupZone'>;

/** The data section's places (see {@link ResolvedData}). */
function resolveData(model: Model, ix: Indices): ResolvedData | undefined {
  const { regionIndex, zoneIndex, tierIndex, zoneRegion, groupZone } = ix;
  const placeOfZone = (zone: number): Place => ({
    scope: 'zone',
    zone,
    region: zone < 0 ? -1 : (zoneRegion[zone] ?? -1),
  });
  const placeOf = (location: Location): Place => {
    switch (location.kind) {
      case 'zone': {
        const zone = zoneIndex.get(location.name) ?? UNKNOWN;
        return zone === UNKNOWN ? { scope: 'zone', zone, region: -1 } : placeOfZone(zone);
      }
      case 'region':
        return { scope: 'region', zone: -1, region: regionIndex.get(location.name) ?? UNKNOWN };
      case 'offsite':
        return { scope: 'offsite', zone: -1, region: -1 };
      default: {
        const never: never = location;
        throw new Error(`unknown location ${JSON.stringify(never)}`);
      }
    }
  };
  const dataTier = model.data === undefined ? -1 : (tierIndex.get(model.data.tier) ?? -1);
  return model.data === undefined
    ? undefined
    : {
        tier: dataTier,
        primary: placeOfZone(groupZone[dataTier]?.[0] ?? -1),
        copies: model.data.copies.map((c) => placeOf(c.location)),
        backups: model.data.backups.map((b) => placeOf(b.location)),
      };
}

/** The place of a node group of tier t. @example groupPlace(resolved, 0, 0) // { scope: 'zone', zone: 0, region: 0 } */
export function groupPlace(resolved: ResolvedModel, t: number, g: number): Place {
  const zone = resolved.groupZone[t]?.[g] ?? -1;
  return { scope: 'zone', zone, region: zone < 0 ? -1 : (resolved.zoneRegion[zone] ?? -1) };
}

/** Tier indices a structure mentions, in order of first mention. */
export function tiersOf(s: Structure): number[] {
  const out: number[] = [];
  const visit = (x: Structure): void => {
    switch (x.kind) {
      case 'tier':
        if (!out.includes(x.tier)) out.push(x.tier);
        return;
      case 'all':
      case 'any':
      case 'atLeast':
        x.of.forEach(visit);
        return;
      case 'failover':
        visit(x.primary);
        visit(x.standby);
        return;
      default: {
        const never: never = x;
        throw new Error(`unknown structure ${JSON.stringify(never)}`);
      }
    }
  };
  visit(s);
  return out;
}

function lookup(index: ReadonlyMap<string, number>, name: string, what: string): number {
  const i = index.get(name);
  if (i === undefined) throw new Error(`resolve: unknown ${what} "${name}"`);
  return i;
}
