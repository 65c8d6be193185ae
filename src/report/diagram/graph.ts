/**
 * The topology as a graph for Mermaid and DOT: nested clusters (regions → zones, offsite, no
 * zone) holding node placements and data holders, tier nodes with their k of n, the service
 * expression as gates, and edges. Identifiers are generated (r0, z1, t2, …): names only ever
 * appear in labels, which each serializer escapes.
 */
import type { ServiceExpr } from '../../model/types.js';
import type { Holder, Placement, Topology, TopologyZone } from './topology.js';

export type NodeShape = 'box' | 'tier' | 'store' | 'gate' | 'service';
export type GraphNode = { readonly id: string; readonly label: string; readonly shape: NodeShape };
export type Cluster = {
  readonly id: string;
  readonly label: string;
  readonly nodes: readonly GraphNode[];
  readonly clusters: readonly Cluster[];
};
export type Edge = {
  readonly from: string;
  readonly to: string;
  readonly style: 'solid' | 'dotted' | 'arrow';
  readonly label?: string;
};
export type Graph = {
  readonly clusters: readonly Cluster[];
  readonly nodes: readonly GraphNode[];
  readonly edges: readonly Edge[];
};

/** The graph of a topology. */
export function topologyGraph(topology: Topology): Graph {
  const tierId = new Map(topology.tiers.map((t, i) => [t.name, `t${i}`]));
  const edges: Edge[] = [];
  let placements = 0;
  const placementNodes = (list: readonly Placement[]): GraphNode[] =>
    list.map((p) => {
      const id = `p${placements++}`;
      const tier = tierId.get(p.tier);
      if (tier !== undefined) edges.push({ from: id, to: tier, style: 'solid' });
      return { id, label: `${p.tier} ×${p.count}`, shape: 'box' };
    });
  const holders = topology.holders.map((h, i) => ({
    holder: h,
    node: { id: `h${i}`, label: h.label, shape: 'store' as const },
  }));
  const holdersAt = (match: (h: Holder) => boolean): GraphNode[] =>
    holders.filter((x) => match(x.holder)).map((x) => x.node);
  let zones = 0;
  const zoneCluster = (z: TopologyZone): Cluster => ({
    id: `z${zones++}`,
    label: `zone ${z.name}`,
    nodes: [
      ...placementNodes(z.placements),
      ...holdersAt((h) => h.location.kind === 'zone' && h.location.name === z.name),
    ],
    clusters: [],
  });
  const clusters: Cluster[] = topology.regions.map((r, i) => ({
    id: `r${i}`,
    label: `region ${r.name}`,
    clusters: r.zones.map(zoneCluster),
    nodes: holdersAt((h) => h.location.kind === 'region' && h.location.name === r.name),
  }));
  clusters.push(...topology.zones.map(zoneCluster));
  if (topology.unplaced.length > 0)
    clusters.push({ id: 'nz', label: 'no zone', nodes: placementNodes(topology.unplaced), clusters: [] });
  const offsite = holdersAt((h) => h.location.kind === 'offsite');
  if (offsite.length > 0) clusters.push({ id: 'off', label: 'offsite', nodes: offsite, clusters: [] });

  const nodes: GraphNode[] = topology.tiers.map((t) => ({
    id: tierId.get(t.name) ?? '',
    label: `tier ${t.name} · ${t.rule}`,
    shape: 'tier',
  }));
  nodes.push({ id: 'svc', label: 'service', shape: 'service' });
  let gates = 0;
  const expr = (e: ServiceExpr): string => {
    if (e.kind === 'tier') return tierId.get(e.tier) ?? 'svc';
    if (e.kind === 'failover') {
      // The primary serves; the standby (dotted) takes over after the switchover.
      const id = `g${gates++}`;
      nodes.push({ id, label: 'failover', shape: 'gate' });
      edges.push({ from: expr(e.primary), to: id, style: 'arrow' });
      edges.push({ from: expr(e.standby), to: id, style: 'dotted' });
      return id;
    }
    // all(x) and any(x) are x.
    if (e.kind !== 'atLeast' && e.of.length === 1 && e.of[0] !== undefined) return expr(e.of[0]);
    const id = `g${gates++}`;
    nodes.push({ id, label: e.kind === 'atLeast' ? `${e.k} of ${e.of.length}` : e.kind, shape: 'gate' });
    for (const child of e.of) edges.push({ from: expr(child), to: id, style: 'arrow' });
    return id;
  };
  edges.push({ from: expr(topology.service), to: 'svc', style: 'arrow' });
  const dataTier = topology.tiers.find((t) => t.holdsData);
  if (dataTier !== undefined) {
    for (const { node } of holders) edges.push({ from: tierId.get(dataTier.name) ?? '', to: node.id, style: 'dotted' });
  }
  return { clusters, nodes, edges };
}
