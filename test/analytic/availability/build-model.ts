/** Small builders of Model objects for the availability tests (no YAML, no units). */
import { component, type FailureInput } from '../../../src/model/component.js';
import type { Component } from '../../../src/model/component.js';
import type { Model, NodeGroup, ServiceExpr, Tier } from '../../../src/model/types.js';
import { SECONDS_PER_YEAR } from '../../../src/units/conventions.js';

export const c = (spec: FailureInput): Component => component(spec);
/** A static component down with probability q. */
export const p = (q: number): Component => component({ probability: q });
/** A repairable component with the given MTBF and MTTR in seconds. */
export const r = (mtbfSeconds: number, mttrSeconds: number): Component => component({ mtbfSeconds, mttrSeconds });

type TierSpec = {
  readonly nodes?: number;
  readonly k?: number;
  readonly failure: Component;
  /** Nodes spread round-robin over these zones. */
  readonly zones?: readonly string[];
  readonly groups?: readonly NodeGroup[];
  readonly capacity?: { readonly perNode: number; readonly demand: number };
};

export function tier(name: string, spec: TierSpec): Tier {
  let groups: readonly NodeGroup[];
  if (spec.groups !== undefined) groups = spec.groups;
  else {
    const n = spec.nodes ?? 1;
    const zones = spec.zones ?? [];
    groups =
      zones.length === 0
        ? [{ zone: undefined, count: n, failure: spec.failure }]
        : zones
            .map((zone, i) => ({
              zone,
              count: Math.floor(n / zones.length) + (i < n % zones.length ? 1 : 0),
              failure: spec.failure,
            }))
            .filter((g) => g.count > 0);
  }
  const nodes = groups.reduce((s, g) => s + g.count, 0);
  return {
    name,
    nodes,
    groups,
    minHealthy: spec.k ?? nodes,
    failure: spec.failure,
    capacity: spec.capacity,
  };
}

type ModelSpec = {
  readonly tiers: readonly Tier[];
  readonly zones?: readonly { readonly name: string; readonly region?: string; readonly failure?: Component }[];
  readonly regions?: readonly { readonly name: string; readonly failure?: Component }[];
  readonly service?: ServiceExpr;
  readonly horizonSeconds?: number;
};

export function model(spec: ModelSpec): Model {
  return {
    name: 'test',
    description: undefined,
    horizonSeconds: spec.horizonSeconds ?? SECONDS_PER_YEAR,
    regions: (spec.regions ?? []).map((x) => ({ name: x.name, failure: x.failure })),
    zones: (spec.zones ?? []).map((z) => ({ name: z.name, region: z.region, failure: z.failure })),
    tiers: spec.tiers,
    service: spec.service ?? { kind: 'all', of: spec.tiers.map((t) => ({ kind: 'tier', tier: t.name })) },
    data: undefined,
    recovery: undefined,
    targets: [],
  };
}

export const ref = (name: string): ServiceExpr => ({ kind: 'tier', tier: name });

/** Relative difference |x − y| / |y|. */
export const rel = (x: number, y: number): number => Math.abs(x - y) / Math.abs(y);

export { seededRandom as rng } from '../../support/seeded-random.js';
