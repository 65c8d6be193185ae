/**
 * Small hand-built models the bench and the tests share: the reference snapshot model
 * and a builder for zone / region / k-of-n layouts with closed-form answers.
 */
import { component } from '../../src/model/component.js';
import type { Component } from '../../src/model/component.js';
import type { Model, NodeGroup, ServiceExpr, Tier } from '../../src/model/types.js';
import { SECONDS_PER_YEAR } from '../../src/units/conventions.js';

/** A static component that is down with probability p. */
export function staticComponent(p: number): Component {
  return component({ probability: p });
}

/** A repairable component with the given MTBF and MTTR in seconds. */
export function repairable(mtbfSeconds: number, mttrSeconds: number): Component {
  return component({ mtbfSeconds, mttrSeconds });
}

/** A tier of `groups` (zone, count, spec) needing k healthy nodes. */
export function tier(name: string, k: number, groups: readonly NodeGroup[]): Tier {
  const first = groups[0];
  if (first === undefined) throw new Error('tier needs a group');
  return {
    name,
    nodes: groups.reduce((s, g) => s + g.count, 0),
    groups,
    minHealthy: k,
    failure: first.failure,
    capacity: undefined,
  };
}

/** A model with the given parts; the service defaults to all tiers. */
export function model(parts: {
  readonly regions?: Model['regions'];
  readonly zones?: Model['zones'];
  readonly tiers: readonly Tier[];
  readonly service?: ServiceExpr;
  readonly targets?: Model['targets'];
  readonly horizonSeconds?: number;
}): Model {
  return {
    name: 'test',
    description: undefined,
    horizonSeconds: parts.horizonSeconds ?? SECONDS_PER_YEAR,
    regions: parts.regions ?? [],
    zones: parts.zones ?? [],
    tiers: parts.tiers,
    service: parts.service ?? { kind: 'all', of: parts.tiers.map((t) => ({ kind: 'tier', tier: t.name })) },
    data: undefined,
    recovery: undefined,
    targets: parts.targets ?? [],
  };
}

/**
 * The reference: 3 zones (p = 0.001) × 4 nodes per zone (p = 0.01); the service needs a
 * 2-of-3 tier (one node per zone) and a 7-of-12 quorum tier (4 per zone).
 */
export function referenceSnapshotModel(): Model {
  const zones = ['a', 'b', 'c'].map((name) => ({ name, region: undefined, failure: staticComponent(0.001) }));
  const node = staticComponent(0.01);
  return model({
    zones,
    tiers: [
      tier(
        'front',
        2,
        zones.map((z) => ({ zone: z.name, count: 1, failure: node })),
      ),
      tier(
        'quorum',
        7,
        zones.map((z) => ({ zone: z.name, count: 4, failure: node })),
      ),
    ],
  });
}

/** The timeline reference: 12 exponential nodes (MTBF 1 year, MTTR 8 h), service needs 7 of 12. */
export function referenceTimelineModel(): Model {
  const node = repairable(SECONDS_PER_YEAR, 8 * 3600);
  return model({ tiers: [tier('nodes', 7, [{ zone: undefined, count: 12, failure: node }])] });
}
