/**
 * How the data tier's nodes hold the data, in one place for the scenarios and durability:
 * how many shards (full replicas, or k + m erasure-coded shards) a group spreads over the
 * nodes, and how many of them it can lose. A tier's node count is not its replica count:
 * 1000 accelerators that must all be up hold no copy of each other's data.
 */
import type { Data } from '../../model/data-protection.js';
import type { Tier } from '../../model/types.js';

export type NodeCopies = {
  /** Shards of one group: replicas r, or k + m. */
  readonly shards: number;
  /** Shards the group may lose: r − 1, or m. */
  readonly tolerated: number;
  /** From `data.durability`, or implied by the tier's own redundancy. */
  readonly source: 'durability' | 'tier-redundancy';
};

/**
 * The group's shards: `data.durability`'s scheme when given; otherwise the tier's redundancy
 * implies r = n − k + 1 full replicas (the tier stays up on any k of its n nodes, so each datum
 * must sit on at least n − k + 1 of them; `minHealthy: all` implies one copy, no redundancy).
 * @example nodeCopies({ durability: undefined } as Data, { nodes: 3, minHealthy: 2 } as Tier) // { shards: 2, tolerated: 1, … }
 */
export function nodeCopies(data: Data, tier: Tier): NodeCopies {
  const scheme = data.durability?.scheme;
  if (scheme?.kind === 'erasure')
    return { shards: scheme.data + scheme.parity, tolerated: scheme.parity, source: 'durability' };
  if (scheme?.kind === 'replicas')
    return { shards: scheme.replicas, tolerated: scheme.replicas - 1, source: 'durability' };
  const k = Math.min(tier.nodes, Math.max(1, tier.minHealthy));
  const replicas = Math.max(1, tier.nodes - k + 1);
  return { shards: replicas, tolerated: replicas - 1, source: 'tier-redundancy' };
}

/**
 * Whether the data survives the loss of `lost` of the tier's `nodes` nodes, the group's shards
 * spread evenly over the nodes and their zones: the lost nodes hold ⌈shards · lost / nodes⌉ of
 * them, which must not exceed what the group tolerates. (A 14 + 4 code with 6 shards in each of
 * 3 zones loses 6 > 4 shards with a zone: not survivable from the tier itself.)
 * @example survivesNodeLoss({ shards: 18, tolerated: 4, source: 'durability' }, 18, 6) // false
 */
export function survivesNodeLoss(copies: NodeCopies, nodes: number, lost: number): boolean {
  if (lost <= 0) return true;
  if (lost >= nodes) return false;
  return Math.ceil((copies.shards * lost) / nodes) <= copies.tolerated;
}
