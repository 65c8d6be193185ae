/**
 * The topology of a model as one neutral structure: failure domains (regions → zones) with
 * the tiers' nodes placed in them, the data's copies and backups where they live, and the
 * service expression. Mermaid, DOT and the SVG placement chart are drawn from it.
 */
import type { Location } from '../../model/data-protection.js';
import type { Model, ServiceExpr } from '../../model/types.js';
import { formatDuration } from '../format.js';

/** A tier's nodes in one zone (zone undefined: in no zone). */
export type Placement = { readonly tier: string; readonly count: number };

export type TopologyZone = { readonly name: string; readonly placements: readonly Placement[] };

/** Where a copy or backup lives, or a region's own level (zone undefined). */
export type Holder = {
  readonly kind: 'copy' | 'backup';
  readonly name: string;
  /** "copy dr · async, lag 30 s". */
  readonly label: string;
  /** "async 30 s", "every 1 d". */
  readonly detail: string;
  readonly location: Location;
};

export type TopologyRegion = { readonly name: string; readonly zones: readonly TopologyZone[] };

export type TopologyTier = {
  readonly name: string;
  readonly nodes: number;
  readonly minHealthy: number;
  /** "2 of 3". */
  readonly rule: string;
  readonly holdsData: boolean;
};

export type Topology = {
  readonly name: string;
  readonly regions: readonly TopologyRegion[];
  /** Zones in no region. */
  readonly zones: readonly TopologyZone[];
  /** Nodes in no zone. */
  readonly unplaced: readonly Placement[];
  readonly tiers: readonly TopologyTier[];
  readonly service: ServiceExpr;
  /** "all(gateway, any(db, replica))". */
  readonly serviceText: string;
  readonly holders: readonly Holder[];
  /** The data tier's replication between its nodes: "sync", "async 30 s". */
  readonly replication: string | undefined;
  readonly recovery: string | undefined;
};

/** The topology of a validated model. */
export function topologyOf(model: Model): Topology {
  const placed = new Map<string, Placement[]>();
  const unplaced: Placement[] = [];
  for (const tier of model.tiers) {
    const byZone = new Map<string | undefined, number>();
    for (const g of tier.groups) byZone.set(g.zone, (byZone.get(g.zone) ?? 0) + g.count);
    for (const [zone, count] of byZone) {
      if (count === 0) continue;
      if (zone === undefined) unplaced.push({ tier: tier.name, count });
      else placed.set(zone, [...(placed.get(zone) ?? []), { tier: tier.name, count }]);
    }
  }
  const zone = (name: string): TopologyZone => ({ name, placements: placed.get(name) ?? [] });
  const data = model.data;
  const holders: Holder[] = [
    ...(data?.copies ?? []).map(
      (c): Holder => ({
        kind: 'copy',
        name: c.name,
        label: `copy ${c.name} · ${replication(c.mode, c.lagSeconds)}`,
        detail: c.mode === 'sync' ? 'sync' : `async ${formatDuration(c.lagSeconds)}`,
        location: c.location,
      }),
    ),
    ...(data?.backups ?? []).map(
      (b): Holder => ({
        kind: 'backup',
        name: b.name,
        label: `backup ${b.name} · every ${formatDuration(b.everySeconds)}`,
        detail: `every ${formatDuration(b.everySeconds)}`,
        location: b.location,
      }),
    ),
  ];
  return {
    name: model.name,
    regions: model.regions.map((r) => ({
      name: r.name,
      zones: model.zones.filter((z) => z.region === r.name).map((z) => zone(z.name)),
    })),
    zones: model.zones.filter((z) => z.region === undefined).map((z) => zone(z.name)),
    unplaced,
    tiers: model.tiers.map((t) => ({
      name: t.name,
      nodes: t.nodes,
      minHealthy: t.minHealthy,
      rule: `${t.minHealthy} of ${t.nodes}`,
      holdsData: data?.tier === t.name,
    })),
    service: model.service,
    serviceText: serviceText(model.service),
    holders,
    replication: data === undefined ? undefined : replication(data.replication.mode, data.replication.lagSeconds),
    recovery: model.recovery?.strategy,
  };
}

function replication(mode: 'sync' | 'async', lagSeconds: number): string {
  return mode === 'sync' ? 'sync' : `async, lag ${formatDuration(lagSeconds)}`;
}

/** The service expression in one line: "all(gateway, any(db, replica))", "2 of (a, b, c)". */
export function serviceText(expr: ServiceExpr): string {
  switch (expr.kind) {
    case 'tier':
      return expr.tier;
    case 'all':
    case 'any':
      if (expr.of.length === 1 && expr.of[0] !== undefined) return serviceText(expr.of[0]);
      return `${expr.kind}(${expr.of.map(serviceText).join(', ')})`;
    case 'atLeast':
      return `${expr.k} of (${expr.of.map(serviceText).join(', ')})`;
    case 'failover':
      return `failover(${serviceText(expr.primary)} → ${serviceText(expr.standby)})`;
    default: {
      const never: never = expr;
      throw new Error(`unknown service expression ${String(never)}`);
    }
  }
}

/** "zone az-a", "region eu-west", "offsite". */
export function locationText(location: Location): string {
  return location.kind === 'offsite' ? 'offsite' : `${location.kind} ${location.name}`;
}
