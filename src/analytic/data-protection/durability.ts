import type { Component } from '../../model/component.js';
import type { Data } from '../../model/data-protection.js';
import type { Tier } from '../../model/types.js';
import { SECONDS_PER_YEAR } from '../../units/conventions.js';
import { markovDurability } from './durability-markov.js';
import { declusteredRebuildSeconds } from './rebuild.js';
import { nodeCopies } from './replicas.js';
import { windowDurability, type ShardGroup } from './durability-window.js';
import type { DurabilityResult, DurabilityScheme } from './types.js';

export type DurabilityAnalysis = {
  readonly durability: DurabilityResult | null;
  readonly notes: readonly string[];
};

/**
 * Durability of the primary storage, both models (window and Markov), the window model's
 * figures at the top level (targets use it).
 * - `data.durability` given: its scheme (replicas r: n = r, m = r − 1; erasure k + m:
 *   n = k + m), shard failure spec and groups; rebuild time from the rebuild throughput
 *   (bytes per shard = S(H) / G for a replica, S(H) / (G·k) for a shard; declustered over the
 *   data tier's nodes, rebuild.ts), else given, else the shard's MTTR.
 * - absent: the data tier's nodes hold r = n − k + 1 full replicas (the copies its own
 *   redundancy implies, see replicas.ts), one group, the tier's node failure spec, rebuild =
 *   the node's MTTR (the model gives no rebuild throughput).
 * Copies and backups are not counted: this is the durability of the live storage system.
 * null (with a note) when the spec has no failure rate or no rebuild time can be found.
 * @example analyzeDurability(data, tier, 1e12).durability?.nines
 */
export function analyzeDurability(data: Data, tier: Tier | undefined, sizeBytes: number): DurabilityAnalysis {
  const spec = durabilitySpec(data, tier, sizeBytes);
  if ('notes' in spec) return { durability: null, notes: spec.notes };
  const { given, scheme, failure, groups, rebuild } = spec;
  const shards = scheme.kind === 'erasure' ? scheme.data + scheme.parity : scheme.replicas;
  const tolerated = scheme.kind === 'erasure' ? scheme.parity : scheme.replicas - 1;
  const lambda = failure.failureRate;
  if (lambda === undefined || !(lambda > 0)) {
    const why = lambda === 0 ? 'never fails' : 'has no failure rate (a static availability)';
    return { durability: null, notes: [`durability not computed: the shard failure spec ${why}`] };
  }
  if (rebuild.seconds === undefined || !(rebuild.seconds > 0)) {
    return {
      durability: null,
      notes: ['durability not computed: no rebuild time (give rebuild, a rebuild throughput or an MTTR)'],
    };
  }
  const group: ShardGroup = {
    shards,
    tolerated,
    failureRatePerSecond: lambda,
    rebuildSeconds: rebuild.seconds,
    groups,
    bytesPerGroup: sizeBytes / groups,
  };
  const window = windowDurability(group);
  const markov = markovDurability(group);
  const notes =
    given === undefined
      ? [
          `durability: tier '${data.tier}' taken to hold ${shards} full replica${shards === 1 ? '' : 's'} (n − k + 1 = ${tier?.nodes ?? 0} − ${tier?.minHealthy ?? 0} + 1, what its own redundancy implies), rebuild = node MTTR; give data.durability for the real scheme`,
        ]
      : [];
  return {
    durability: {
      model: 'window',
      annualLossProbability: window.annualLossProbability,
      log10AnnualLossProbability: window.log10AnnualLossProbability,
      nines: window.nines,
      mttdlSeconds: window.mttdlSeconds,
      log10MttdlSeconds: window.log10MttdlSeconds,
      expectedBytesLostPerYear: window.expectedBytesLostPerYear,
      scheme,
      derivedFromTier: given === undefined,
      shards,
      toleratedFailures: tolerated,
      groups,
      shardAnnualFailureRate: lambda * SECONDS_PER_YEAR,
      rebuildSeconds: rebuild.seconds,
      rebuildSource: rebuild.source,
      window,
      markov,
    },
    notes,
  };
}

type Rebuild = { seconds: number | undefined; source: 'given' | 'throughput' | 'mttr' };

/** The scheme, shard failure, groups and rebuild time durability is computed from (see analyzeDurability). */
function durabilitySpec(
  data: Data,
  tier: Tier | undefined,
  sizeBytes: number,
):
  | { given: Data['durability']; scheme: DurabilityScheme; failure: Component; groups: number; rebuild: Rebuild }
  | { notes: string[] } {
  const given = data.durability;
  let scheme: DurabilityScheme;
  let failure: Component;
  let groups = 1;
  let rebuild: Rebuild;
  if (given !== undefined) {
    scheme = given.scheme;
    failure = given.shardFailure;
    groups = Math.max(1, given.groups);
    const dataShards = scheme.kind === 'erasure' ? scheme.data : 1;
    const shardBytes = sizeBytes / (groups * dataShards);
    // The schema takes exactly one of rebuild and rebuildThroughput (normalise also fills
    // rebuildSeconds from the throughput): the throughput is the source when it is there.
    const shardsTotal = groups * (scheme.kind === 'erasure' ? scheme.data + scheme.parity : scheme.replicas);
    const throughput = given.rebuildThroughputBytesPerSecond;
    if (throughput !== undefined && throughput > 0)
      rebuild = {
        seconds: declusteredRebuildSeconds(shardBytes, throughput, shardsTotal, tier?.nodes),
        source: 'throughput',
      };
    else if (given.rebuildSeconds !== undefined) rebuild = { seconds: given.rebuildSeconds, source: 'given' };
    else rebuild = { seconds: failure.mttrSeconds, source: 'mttr' };
  } else {
    if (tier === undefined) {
      return { notes: [`durability: data tier '${data.tier}' not found`] };
    }
    scheme = { kind: 'replicas', replicas: nodeCopies(data, tier).shards };
    failure = tier.failure;
    rebuild = { seconds: failure.mttrSeconds, source: 'mttr' };
  }
  return { given, scheme, failure, groups, rebuild };
}
